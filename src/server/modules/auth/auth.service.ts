import type { Me } from '../../../shared/contracts/auth.ts';
import type { Actor, Ctx, PublicCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { orgName } from '../org/org.public.ts';
import { actorOf, presentMe, presentPrincipal, type Principal } from './auth.presenter.ts';
import * as repo from './auth.repo.ts';
import { newSecret, sha256, verifyPassword } from './secrets.ts';

// Sign-in has no policy of its own: the credential (password, cookie, link) is the
// authority, and what the signed-in actor may then do is every other module's policy.

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
    repo.countRecentSignInFailures(ctx.db, accountKey, since),
    repo.countRecentSignInFailures(ctx.db, addressKey, since),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError('rate_limited', LIMITED);
  }
  const user = await repo.findUserByEmailForSignIn(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) {
    await repo.recordSignInFailures(ctx.db, [accountKey, addressKey], ctx.now);
    throw new AppError('invalid_credentials', GENERIC);
  }
  await repo.clearSignInFailures(ctx.db, accountKey);
  return startSession(ctx, user);
}

/** Creates the session row; used by login, set-up, invitation acceptance and portal links. */
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
  return { secret, me: presentMe(user, { id: user.orgId, name: await orgName(ctx.db, user.orgId) }, csrfToken) };
}

export async function logout(ctx: Ctx) {
  if (ctx.actor.sessionId) await repo.deleteSession(ctx.db, ctx.actor.orgId, ctx.actor.sessionId);
}

/** Resolves a session cookie; expired, idle or disabled sessions are deleted and ignored. */
export async function actorFromSession(ctx: PublicCtx, secret: string): Promise<Actor | null> {
  const id = sha256(secret);
  const row = await repo.findSessionForSignIn(ctx.db, id);
  if (!row) return null;
  const now = ctx.now.getTime();
  const idle = now - row.session.lastSeenAt.getTime() > ctx.config.session.idleMs;
  if (idle || now >= row.session.expiresAt.getTime() || row.disabledAt) {
    await repo.deleteSession(ctx.db, row.orgId, id);
    return null;
  }
  // Writing on every request would turn reads into writes; a minute's precision is enough.
  if (now - row.session.lastSeenAt.getTime() > 60_000) await repo.touchSession(ctx.db, row.orgId, id, ctx.now);
  return actorOf(presentPrincipal(row), 'session', { id, csrfToken: row.session.csrfToken });
}

/** Who a user of an organisation is, for a credential another module resolved (an API token). */
export async function principalOf(db: Db, orgId: string, userId: string): Promise<Principal | null> {
  const row = await repo.findPrincipal(db, orgId, userId);
  return row ? presentPrincipal(row) : null;
}

/**
 * Who an e-mail belongs to, before anyone is signed in: the CLI's direct mode acts as
 * `--as <e-mail>` (whoever may open the database may act as anyone in it).
 */
export async function principalByEmailForSignIn(db: Db, email: string): Promise<Principal | null> {
  const user = await repo.findUserByEmailForSignIn(db, email);
  return user ? presentPrincipal({ ...user, userId: user.id }) : null;
}

/** Ends every session of a user of the actor's organisation: a disabled user or a new role signs in again. */
export async function endSessionsOf(ctx: Ctx, userId: string): Promise<void> {
  await repo.deleteSessionsOfUser(ctx.db, ctx.actor.orgId, userId);
}

export async function me(ctx: Ctx): Promise<Me> {
  const a = ctx.actor;
  return presentMe({ id: a.userId, email: a.email, name: a.name, role: a.role, vendorId: a.vendorId }, { id: a.orgId, name: await orgName(ctx.db, a.orgId) }, a.csrfToken);
}
