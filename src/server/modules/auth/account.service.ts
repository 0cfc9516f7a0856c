import type { z } from 'zod';
import type { AccountSecurity, SessionInfo } from '../../../shared/contracts/security.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { accountPolicy, orgSecurityPolicy } from './auth.policy.ts';
import * as authRepo from './auth.repo.ts';
import { deviceInWords } from './devices.ts';
import { beginEnrolment, confirmEnrolment, mfaStatus, newRecoveryCodes, orgRequiresMfa, turnOffMfa, type Enrolment } from './mfa.ts';
import { verifyPassword } from './secrets.ts';
import * as repo from './security.repo.ts';
import { CODE_RULE, codeKey, succeeded, takeAttempt, waitInWords } from './throttle.ts';

// One's own sign-in security. Every function acts on the signed-in user only.

const me = (ctx: Ctx) => ({ userId: ctx.actor.userId, orgId: ctx.actor.orgId, email: ctx.actor.email });

async function ownUser(ctx: Ctx) {
  const u = await authRepo.findUserByIdForSignIn(ctx.db, ctx.actor.orgId, ctx.actor.userId);
  if (!u) throw AppError.notFound('The account');
  return u;
}

export async function accountSecurity(ctx: Ctx): Promise<AccountSecurity> {
  accountPolicy.check(ctx.actor, 'manage');
  const [status, required, user] = await Promise.all([mfaStatus(ctx.db, ctx.actor.orgId, ctx.actor.userId), orgRequiresMfa(ctx.db, ctx.actor.orgId), ownUser(ctx)]);
  return {
    mfa: { enabled: status.enabled, enabledAt: status.enabledAt?.toISOString() ?? null, recoveryCodesLeft: status.recoveryCodesLeft },
    orgRequiresMfa: required,
    hasPassword: user.passwordHash !== null,
  };
}

/** Checks the current password, limited like sign-in (per account), for changes that need it. */
export async function provePassword(ctx: Ctx, password: string, field = 'password'): Promise<void> {
  const key = `reauth:${ctx.actor.userId}`;
  const taken = await takeAttempt(ctx.db, key, CODE_RULE, ctx.now);
  if (!taken.allowed) throw new AppError('rate_limited', `Too many wrong passwords. Try again in ${waitInWords(taken.lockedUntil, ctx.now)}.`);
  const user = await ownUser(ctx);
  if (!(await verifyPassword(user.passwordHash, password))) throw AppError.invalid(field, 'This is not your current password.');
  await succeeded(ctx.db, key, 'clear');
}

export async function startMfaSetup(ctx: Ctx): Promise<Enrolment> {
  accountPolicy.check(ctx.actor, 'manage');
  return beginEnrolment(ctx.db, ctx.config, me(ctx), ctx.now);
}

export async function confirmMfaSetup(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
  accountPolicy.check(ctx.actor, 'manage');
  const taken = await takeAttempt(ctx.db, codeKey(ctx.actor.userId), CODE_RULE, ctx.now);
  if (!taken.allowed) throw new AppError('rate_limited', `Too many wrong codes. Try again in ${waitInWords(taken.lockedUntil, ctx.now)}.`);
  const recoveryCodes = await change(ctx, async (tx) => {
    const codes = await confirmEnrolment(tx.db, ctx.config, me(ctx), code, ctx.now);
    await tx.audit({ action: 'mfa.enable', objectType: 'mfa', objectId: ctx.actor.userId, objectLabel: ctx.actor.email });
    return codes;
  });
  await succeeded(ctx.db, codeKey(ctx.actor.userId), 'clear');
  return { recoveryCodes };
}

export async function turnOffOwnMfa(ctx: Ctx, password: string): Promise<void> {
  accountPolicy.check(ctx.actor, 'manage');
  if (ctx.actor.role !== 'vendor_contact' && (await orgRequiresMfa(ctx.db, ctx.actor.orgId))) {
    throw new AppError('conflict', 'Your organisation requires two-step sign-in, so it cannot be turned off. You can set up a new authenticator instead after an owner resets it.');
  }
  await provePassword(ctx, password);
  await change(ctx, async (tx) => {
    await turnOffMfa(tx.db, me(ctx));
    await tx.audit({ action: 'mfa.disable', objectType: 'mfa', objectId: ctx.actor.userId, objectLabel: ctx.actor.email });
  });
}

export async function renewRecoveryCodes(ctx: Ctx, password: string): Promise<{ recoveryCodes: string[] }> {
  accountPolicy.check(ctx.actor, 'manage');
  if (!(await mfaStatus(ctx.db, ctx.actor.orgId, ctx.actor.userId)).enabled) throw new AppError('conflict', 'Turn on two-step sign-in first.');
  await provePassword(ctx, password);
  const recoveryCodes = await change(ctx, async (tx) => {
    const codes = await newRecoveryCodes(tx.db, me(ctx), ctx.now);
    await tx.audit({ action: 'recovery_codes.renew', objectType: 'recovery_codes', objectId: ctx.actor.userId, objectLabel: ctx.actor.email });
    return codes;
  });
  return { recoveryCodes };
}

export async function listOwnSessions(ctx: Ctx): Promise<{ items: Array<z.infer<typeof SessionInfo>> }> {
  accountPolicy.check(ctx.actor, 'manage');
  const rows = await repo.listSessionsOfUser(ctx.db, ctx.actor.orgId, ctx.actor.userId);
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

/** Ends every other session of the user (all of them when called with an API token). */
export async function signOutOthers(ctx: Ctx): Promise<{ ok: true; ended: number }> {
  accountPolicy.check(ctx.actor, 'manage');
  const ended = await change(ctx, async (tx) => {
    const n = await repo.deleteOtherSessions(tx.db, ctx.actor.orgId, ctx.actor.userId, ctx.actor.sessionId);
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
  if (input.requireMfa && !(await mfaStatus(ctx.db, ctx.actor.orgId, ctx.actor.userId)).enabled) {
    throw AppError.invalid('requireMfa', 'Turn on two-step sign-in for yourself first, so you are not the first one it locks out.');
  }
  return change(ctx, async (tx) => {
    const before = { requireMfa: await orgRequiresMfa(tx.db, ctx.actor.orgId) };
    const row = await repo.saveOrgSecurity(tx.db, ctx.actor.orgId, input.requireMfa, ctx.now);
    await tx.audit({ action: 'org_security.update', objectType: 'org_security', objectId: ctx.actor.orgId, objectLabel: 'Sign-in rules', before, after: { requireMfa: row.requireMfa } });
    return { requireMfa: row.requireMfa };
  });
}

/** The operator's way back in for someone who lost their authenticator (CLI direct mode). */
export async function resetMfaOf(ctx: Ctx, userId: string, email: string): Promise<void> {
  orgSecurityPolicy.check(ctx.actor, 'update');
  await change(ctx, async (tx) => {
    await turnOffMfa(tx.db, { userId, orgId: ctx.actor.orgId });
    await repo.deleteOtherSessions(tx.db, ctx.actor.orgId, userId, null);
    await tx.audit({ action: 'mfa.reset', objectType: 'mfa', objectId: userId, objectLabel: email });
  });
}
