import type { Command } from 'commander';
import type { z } from 'zod';
import { PageQuery } from '../../shared/contracts/common.ts';
import { SlaPolicyInput, type Calendar, type SlaPolicy } from '../../shared/contracts/sla.ts';
import type { Ctx } from '../../server/context.ts';
import { listCalendars } from '../../server/modules/calendars/calendars.public.ts';
import { getPolicy, savePolicy } from '../../server/modules/sla-policies/sla-policies.public.ts';
import { withDirect } from '../direct.ts';
import { CliError, emit, flagError } from '../output.ts';
import { commandContext, type RemoteApi } from '../target.ts';
import { readJsonInput } from '../files.ts';
import { describeEngagement, engagementDirect, engagementRemote } from './tickets.ts';

function pickCalendar(ref: string, all: Calendar[]): Calendar {
  const wanted = ref.trim().toLowerCase();
  const hits = all.filter((c) => c.id === wanted || c.name.toLowerCase() === wanted);
  if (hits.length === 1) return hits[0];
  if (hits.length === 0) throw new CliError('not_found', `No calendar has the id or name "${ref}".`, { calendar: ref });
  throw new CliError('ambiguous', `Several calendars are named "${ref}": use an id (${hits.map((c) => c.id).join(', ')}).`, { calendar: ref });
}

async function calendarsDirect(ctx: Ctx): Promise<Calendar[]> {
  const all: Calendar[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCalendars(ctx, PageQuery.parse({ cursor, limit: 200 }));
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

async function calendarsRemote(api: RemoteApi): Promise<Calendar[]> {
  const all: Calendar[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.json<{ items: Calendar[]; nextCursor: string | null }>('GET', '/api/v1/calendars', { query: { limit: 200, cursor } });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The policy file as the API takes it, with --calendar (a name or id) filling or replacing its calendarId. */
function policyBody(file: unknown, calendarId: string | undefined): z.output<typeof SlaPolicyInput> {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw new CliError('invalid_policy', 'The policy file must hold one JSON object (the body of PUT /api/v1/engagements/{id}/sla-policy).');
  // What "sla policy show --json" prints carries fields a new version does not take: drop them so show → set round-trips.
  const { id: _id, engagementId: _e, version: _v, createdAt: _c, createdByName: _b, ...rest } = file as Record<string, unknown>;
  const parsed = SlaPolicyInput.safeParse(calendarId ? { ...rest, calendarId } : rest);
  if (!parsed.success) throw flagError(parsed.error, { calendarId: '--calendar' });
  return parsed.data;
}

export function registerSlaPolicyCommands(sla: Command): void {
  const policy = sla.command('policy').description("an engagement's SLA policy: targets, calendar, credits");

  policy
    .command('set')
    .description('save a new version of the SLA policy from a JSON file (the API body of PUT …/sla-policy)')
    .requiredOption('-e, --engagement <eng>', "the engagement's id or exact name")
    .requiredOption('-f, --file <policy.json>', 'the policy ("-" for stdin); "outsight sla policy show --json" prints one to start from')
    .option('--calendar <name|id>', "the business calendar the clocks run on (instead of the file's calendarId)")
    .addHelpText('after', '\nA minimal file:\n  {"priorities": {"P1": {"resolution": {"ms": 14400000, "clock": "business"}, "monthlyAttainment": 0.95}},\n   "resolvedStatuses": ["Resolved", "Closed"], "monthlyFeeMinor": 1200000, "currency": "EUR"}')
    .action(async (flags: { engagement: string; file: string; calendar?: string }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const file = await readJsonInput(flags.file);
      let saved: SlaPolicy;
      let label: string;
      if (target.kind === 'remote') {
        const e = await engagementRemote(target.api, flags.engagement);
        const calendarId = flags.calendar ? pickCalendar(flags.calendar, await calendarsRemote(target.api)).id : undefined;
        saved = await target.api.json<SlaPolicy>('PUT', `/api/v1/engagements/${e.id}/sla-policy`, { json: policyBody(file, calendarId) });
        label = describeEngagement(e);
      } else {
        [saved, label] = await withDirect(target, async (s) => {
          const ctx = await s.actingCtx();
          const e = await engagementDirect(ctx, flags.engagement);
          const calendarId = flags.calendar ? pickCalendar(flags.calendar, await calendarsDirect(ctx)).id : undefined;
          return [await savePolicy(ctx, e.id, policyBody(file, calendarId)), describeEngagement(e)] as const;
        });
      }
      emit(out, saved, () => `SLA policy version ${saved.version} of ${label} saved; its report is measured under it from now on.`);
    });

  policy
    .command('show')
    .description('the SLA policy in force, as JSON (a starting point for "sla policy set")')
    .requiredOption('-e, --engagement <eng>', "the engagement's id or exact name")
    .action(async (flags: { engagement: string }, cmd: Command) => {
      const { target } = commandContext(cmd);
      const shown =
        target.kind === 'remote'
          ? await target.api.json<SlaPolicy>('GET', `/api/v1/engagements/${(await engagementRemote(target.api, flags.engagement)).id}/sla-policy`)
          : await withDirect(target, async (s) => {
              const ctx = await s.actingCtx();
              return getPolicy(ctx, (await engagementDirect(ctx, flags.engagement)).id);
            });
      process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    });
}
