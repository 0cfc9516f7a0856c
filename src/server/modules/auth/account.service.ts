import type { z } from 'zod';
import type { AccountSecurity, SessionInfo } from '../../../shared/contracts/security.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { accountPolicy, orgSecurityPolicy } from './auth.policy.ts';
import * as authRepo from './auth.repo.ts';
import { deviceInWords } from './devices.ts';
import { beginEnrolment, confirmEnrolment, mfaStatusOfPerson, newRecoveryCodes, orgRequiresMfa, turnOffMfa, type Enrolment } from './mfa.ts';
import { verifyPassword } from './secrets.ts';
import * as repo from './security.repo.ts';
import { CODE_RULE, codeKey, succeeded, takeAttempt, waitInWords } from './throttle.ts';

// One's own sign-in security. Every function acts on the signed-in user only.

// Authenticators, passwords and sessions belong to the person behind the membership.
async function ownPerson(ctx: Ctx) {
  const personId = await authRepo.personIdOfMembership(ctx.db, ctx.actor.orgId, ctx.actor.userId);
  const p = personId ? await authRepo.findPersonForSignIn(ctx.db, personId) : null;
  if (!p) throw AppError.notFound('The account');
  return p;
}

const me = async (ctx: Ctx) => ({ personId: (await ownPerson(ctx)).id, email: ctx.actor.email });

export async function accountSecurity(ctx: Ctx): Promise<AccountSecurity> {
  accountPolicy.check(ctx.actor, 'manage');
  const person = await ownPerson(ctx);
  const [status, required] = await Promise.all([mfaStatusOfPerson(ctx.db, person.id), orgRequiresMfa(ctx.db, ctx.actor.orgId)]);
  return {
    mfa: { enabled: status.enabled, enabledAt: status.enabledAt?.toISOString() ?? null, recoveryCodesLeft: status.recoveryCodesLeft },
    orgRequiresMfa: required,
    hasPassword: person.passwordHash !== null,
  };
}

/** Checks the current password, limited like sign-in (per account), for changes that need it. */
export async function provePassword(ctx: Ctx, password: string, field = 'password'): Promise<void> {
  const person = await ownPerson(ctx);
  const key = `reauth:${person.id}`;
  const taken = await takeAttempt(ctx.db, key, CODE_RULE, ctx.now);
  if (!taken.allowed) throw new AppError('rate_limited', `Too many wrong passwords. Try again in ${waitInWords(taken.lockedUntil, ctx.now)}.`);
  if (!(await verifyPassword(person.passwordHash, password))) throw AppError.invalid(field, 'This is not your current password.');
  await succeeded(ctx.db, key, 'clear');
}

export async function startMfaSetup(ctx: Ctx): Promise<Enrolment> {
  accountPolicy.check(ctx.actor, 'manage');
  return beginEnrolment(ctx.db, ctx.config, await me(ctx), ctx.now);
}

export async function confirmMfaSetup(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
  accountPolicy.check(ctx.actor, 'manage');
  const who = await me(ctx);
  const taken = await takeAttempt(ctx.db, codeKey(who.personId), CODE_RULE, ctx.now);
  if (!taken.allowed) throw new AppError('rate_limited', `Too many wrong codes. Try again in ${waitInWords(taken.lockedUntil, ctx.now)}.`);
  const recoveryCodes = await change(ctx, async (tx) => {
    const codes = await confirmEnrolment(tx.db, ctx.config, who, code, ctx.now);
    await tx.audit({ action: 'mfa.enable', objectType: 'mfa', objectId: ctx.actor.userId, objectLabel: ctx.actor.email });
    return codes;
  });
  await succeeded(ctx.db, codeKey(who.personId), 'clear');
  return { recoveryCodes };
}

export async function turnOffOwnMfa(ctx: Ctx, password: string): Promise<void> {
  accountPolicy.check(ctx.actor, 'manage');
  if (ctx.actor.role !== 'vendor_contact' && (await orgRequiresMfa(ctx.db, ctx.actor.orgId))) {
    throw new AppError('conflict', 'Your organisation requires two-step sign-in, so it cannot be turned off. You can set up a new authenticator instead after an owner resets it.');
  }
  await provePassword(ctx, password);
  const who = await me(ctx);
  await change(ctx, async (tx) => {
    await turnOffMfa(tx.db, who.personId);
    await tx.audit({ action: 'mfa.disable', objectType: 'mfa', objectId: ctx.actor.userId, objectLabel: ctx.actor.email });
  });
}

export async function renewRecoveryCodes(ctx: Ctx, password: string): Promise<{ recoveryCodes: string[] }> {
  accountPolicy.check(ctx.actor, 'manage');
  const who = await me(ctx);
  if (!(await mfaStatusOfPerson(ctx.db, who.personId)).enabled) throw new AppError('conflict', 'Turn on two-step sign-in first.');
  await provePassword(ctx, password);
  const recoveryCodes = await change(ctx, async (tx) => {
    const codes = await newRecoveryCodes(tx.db, who, ctx.now);
    await tx.audit({ action: 'recovery_codes.renew', objectType: 'recovery_codes', objectId: ctx.actor.userId, objectLabel: ctx.actor.email });
    return codes;
  });
  return { recoveryCodes };
}

export async function listOwnSessions(ctx: Ctx): Promise<{ items: Array<z.infer<typeof SessionInfo>> }> {
  accountPolicy.check(ctx.actor, 'manage');
  const rows = await repo.listSessionsOfPerson(ctx.db, (await ownPerson(ctx)).id);
  const now = ctx.now.getTime();
  return {
    items: rows
      .filter((r) => r.expiresAt.getTime() > now && now - r.lastSeenAt.getTime() <= ctx.config.session.idleMs)
      .map((r) => ({
        id: r.id.slice(0, 16),
        createdAt: r.createdAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        address: r.ip,
        device: deviceInWords(r.userAgent),
        current: r.id === ctx.actor.sessionId,
      })),
  };
}

/** Ends every other session of the person, in every organisation (all of them when called with an API token). */
export async function signOutOthers(ctx: Ctx): Promise<{ ok: true; ended: number }> {
  accountPolicy.check(ctx.actor, 'manage');
  const person = await ownPerson(ctx);
  const ended = await change(ctx, async (tx) => {
    const n = await repo.deleteOtherSessionsOfPerson(tx.db, person.id, ctx.actor.sessionId);
    await tx.audit({ action: 'sessions.end_others', objectType: 'sessions', objectId: ctx.actor.userId, objectLabel: ctx.actor.email, after: { ended: n } });
    return n;
  });
  return { ok: true, ended };
}

export async function orgSecurity(ctx: Ctx): Promise<{ requireMfa: boolean }> {
  orgSecurityPolicy.check(ctx.actor, 'read');
  return { requireMfa: await orgRequiresMfa(ctx.db, ctx.actor.orgId) };
}

/** An owner requires two-step sign-in of everyone (vendor contacts sign in by links, and are not asked). */
export async function updateOrgSecurity(ctx: Ctx, input: { requireMfa: boolean }): Promise<{ requireMfa: boolean }> {
  orgSecurityPolicy.check(ctx.actor, 'update');
  if (input.requireMfa && !(await mfaStatusOfPerson(ctx.db, (await ownPerson(ctx)).id)).enabled) {
    throw AppError.invalid('requireMfa', 'Turn on two-step sign-in for yourself first, so you are not the first one it locks out.');
  }
  return change(ctx, async (tx) => {
    const before = { requireMfa: await orgRequiresMfa(tx.db, ctx.actor.orgId) };
    const row = await repo.saveOrgSecurity(tx.db, ctx.actor.orgId, input.requireMfa, ctx.now);
    await tx.audit({ action: 'org_security.update', objectType: 'org_security', objectId: ctx.actor.orgId, objectLabel: 'Sign-in rules', before, after: { requireMfa: row.requireMfa } });
    return { requireMfa: row.requireMfa };
  });
}

/**
 * The operator's way back in for someone of the organisation who lost their authenticator
 * (CLI direct mode). The authenticator is the person's, so it goes for all their
 * organisations, and all their sessions end: each organisation that requires one asks them
 * to set up a new one at their next sign-in.
 */
export async function resetMfaOf(ctx: Ctx, userId: string, email: string): Promise<void> {
  orgSecurityPolicy.check(ctx.actor, 'update');
  const personId = await authRepo.personIdOfMembership(ctx.db, ctx.actor.orgId, userId);
  if (!personId) throw AppError.notFound('The user');
  await change(ctx, async (tx) => {
    await turnOffMfa(tx.db, personId);
    await repo.deleteOtherSessionsOfPerson(tx.db, personId, null);
    await tx.audit({ action: 'mfa.reset', objectType: 'mfa', objectId: userId, objectLabel: email });
  });
}
