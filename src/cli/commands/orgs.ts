import type { Command } from 'commander';
import { z } from 'zod';
import { Email, Password } from '../../shared/contracts/auth.ts';
import { requiredText } from '../../shared/contracts/common.ts';
import { AppError } from '../../server/http/app-error.ts';
import { checkPasswordPolicy, membershipsByEmailForSignIn } from '../../server/modules/auth/auth.public.ts';
import { createOrgWithOwner } from '../../server/modules/setup/setup.public.ts';
import { withDirect } from '../direct.ts';
import { CliError, EXIT, emit, flagError, usageError } from '../output.ts';
import { promptSecret } from '../prompt.ts';
import { commandContext } from '../target.ts';

interface CreateFlags {
  name: string;
  ownerEmail: string;
  ownerName?: string;
  ownerPassword?: string;
}

const FLAG_OF: Record<string, string> = { orgName: '--name', email: '--owner-email', name: '--owner-name', password: '--owner-password' };

const Input = z.object({ orgName: requiredText(200), email: Email, name: requiredText(200).optional() });

/** --owner-password, else OUTSIGHT_PASSWORD, else a no-echo prompt, but only on a terminal. */
async function readOwnerPassword(flag: string | undefined): Promise<string> {
  let password = flag ?? process.env.OUTSIGHT_PASSWORD;
  if (password === undefined) {
    if (!process.stdin.isTTY) throw usageError('The owner is new: give their password with OUTSIGHT_PASSWORD or --owner-password (there is no terminal to ask on).');
    password = await promptSecret('Password for the new owner: ');
    if ((await promptSecret('Repeat the password: ')) !== password) throw usageError('The two passwords differ.');
  }
  const parsed = z.object({ password: Password }).safeParse({ password });
  if (!parsed.success) throw flagError(parsed.error, FLAG_OF);
  return parsed.data.password;
}

export function registerOrgCommands(program: Command): void {
  const orgs = program.command('orgs').description('organisations of the installation (an operator\'s tool)');

  orgs
    .command('create')
    .description('create an organisation with its owner (direct mode)')
    .requiredOption('--name <name>', "the organisation's name")
    .requiredOption('--owner-email <email>', "the owner's e-mail address (their sign-in)")
    .option('--owner-name <name>', "the owner's full name (default: their name elsewhere, or the e-mail's local part)")
    .option('--owner-password <password>', 'a new owner\'s password (prefer OUTSIGHT_PASSWORD: flags show up in ps); prompted on a terminal')
    .addHelpText(
      'after',
      '\nAn owner whose e-mail already signs in (they belong to another organisation) becomes a member of\n' +
        'the new one and keeps their password: no password is asked for. A new owner needs one (10+\n' +
        'characters). Only on the database directly: whoever may open the database runs the installation.\n' +
        'Self-service sign-up is not offered; operators create organisations here.',
    )
    .action(async (flags: CreateFlags, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      if (target.kind === 'remote') throw usageError('orgs create works on the database directly (an operator\'s tool); leave out --url and --token.');
      const parsed = Input.safeParse({ orgName: flags.name, email: flags.ownerEmail, name: flags.ownerName });
      if (!parsed.success) throw flagError(parsed.error, FLAG_OF);
      const input = parsed.data;
      const result = await withDirect(target, async (s) => {
        const elsewhere = await membershipsByEmailForSignIn(s.db, input.email);
        const name = input.name ?? elsewhere[0]?.name ?? input.email.split('@')[0];
        let password: string | undefined;
        if (elsewhere.length === 0) {
          password = await readOwnerPassword(flags.ownerPassword);
          await checkPasswordPolicy(password, 'password', [input.email, name, input.orgName]);
        } else if (flags.ownerPassword !== undefined) {
          throw usageError(`${input.email} already signs in: they keep their own password, so leave out --owner-password.`);
        }
        try {
          const { org, owner, ownerIsNew } = await createOrgWithOwner(s.db, { orgName: input.orgName, name, email: input.email, password }, { requestId: s.requestId, via: 'token', now: s.now });
          return { org, owner, ownerIsNew };
        } catch (err) {
          if (err instanceof AppError && err.code === 'validation_failed') {
            const issues = err.details?.issues ?? [];
            throw new CliError('validation_failed', issues[0] ? `${FLAG_OF[issues[0].path] ?? issues[0].path}: ${issues[0].message}` : err.message, { issues }, EXIT.usage);
          }
          throw err;
        }
      });
      emit(out, result, () =>
        result.ownerIsNew
          ? `Created the organisation "${result.org.name}" with its owner ${result.owner.name} <${result.owner.email}>. They can sign in now.`
          : `Created the organisation "${result.org.name}". Its owner ${result.owner.name} <${result.owner.email}> already signs in: they switch to it with their own password.`,
      );
    });
}
