import type { Me } from '../../../shared/contracts/auth.ts';
import type { Actor, PublicCtx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import * as repo from './auth.repo.ts';
import { newSecret, sha256, verifyPassword } from './secrets.ts';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;
// One message for every failure, so sign-in does not reveal which e-mails exist.
const GENERIC = 'The e-mail or password is not correct.';
const LIMITED = 'Too many failed sign-ins. Wait 15 minutes and try again.';

export interface NewSession {
  secret: string;
  me: Me;
}

/** Starts a session for a correct e-mail/password, with rate limits per account and per address. */
export async function login(ctx: PublicCtx, input: { email: string; password: string; ip: string }): Promise<NewSession> {
  const since = new Date(ctx.now.getTime() - WINDOW_MS);
  const accountKey = `email:${input.email.toLowerCase()}`;
  const addressKey = `ip:${input.ip}`;
  const [byAccount, byAddress] = await Promise.all([
    repo.countRecentFailures(ctx.db, accountKey, since),
    repo.countRecentFailures(ctx.db, addressKey, since),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError('rate_limited', LIMITED);
  }
  const user = await repo.findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) {
    await repo.recordFailures(ctx.db, [accountKey, addressKey], ctx.now);
    throw new AppError('invalid_credentials', GENERIC);
  }
  await repo.clearFailures(ctx.db, accountKey);
  return startSession(ctx, user);
}

/** Creates the session row; used by login, setup and invitation acceptance. */
export async function startSession(
  ctx: PublicCtx,
  user: { id: string; orgId: string; email: string; name: string; role: string; vendorId: string | null },
): Promise<NewSession> {
  const secret = newSecret();
  const csrfToken = newSecret();
  await repo.insertSession(ctx.db, {
    id: sha256(secret),
    userId: user.id,
    orgId: user.orgId,
    csrfToken,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ctx.config.session.absoluteMs),
  });
  const org = await repo.findOrg(ctx.db, user.orgId);
  return {
    secret,
    me: {
      user: { id: user.id, email: user.email, name: user.name, role: user.role as Me['user']['role'], vendorId: user.vendorId },
      org: { id: user.orgId, name: org?.name ?? '' },
      csrfToken,
    },
  };
}

export async function logout(ctx: PublicCtx, sessionId: string | null) {
  if (sessionId) await repo.deleteSession(ctx.db, sessionId);
}

/** Resolves a session cookie; expired, idle or disabled sessions are deleted and ignored. */
export async function actorFromSession(ctx: PublicCtx, secret: string): Promise<Actor | null> {
  const id = sha256(secret);
  const row = await repo.findSession(ctx.db, id);
  if (!row) return null;
  const now = ctx.now.getTime();
  const idle = now - row.session.lastSeenAt.getTime() > ctx.config.session.idleMs;
  if (idle || now >= row.session.expiresAt.getTime() || row.disabledAt) {
    await repo.deleteSession(ctx.db, id);
    return null;
  }
  // Writing on every request would turn reads into writes; a minute's precision is enough.
  if (now - row.session.lastSeenAt.getTime() > 60_000) await repo.touchSession(ctx.db, id, ctx.now);
  return {
    userId: row.userId,
    orgId: row.orgId,
    role: row.role as Actor['role'],
    vendorId: row.vendorId,
    email: row.email,
    name: row.name,
    via: 'session',
    sessionId: id,
    csrfToken: row.session.csrfToken,
  };
}

/** Resolves `Authorization: Bearer <token>`; the token acts with its user's current role. */
export async function actorFromToken(ctx: PublicCtx, token: string): Promise<Actor | null> {
  const row = await repo.findActiveToken(ctx.db, sha256(token), ctx.now);
  if (!row || row.disabledAt || row.role === 'vendor_contact') return null;
  if (!row.lastUsedAt || ctx.now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await repo.markTokenUsed(ctx.db, row.tokenId, ctx.now);
  }
  return {
    userId: row.userId,
    orgId: row.orgId,
    role: row.role as Actor['role'],
    vendorId: row.vendorId,
    email: row.email,
    name: row.name,
    via: 'token',
    sessionId: null,
    csrfToken: null,
  };
}

export async function me(ctx: PublicCtx, actor: Actor): Promise<Me> {
  const org = await repo.findOrg(ctx.db, actor.orgId);
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name, role: actor.role, vendorId: actor.vendorId },
    org: { id: actor.orgId, name: org?.name ?? '' },
    csrfToken: actor.csrfToken,
  };
}
