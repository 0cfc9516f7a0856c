import type { Ctx, PublicCtx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import type { MailContext } from '../../mail/mailer.ts';
import { change, changeAs } from '../audit/audit.public.ts';
import {
  PASSWORD_RESET_TTL_MS,
  accountKey,
  checkPasswordPolicy,
  createPasswordReset,
  endAllSessionsOf,
  hashPassword,
  membershipsByEmailForSignIn,
  personIdOf,
  setPasswordOfPerson,
  openPasswordReset,
  provePassword,
  succeeded,
  takeAttempt,
  usePasswordReset,
  type ThrottleRule,
} from '../auth/auth.public.ts';
import { userPolicy } from './users.policy.ts';
import * as repo from './users.repo.ts';

// Passwords belong to the person (the auth module's people), shared by all their
// memberships; the auth module also keeps the reset links, the limits and the sessions.
// Reset links carry the membership they were asked through, for the audit trail.

/** A signed-in user changes their own password, proving the current one; their other sessions end. */
export async function changeOwnPassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  userPolicy.check(ctx.actor, 'own');
  await provePassword(ctx, input.currentPassword, 'currentPassword');
  await checkPasswordPolicy(input.newPassword, 'newPassword', [ctx.actor.email, ctx.actor.name]);
  if (input.newPassword === input.currentPassword) throw AppError.invalid('newPassword', 'Choose a password different from the current one.');
  const passwordHash = await hashPassword(input.newPassword);
  await change(ctx, async (tx) => {
    await setPasswordOfPerson(tx.db, await personIdOf(tx.db, ctx.actor.orgId, ctx.actor.userId), passwordHash, ctx.now);
    await endAllSessionsOf(tx, ctx.actor.orgId, ctx.actor.userId, ctx.actor.sessionId);
    await tx.audit({ action: 'password.change', objectType: 'password', objectId: ctx.actor.userId, objectLabel: ctx.actor.email });
  });
}

/** The same answer whether or not the address has an account, so it tells nobody who does. */
export const RESET_SENT = 'If this address belongs to an account, we have sent it a link to choose a new password. The link works once, for one hour.';
const PER_EMAIL: ThrottleRule = { limit: 3, windowMs: 60 * 60_000, firstLockMs: 60 * 60_000, maxLockMs: 6 * 60 * 60_000 };
const PER_ADDRESS: ThrottleRule = { limit: 20, windowMs: 60 * 60_000, firstLockMs: 60 * 60_000, maxLockMs: 6 * 60 * 60_000 };

/**
 * "Forgot password": e-mails a single-use link to the account's own address. Limited per
 * e-mail and per network address whether or not the e-mail exists. Vendor contacts sign
 * in by links and have no password to reset.
 */
export async function requestPasswordReset(ctx: PublicCtx, input: { email: string; ip: string }, mail: MailContext): Promise<{ ok: true; message: string }> {
  const email = input.email.trim().toLowerCase();
  for (const [key, rule] of [[`reset:${email}`, PER_EMAIL], [`reset-address:${input.ip}`, PER_ADDRESS]] as const) {
    const taken = await takeAttempt(ctx.db, key, rule, ctx.now);
    if (!taken.allowed) throw new AppError('rate_limited', 'Too many requests for a reset link. Wait an hour and try again, or ask an owner of your organisation.');
  }
  // Through the person's oldest active membership that signs in with a password.
  const user = (await membershipsByEmailForSignIn(ctx.db, email)).find((m) => !m.disabled && m.role !== 'vendor_contact');
  if (user) {
    const token = await createPasswordReset(ctx, { userId: user.userId, orgId: user.orgId });
    const link = `${mail.baseUrl}/reset-password/${encodeURIComponent(token)}`;
    await mail.mailer.send({
      to: user.email,
      subject: 'Choose a new Outsight password',
      text: [
        `Hello ${user.name},`,
        '',
        'Someone (hopefully you) asked to reset your Outsight password. Open this link to choose a new one:',
        link,
        '',
        `The link works once, for ${PASSWORD_RESET_TTL_MS / 60_000} minutes. If you did not ask for it, ignore this e-mail: your password stays as it is.`,
      ].join('\n'),
    });
    await changeAs(ctx.db, { userId: user.userId, orgId: user.orgId, name: user.name, email: user.email, via: 'session' }, ctx.requestId, (_tx, audit) =>
      audit({ action: 'password_reset.request', objectType: 'password_reset', objectId: user.userId, objectLabel: user.email }),
    );
  }
  return { ok: true, message: RESET_SENT };
}

/** Sets a new password from a reset link: the link is used up, every session ends, the account's lock is lifted. */
export async function confirmPasswordReset(ctx: PublicCtx, input: { token: string; password: string }): Promise<{ ok: true; message: string }> {
  const reset = await openPasswordReset(ctx, input.token);
  const user = await repo.findUser(ctx.db, reset.orgId, reset.userId);
  if (!user || user.disabledAt) throw new AppError('gone', 'This account is disabled.');
  await checkPasswordPolicy(input.password, 'password', [user.email, user.name]);
  const passwordHash = await hashPassword(input.password);
  await changeAs(ctx.db, { userId: user.id, orgId: user.orgId, name: user.name, email: user.email, via: 'session' }, ctx.requestId, async (tx, audit) => {
    await usePasswordReset({ ...ctx, db: tx }, reset);
    await setPasswordOfPerson(tx, user.personId, passwordHash, ctx.now);
    await endAllSessionsOf({ ...ctx, db: tx }, user.orgId, user.id);
    await audit({ action: 'password.reset', objectType: 'password', objectId: user.id, objectLabel: user.email });
  });
  await succeeded(ctx.db, accountKey(user.email), 'clear');
  return { ok: true, message: 'Your password was changed. Sign in with the new one.' };
}
