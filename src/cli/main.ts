import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { registerCalendarCommands } from './commands/calendars.ts';
import { registerContractCommands } from './commands/contracts.ts';
import { registerCostCommands } from './commands/costs.ts';
import { registerInvoiceCommands } from './commands/invoices.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerDueCommands } from './commands/due.ts';
import { registerEngagementCommands } from './commands/engagements.ts';
import { registerExitCommands } from './commands/exit.ts';
import { registerOrgCommands } from './commands/orgs.ts';
import { registerRiskCommands } from './commands/risks.ts';
import { registerSlaCommands } from './commands/sla.ts';
import { registerSourcingCommands } from './commands/sourcing.ts';
import { registerQuestionnaireCommands } from './commands/questionnaires.ts';
import { registerReviewCommands } from './commands/reviews.ts';
import { registerTicketCommands } from './commands/tickets.ts';
import { registerTokenCommands } from './commands/tokens.ts';
import { registerUserCommands } from './commands/users.ts';
import { registerVendorCommands } from './commands/vendors.ts';
import { CliError, EXIT, reportError, type Out } from './output.ts';

// Each command group is one file under commands/ exposing register<Group>Commands;
// a new group (tickets, sla, questionnaires) is one file plus one line here.
const COMMANDS = [
  registerVendorCommands,
  registerEngagementCommands,
  registerCalendarCommands,
  registerUserCommands,
  registerOrgCommands,
  registerTokenCommands,
  registerDbCommands,
  registerTicketCommands,
  registerSlaCommands,
  registerQuestionnaireCommands,
  registerContractCommands,
  registerInvoiceCommands,
  registerCostCommands,
  registerExitCommands,
  registerRiskCommands,
  registerSourcingCommands,
  registerReviewCommands,
  registerDueCommands,
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The program with its global options; built fresh per run so tests could call it twice. */
export function buildProgram(out: Out): Command {
  const program = new Command('outsight')
    .description('Outsight: oversight for outsourced IT. Works on the database directly, or on a running server with --url and --token.')
    .version(version(), '-V, --version')
    .option('--json', 'print exactly one JSON document on stdout, errors included ({"error": {...}})')
    .addOption(new Option('--url <url>', 'act through the REST API of a running server, e.g. http://localhost:3000').env('OUTSIGHT_URL'))
    .addOption(new Option('--token <token>', 'API token (osk_...) for --url; create one with "outsight tokens create"').env('OUTSIGHT_TOKEN'))
    .option('--as <email>', "direct mode: act as this user (default: the only organisation's first owner)")
    .option('--org <name>', 'direct mode, with --as: the organisation (name or id) to act in, when that person belongs to several')
    // Subcommand help lists --json/--url/--token/--as too: they matter for every command.
    .configureHelp({ showGlobalOptions: true })
    // Usage errors must exit 2 (not commander's 1) and become JSON under --json: take over.
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => {
        if (!out.json) write(text);
      },
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nDirect mode (default) opens the database like the server: DATABASE_URL, else the embedded data\n' +
        'directory OUTSIGHT_DATA_DIR (default ./data). While a server runs on that data directory, use\n' +
        '--url/--token instead. Errors print no stack trace unless OUTSIGHT_DEBUG=1.\n' +
        'Exit codes: 0 done, 1 refused or failed, 2 usage error, 3 data directory in use.',
    );
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs one command line and returns the exit code; never throws. */
export async function run(argv: string[]): Promise<number> {
  // Known before parsing, so even a usage error can be answered as JSON.
  const out: Out = { json: argv.slice(2).includes('--json') };
  try {
    await buildProgram(out).parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.ok; // --help, --version
      if (!out.json) return EXIT.usage; // commander has already printed the message
      return reportError(new CliError('usage', err.message.replace(/^error: /, ''), undefined, EXIT.usage), out);
    }
    return reportError(err, out);
  }
}

const code = await run(process.argv);
// Explicit exit, so an idle keep-alive socket or a paused stdin cannot keep a script
// waiting; but only once stdout has flushed (pipes are asynchronous outside Linux).
process.exitCode = code;
process.stdout.write('', () => process.exit(code));
