import { InvalidArgumentError, type Command } from 'commander';
import { CalendarInput, type Calendar } from '../../shared/contracts/sla.ts';
import { parseIcsHolidays } from '../../domain/sla/ics.ts';
import { createCalendar } from '../../server/modules/calendars/calendars.public.ts';
import { withDirect } from '../direct.ts';
import { CliError, EXIT, emit, flagError } from '../output.ts';
import { commandContext } from '../target.ts';
import { readInput } from '../files.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const FLAG_OF = { name: '--name', timeZone: '--time-zone', week: '--hours', holidays: '--holidays' };

type Week = Record<string, Array<{ from: string; to: string }>>;

/**
 * "mon-fri 08:00-18:00" or "sat 09:00-13:00" (repeatable; "mon,wed" lists days) → the
 * calendar's week. Wrong shapes are refused with the accepted form, never guessed.
 */
export function parseHours(spec: string, week: Week = {}): Week {
  const m = /^\s*([a-z]{3}(?:\s*[-,]\s*[a-z]{3})*)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/i.exec(spec);
  if (!m) throw new InvalidArgumentError(`"${spec}" is not like "mon-fri 08:00-18:00".`);
  const days = new Set<number>();
  for (const part of m[1].toLowerCase().split(',')) {
    const [a, b] = part.split('-').map((d) => DAYS.indexOf(d.trim()));
    if (a < 0 || (b !== undefined && b < 0)) throw new InvalidArgumentError(`"${part.trim()}": days are ${DAYS.join(', ')}.`);
    for (let d = a; d <= (b ?? a); d++) days.add(d + 1);
  }
  const next = { ...week };
  for (const d of days) next[String(d)] = [...(next[String(d)] ?? []), { from: m[2], to: m[3] }];
  return next;
}

export function registerCalendarCommands(program: Command): void {
  const calendars = program.command('calendars').description('business calendars: working hours and holidays that SLA clocks run on');

  calendars
    .command('create')
    .description('create a calendar, optionally with the holidays of an .ics file; prints its id (the calendar with --json)')
    .requiredOption('--name <name>', 'e.g. "Service desk hours (Berlin)"')
    .requiredOption('--time-zone <zone>', 'IANA zone the hours are in, e.g. Europe/Berlin')
    .requiredOption('--hours <spec>', 'working hours, e.g. "mon-fri 08:00-18:00"; repeat for more intervals', parseHours)
    .option('--holidays <file.ics>', 'public holidays from an iCalendar file ("-" for stdin)')
    .option('--from-year <year>', 'first year to expand yearly holidays into (default: five years back)')
    .option('--to-year <year>', 'last year (default: five years ahead; at most 30 years in all)')
    .action(async (flags: { name: string; timeZone: string; hours: Week; holidays?: string; fromYear?: string; toYear?: string }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const year = new Date().getUTCFullYear();
      let holidays: string[] = [];
      let problems: string[] = [];
      if (flags.holidays) {
        const fromYear = flags.fromYear ? Number(flags.fromYear) : year - 5;
        const toYear = flags.toYear ? Number(flags.toYear) : year + 5;
        if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || toYear - fromYear > 30) {
          throw new CliError('invalid_flag', '--from-year and --to-year must be years, in order, at most 30 years apart.', { fromYear: flags.fromYear, toYear: flags.toYear }, EXIT.usage);
        }
        const parsed = parseIcsHolidays((await readInput(flags.holidays)).toString('utf8'), { fromYear, toYear, timeZone: flags.timeZone });
        // A holiday file that yields nothing is a mistake to report, not an empty calendar to create.
        if (parsed.holidays.length === 0) throw new CliError('import_rejected', `${flags.holidays} contains no holidays between ${fromYear} and ${toYear}.`, { problems: parsed.problems });
        holidays = parsed.holidays;
        problems = parsed.problems;
      }
      const parsed = CalendarInput.safeParse({ name: flags.name, timeZone: flags.timeZone, week: flags.hours, holidays });
      if (!parsed.success) throw flagError(parsed.error, FLAG_OF);
      const created: Calendar =
        target.kind === 'remote'
          ? await target.api.json<Calendar>('POST', '/api/v1/calendars', { json: parsed.data })
          : await withDirect(target, async (s) => createCalendar(await s.actingCtx(), parsed.data));
      if (!out.json) {
        process.stderr.write(`Calendar "${created.name}" created with ${created.holidays.length} holiday${created.holidays.length === 1 ? '' : 's'}.\n`);
        for (const p of problems) process.stderr.write(`  skipped: ${p}\n`);
      }
      emit(out, { ...created, skipped: problems }, () => created.id);
    });
}
