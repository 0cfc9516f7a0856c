import type { Command } from 'commander';
import { ApiTokenCreate } from '../../shared/contracts/users.ts';
import { createToken } from '../../server/modules/tokens/tokens.public.ts';
import { withDirect } from '../direct.ts';
import { emit, flagError } from '../output.ts';
import { commandContext } from '../target.ts';

interface Created {
  id: string;
  name: string;
  prefix: string;
  token: string;
  expiresAt: string | null;
}

const FLAG_OF = { name: '--name', expiresInDays: '--expires-in-days' };

export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('API tokens for scripts and for --url/--token');

  tokens
    .command('create')
    .description('create an API token for the acting user; the secret is printed once')
    .requiredOption('--name <name>', 'what the token is for, e.g. "nightly ticket import"')
    .option('--expires-in-days <days>', 'expire after this many days (default: never)')
    .addHelpText(
      'after',
      '\nWithout --json only the secret goes to stdout (notes go to stderr), so\n' +
        '  export OUTSIGHT_TOKEN=$(outsight tokens create --name ci)\n' +
        'works. Direct mode acts as --as <email> (default: the only organisation\'s first owner).',
    )
    .action(async (flags: { name: string; expiresInDays?: string }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      const days = flags.expiresInDays === undefined ? undefined : Number(flags.expiresInDays);
      const parsed = ApiTokenCreate.safeParse({ name: flags.name, expiresInDays: days });
      if (!parsed.success) throw flagError(parsed.error, FLAG_OF);
      let owner: string | null = null;
      const created =
        target.kind === 'remote'
          ? await target.api.json<Created>('POST', '/api/v1/tokens', { json: parsed.data })
          : await withDirect(target, async (s) => {
              // The tokens policy decides who may hold tokens, as it does for the API.
              const ctx = await s.actingCtx();
              owner = ctx.actor.email;
              return createToken(ctx, parsed.data);
            });
      if (!out.json) {
        const expiry = created.expiresAt ? `expires ${created.expiresAt}` : 'does not expire';
        process.stderr.write(`API token "${created.name}"${owner ? ` for ${owner}` : ''} created (${expiry}). It is shown only this once:\n`);
      }
      emit(out, created, () => created.token);
    });
}
