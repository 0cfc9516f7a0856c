import type { Command } from 'commander';
import { z } from 'zod';
import { Email, Password, ROLES, Role } from '../../shared/contracts/auth.ts';
import { requiredText } from '../../shared/contracts/common.ts';
import { InvitationCreate, type User } from '../../shared/contracts/users.ts';
import type { Db } from '../../server/db/client.ts';
import { AppError } from '../../server/http/app-error.ts';
import { getOrg } from '../../server/modules/org/org.public.ts';
import { createFirstOrg, needsSetup } from '../../server/modules/setup/setup.public.ts';
import { createUser } from '../../server/modules/users/users.public.ts';
import { principalByEmailForSignIn, resetMfaOf } from '../../server/modules/auth/auth.public.ts';
import { withDirect } from '../direct.ts';
import { CliError, emit, flagError, usageError } from '../output.ts';
import { promptSecret } from '../prompt.ts';
import { commandContext } from '../target.ts';

interface CreateFlags {
  email: string;
  name?: string;
  role?: string;
  vendor?: string;
  password?: string;
  orgName?: string;
}

const FLAG_OF: Record<string, string> = { email: '--email', name: '--name', role: '--role', vendorId: '--vendor', password: '--password', orgName: '--org-name' };

const DirectInput = z.object({
  email: Email,
  name: requiredText(200),
  role: Role,
  vendorId: z.uuid().nullable(),
  orgName: requiredText(200).optional(),
});

/** --password, else OUTSIGHT_PASSWORD, else a no-echo prompt, but only on a terminal. */
async function readPassword(flag: string | undefined): Promise<string> {
  let password = flag ?? process.env.OUTSIGHT_PASSWORD;
  if (password === undefined) {
    if (!process.stdin.isTTY) throw usageError('Give the password with OUTSIGHT_PASSWORD or --password (there is no terminal to ask on).');
    password = await promptSecret('Password for the new user: ');
    if ((await promptSecret('Repeat the password: ')) !== password) throw usageError('The two passwords differ.');
  }
  const parsed = z.object({ password: Password }).safeParse({ password });
  if (!parsed.success) throw flagError(parsed.error, FLAG_OF);
  return parsed.data.password;
}

/** The first organisation and its owner, through the same service as the web setup page. */
async function firstOrg(db: Db, orgName: string, input: { email: string; name: string; password: string }, requestId: string) {
  try {
    const { org, owner } = await createFirstOrg(db, { orgName, ...input }, { requestId, via: 'token' });
    return { user: owner, org: { id: org.id, name: org.name, created: true } };
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') throw new CliError('conflict', 'Outsight already has an organisation; --org-name only creates the first one.');
    throw err;
  }
}

function describe(user: User, org: { name: string; created: boolean }): string {
  const where = org.created ? `the new organisation "${org.name}"` : `"${org.name}"`;
  return `Created ${user.role} ${user.name} <${user.email}> in ${where}. They can sign in now.`;
}

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('manage the users of the organisation');

  users
    .command('create')
    .description('create a user with a password (direct mode); with --url, invite them by link instead')
    .requiredOption('--email <email>', 'their e-mail address (their sign-in)')
    .option('--name <name>', 'their full name (required in direct mode)')
    .option('--role <role>', `${ROLES.join(', ')} (default owner with --org-name)`)
    .option('--vendor <id>', 'the vendor id a vendor_contact belongs to')
    .option('--password <password>', 'their password (prefer OUTSIGHT_PASSWORD: flags show up in ps); prompted on a terminal')
    .option('--org-name <name>', 'when the database has no organisation yet: create it, with this user as its owner')
    .addHelpText(
      'after',
      '\nDirect mode creates the user with a password at once; with --org-name on an empty database it\n' +
        'also creates the first organisation (useful with OUTSIGHT_DEMO=0). Passwords have 10+ characters.\n' +
        'Remote mode (--url/--token) cannot set passwords: it creates an invitation and prints its one-time\n' +
        'link (valid 7 days), where the person chooses their own name and password.',
    )
    .action(async (flags: CreateFlags, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      if (target.kind === 'remote') {
        if (flags.password !== undefined || flags.orgName !== undefined) {
          throw usageError('--password and --org-name only work on the database directly; with --url the person sets their own password from an invitation link.');
        }
        const input = InvitationCreate.safeParse({ email: flags.email, role: flags.role, vendorId: flags.vendor });
        if (!input.success) throw flagError(input.error, FLAG_OF);
        const inv = await target.api.json<{ email: string; role: string; link: string; expiresAt: string }>('POST', '/api/v1/invitations', { json: input.data });
        emit(out, { invitation: inv }, () => `Invited ${inv.email} as ${inv.role}. Send them this one-time link (valid until ${inv.expiresAt}):\n${inv.link}`);
        return;
      }

      const role = flags.role ?? (flags.orgName !== undefined ? 'owner' : undefined);
      if (role === undefined) throw usageError(`--role is required: one of ${ROLES.join(', ')} (with --org-name it defaults to owner).`);
      const parsed = DirectInput.safeParse({ email: flags.email, name: flags.name, role, vendorId: flags.vendor ?? null, orgName: flags.orgName });
      if (!parsed.success) throw flagError(parsed.error, FLAG_OF);
      const input = parsed.data;
      if (input.orgName !== undefined && input.role !== 'owner') throw usageError('The first user of a new organisation is its owner: leave out --role or use --role owner.');
      const password = await readPassword(flags.password);

      const result = await withDirect(target, async (s) => {
        if (await needsSetup(s.db)) {
          if (input.orgName === undefined) throw usageError('There is no organisation yet: add --org-name <name> to create it, with this user as its owner.');
          return firstOrg(s.db, input.orgName, { email: input.email, name: input.name, password }, s.requestId);
        }
        if (input.orgName !== undefined) throw new CliError('conflict', 'Outsight already has an organisation; --org-name only creates the first one. Leave it out to add a user.');
        // The users policy decides, as it does for the API: who may add users, and which roles.
        const ctx = await s.actingCtx();
        const user = await createUser(ctx, { email: input.email, name: input.name, role: input.role, password, vendorId: input.vendorId });
        const org = await getOrg(ctx);
        return { user, org: { id: org.id, name: org.name, created: false } };
      });
      emit(out, result, () => describe(result.user, result.org));
    });

  users
    .command('reset-mfa')
    .description("turn off someone's two-step sign-in when they lost their authenticator (direct mode, as an owner)")
    .requiredOption('--email <email>', 'their e-mail address (their sign-in)')
    .addHelpText(
      'after',
      '\nTheir authenticator and recovery codes are deleted and their sessions end. They sign in with\n' +
        'their password; if the organisation requires two-step sign-in they set up a new authenticator\n' +
        'right then. Recorded in the audit trail. Only on the database directly: an operator\'s tool.',
    )
    .action(async (flags: { email: string }, cmd: Command) => {
      const { out, target } = commandContext(cmd);
      if (target.kind === 'remote') throw usageError('reset-mfa works on the database directly (an operator\'s tool); leave out --url and --token.');
      const parsed = z.object({ email: Email }).safeParse({ email: flags.email });
      if (!parsed.success) throw flagError(parsed.error, { email: '--email' });
      const email = parsed.data.email;
      const result = await withDirect(target, async (s) => {
        const ctx = await s.actingCtx();
        const who = await principalByEmailForSignIn(s.db, email, ctx.actor.orgId);
        if (!who) throw new CliError('not_found', `No user of this organisation has the e-mail ${email}.`);
        await resetMfaOf(ctx, who.userId, who.email);
        return { email: who.email, mfaReset: true };
      });
      emit(out, result, () => `Two-step sign-in is off for ${result.email}, and their sessions ended. They sign in with their password (and set up a new authenticator if the organisation requires one).`);
    });
}
