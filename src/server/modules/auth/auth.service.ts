import type { Me, Memberships, Role } from '../../../shared/contracts/auth.ts';
import type { Actor, Ctx, PublicCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { singleFlight } from '../../single-flight.ts';
import type { LoginStep } from '../../../shared/contracts/security.ts';
import { changeAs } from '../audit/audit.public.ts';
import { orgName } from '../org/org.public.ts';
import { beginEnrolment, confirmEnrolment, type Enrolment, mfaEnabled, orgRequiresMfa, verifySecondFactor } from './mfa.ts';
import * as security from './security.repo.ts';
import { ACCOUNT_RULE, ADDRESS_RULE, CODE_RULE, accountKey, addressKey, codeKey, succeeded, takeAttempt, waitInWords } from './throttle.ts';
import { accountPolicy } from './auth.policy.ts';
import { actorOf, presentMe, presentPrincipal, type Principal } from './auth.presenter.ts';
import * as repo from './auth.repo.ts';
import { newSecret, sha256, verifyPassword } from './secrets.ts';

// Sign-in has no policy of its own: the credential (password, cookie, link) is the
// authority, and what the signed-in actor may then do is every other module's policy.

// One message for every failure, so sign-in does not reveal which e-mails exist.
const GENERIC = 'The e-mail or password is not correct.';
const CHALLENGE_TTL_MS = 10 * 60_000;

export interface NewSession {
  secret: string;
  me: Me;
}

/** Where a sign-in comes from: the address (as the configured proxies tell it) and the browser. */
export interface Client {
  ip: string;
  userAgent?: string | null;
}

export type LoginResult = ({ kind: 'session' } & NewSession) | { kind: 'step'; step: LoginStep };

function limited(until: Date, now: Date, who: 'account' | 'address'): AppError {
  const wait = waitInWords(until, now);
  const why = who === 'account' ? 'Too many failed sign-ins for this account.' : 'Too many failed sign-ins from your network.';
  return new AppError('rate_limited', `${why} Try again in ${wait}, or sign in with your password and a code from your authenticator app.`, { retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) });
}

/** A membership as sign-in sees it (the users row, with its person). */
type SignInUser = repo.PrincipalRow & { id: string };

/** How a session's person proved who they are (see the sessions table). */
export type SignedInWith = 'link' | 'password' | 'mfa';

/** Memberships a password opens: active, and joined with the password (not one made from the address by an organisation). */
const opensWithPassword = (m: { disabledAt: Date | null; opensWithPassword: boolean }) => !m.disabledAt && m.opensWithPassword;

/**
 * The person an e-mail signs in as, and the membership a new session starts in: the
 * oldest one the password opens (the switcher moves the session to another).
 */
async function personForSignIn(db: Db, email: string) {
  const person = await repo.findPersonByEmailForSignIn(db, email);
  if (!person) return null;
  const rows = await repo.membershipsOfPersonForSignIn(db, person.id);
  const all = rows.map((r) => ({ ...r.user, userId: r.user.id }));
  return { person, user: all.find(opensWithPassword) ?? null, anyUser: all[0] ?? null };
}

/**
 * The memberships a session may list and switch to. A session from an e-mailed link stays in
 * the membership the link was for (the organisation's staff may have seen that link, so it must
 * not lead to the person's other clients); an API token belongs to its membership; a password
 * session reaches every membership the password opens.
 */
async function reachable(ctx: Ctx) {
  const sessionId = ctx.actor.sessionId;
  const session = sessionId ? await repo.findSessionForSignIn(ctx.db, sessionId) : null;
  const personId = session?.session.personId ?? (await repo.personIdOfMembership(ctx.db, ctx.actor.orgId, ctx.actor.userId));
  if (!personId) throw AppError.notFound('The account');
  const rows = await repo.membershipsOfPersonForSignIn(ctx.db, personId);
  const how = (session?.session.signedInWith ?? null) as SignedInWith | null;
  const isCurrent = (r: (typeof rows)[number]) => r.user.orgId === ctx.actor.orgId && r.user.id === ctx.actor.userId;
  const open = rows.filter((r) => isCurrent(r) || (how !== null && how !== 'link' && opensWithPassword(r.user)));
  return { personId, session, how, rows: open, isCurrent };
}

/**
 * Signs in with e-mail and password. Each attempt is counted against the account (and,
 * coarsely, the address) *before* the password is checked, so parallel guesses cannot
 * outrun the limit. A locked account or address still lets in whoever also brings a
 * valid second factor: the code is checked first, then the password.
 * Users with an authenticator get a second step (or pass it at once with `code`); users
 * of an organisation that requires one, without it, are sent to set it up.
 */
export async function login(ctx: PublicCtx, input: { email: string; password: string; code?: string } & Client): Promise<LoginResult> {
  const account = accountKey(input.email);
  const address = addressKey(input.ip);
  const byAccount = await takeAttempt(ctx.db, account, ACCOUNT_RULE, ctx.now);
  const byAddress = byAccount.allowed ? await takeAttempt(ctx.db, address, ADDRESS_RULE, ctx.now) : null;
  if (!byAccount.allowed || (byAddress && !byAddress.allowed)) {
    if (byAccount.allowed) await succeeded(ctx.db, account, 'refund');
    const error = !byAccount.allowed ? limited(byAccount.lockedUntil, ctx.now, 'account') : limited((byAddress as { lockedUntil: Date }).lockedUntil, ctx.now, 'address');
    return loginThroughLock(ctx, input, error);
  }
  const found = await personForSignIn(ctx.db, input.email);
  const ok = await verifyPassword(found?.person.passwordHash ?? null, input.password);
  const user = found?.user;
  if (!user || !ok) {
    if (found?.anyUser && byAccount.lockedNow) await auditSecurity(ctx, found.anyUser, 'account.lock', { reason: 'Too many wrong passwords' });
    throw new AppError('invalid_credentials', GENERIC);
  }
  await succeeded(ctx.db, account, 'clear');
  await succeeded(ctx.db, address, 'refund');
  return afterPassword(ctx, user, input);
}

/** Locked: only a valid second factor (checked first, itself limited) earns a password check. */
async function loginThroughLock(ctx: PublicCtx, input: { email: string; password: string; code?: string } & Client, error: AppError): Promise<LoginResult> {
  if (!input.code) throw error;
  const found = await personForSignIn(ctx.db, input.email);
  const user = found?.user;
  if (!found || !user || !(await mfaEnabled(ctx.db, found.person.id))) throw error;
  const factor = await checkCode(ctx, user, input.code);
  if (!factor) throw error;
  if (!(await verifyPassword(found.person.passwordHash, input.password))) throw new AppError('invalid_credentials', GENERIC);
  await succeeded(ctx.db, accountKey(input.email), 'clear');
  await auditSecurity(ctx, user, 'account.unlock', { secondFactor: factor === 'totp' ? 'authenticator code' : 'recovery code' });
  return { kind: 'session', ...(await startSession(ctx, user, input, 'mfa')) };
}

/** A code checked against the user's own limit; a wrong one counts, a right one gives the attempt back. */
async function checkCode(ctx: PublicCtx, user: { id: string; orgId: string; email: string; name: string; personId: string }, code: string): Promise<'totp' | 'recovery' | null> {
  const key = codeKey(user.personId);
  const taken = await takeAttempt(ctx.db, key, CODE_RULE, ctx.now);
  if (!taken.allowed) throw new AppError('rate_limited', `Too many wrong codes. Try again in ${waitInWords(taken.lockedUntil, ctx.now)}.`);
  const factor = await verifySecondFactor(ctx.db, ctx.config, { personId: user.personId }, code, ctx.now);
  if (factor) {
    await succeeded(ctx.db, key, 'clear');
    if (factor === 'recovery') await auditSecurity(ctx, user, 'recovery_code.use', null);
  } else if (taken.lockedNow) {
    await auditSecurity(ctx, user, 'account.lock', { reason: 'Too many wrong codes' });
  }
  return factor;
}

/** The password was right: a session, or the second step the user still owes. */
async function afterPassword(ctx: PublicCtx, user: SignInUser, input: { code?: string } & Client): Promise<LoginResult> {
  if (await mfaEnabled(ctx.db, user.personId)) {
    if (input.code) {
      if (!(await checkCode(ctx, user, input.code))) throw AppError.invalid('code', 'This code is not correct.');
      return { kind: 'session', ...(await startSession(ctx, user, input, 'mfa')) };
    }
    return { kind: 'step', step: await newChallenge(ctx, user, 'code') };
  }
  if (user.role !== 'vendor_contact' && (await orgRequiresMfa(ctx.db, user.orgId))) return { kind: 'step', step: await newChallenge(ctx, user, 'enrol') };
  return { kind: 'session', ...(await startSession(ctx, user, input)) };
}

async function newChallenge(ctx: PublicCtx, user: { id: string; orgId: string }, step: 'code' | 'enrol'): Promise<LoginStep> {
  const challenge = newSecret('ch_');
  await security.insertChallenge(ctx.db, { id: sha256(challenge), userId: user.id, orgId: user.orgId, step, createdAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + CHALLENGE_TTL_MS) });
  const message =
    step === 'code'
      ? 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.'
      : 'Your organisation requires two-step sign-in. Set up an authenticator app to continue.';
  return { step, challenge, message };
}

const EXPIRED = 'This sign-in has expired. Start again with your e-mail and password.';

async function openChallenge(ctx: PublicCtx, challenge: string, step: 'code' | 'enrol') {
  const row = await security.findChallengeForSignIn(ctx.db, sha256(challenge));
  if (!row || row.step !== step || row.usedAt || row.expiresAt.getTime() <= ctx.now.getTime()) throw new AppError('gone', EXPIRED);
  const principal = await repo.findPrincipal(ctx.db, row.orgId, row.userId);
  if (!principal || principal.disabledAt) throw new AppError('gone', EXPIRED);
  return { row, user: { ...principal, id: principal.userId } };
}

/** The second step: a code for the challenge a right password earned. */
export async function loginWithCode(ctx: PublicCtx, input: { challenge: string; code: string } & Client): Promise<NewSession> {
  const { row, user } = await openChallenge(ctx, input.challenge, 'code');
  if (!(await checkCode(ctx, user, input.code))) throw AppError.invalid('code', 'This code is not correct.');
  if (!(await security.claimChallenge(ctx.db, row.orgId, row.id, ctx.now))) throw new AppError('gone', EXPIRED);
  return startSession(ctx, user, input, 'mfa');
}

/** Enrolment during sign-in, when the organisation requires an authenticator the user has not set up. */
export async function startEnrolmentAtSignIn(ctx: PublicCtx, challenge: string): Promise<Enrolment> {
  const { user } = await openChallenge(ctx, challenge, 'enrol');
  return beginEnrolment(ctx.db, ctx.config, { personId: user.personId, email: user.email }, ctx.now);
}

export async function confirmEnrolmentAtSignIn(ctx: PublicCtx, input: { challenge: string; code: string } & Client): Promise<NewSession & { recoveryCodes: string[] }> {
  const { row, user } = await openChallenge(ctx, input.challenge, 'enrol');
  const taken = await takeAttempt(ctx.db, codeKey(user.personId), CODE_RULE, ctx.now);
  if (!taken.allowed) throw new AppError('rate_limited', `Too many wrong codes. Try again in ${waitInWords(taken.lockedUntil, ctx.now)}.`);
  const recoveryCodes = await confirmEnrolment(ctx.db, ctx.config, { personId: user.personId, email: user.email }, input.code, ctx.now);
  await succeeded(ctx.db, codeKey(user.personId), 'clear');
  if (!(await security.claimChallenge(ctx.db, row.orgId, row.id, ctx.now))) throw new AppError('gone', EXPIRED);
  await auditSecurity(ctx, user, 'mfa.enable', null);
  return { ...(await startSession(ctx, user, input, 'mfa')), recoveryCodes };
}

/** A security event in the organisation's audit trail, with the user as its actor (nobody is signed in yet). */
async function auditSecurity(ctx: PublicCtx, user: { id: string; orgId: string; email: string; name: string }, action: string, after: object | null) {
  await changeAs(ctx.db, { userId: user.id, orgId: user.orgId, email: user.email, name: user.name, via: 'session' }, ctx.requestId, (_tx, audit) =>
    audit({ action, objectType: action.split('.', 1)[0], objectId: user.id, objectLabel: user.email, after }),
  );
}

/** Creates the session row; used by login, set-up, invitation acceptance and portal links. */
export async function startSession(
  ctx: PublicCtx,
  user: { id: string; orgId: string; email: string; name: string; role: string; vendorId: string | null; personId?: string },
  client: Partial<Client> = {},
  signedInWith: SignedInWith = 'password',
): Promise<NewSession> {
  const secret = newSecret();
  const csrfToken = newSecret();
  const personId = user.personId ?? (await repo.personIdOfMembership(ctx.db, user.orgId, user.id));
  if (!personId) throw AppError.notFound('The account');
  await repo.insertSession(ctx.db, {
    id: sha256(secret),
    userId: user.id,
    orgId: user.orgId,
    personId,
    signedInWith,
    csrfToken,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ctx.config.session.absoluteMs),
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  });
  return { secret, me: presentMe(user, { id: user.orgId, name: await orgName(ctx.db, user.orgId) }, csrfToken) };
}

export async function logout(ctx: Ctx) {
  if (ctx.actor.sessionId) await repo.deleteSession(ctx.db, ctx.actor.orgId, ctx.actor.sessionId);
}

const touchOnce = singleFlight<void>();

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
  // Requests of one session arriving together share one write: fifty of them each
  // updating the same row queued on its lock, one commit after the other.
  if (now - row.session.lastSeenAt.getTime() > 60_000) await touchOnce(id, () => repo.touchSession(ctx.db, row.orgId, id, ctx.now));
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
export async function principalByEmailForSignIn(db: Db, email: string, orgId?: string): Promise<Principal | null> {
  const found = await personForSignIn(db, email);
  if (!found) return null;
  if (orgId === undefined) return found.user ? presentPrincipal(found.user) : found.anyUser ? presentPrincipal(found.anyUser) : null;
  const rows = await repo.membershipsOfPersonForSignIn(db, found.person.id);
  const row = rows.find((r) => r.user.orgId === orgId);
  return row ? presentPrincipal({ ...row.user, userId: row.user.id }) : null;
}

/** Ends every session of a user of the actor's organisation: a disabled user or a new role signs in again. */
export async function endSessionsOf(ctx: Ctx, userId: string): Promise<void> {
  await repo.deleteSessionsOfUser(ctx.db, ctx.actor.orgId, userId);
}

export async function me(ctx: Ctx): Promise<Me> {
  const a = ctx.actor;
  return presentMe({ id: a.userId, email: a.email, name: a.name, role: a.role, vendorId: a.vendorId }, { id: a.orgId, name: await orgName(ctx.db, a.orgId) }, a.csrfToken);
}

/** The organisations the signed-in person belongs to (active memberships), the current one marked. */
export async function myOrganisations(ctx: Ctx): Promise<Memberships> {
  accountPolicy.check(ctx.actor, 'manage');
  const { rows, isCurrent } = await reachable(ctx);
  return { items: rows.map((r) => ({ org: { id: r.user.orgId, name: r.orgName }, role: r.user.role as Role, current: isCurrent(r) })) };
}

const NOT_MEMBER = 'The organisation';

/**
 * Moves the browser session to the person's membership in another organisation. Only one's
 * own memberships the session reaches (see `reachable`): any other id is "not found", whether
 * or not it exists. The session goes only where its proof of identity would have let the
 * person in: an e-mailed link opens its own portal only, and an organisation that requires
 * two-step sign-in needs a session that passed it.
 */
export async function switchOrganisation(ctx: Ctx, orgId: string): Promise<Me> {
  accountPolicy.check(ctx.actor, 'manage');
  const sessionId = ctx.actor.sessionId;
  if (!sessionId) throw new AppError('conflict', 'An API token belongs to one organisation. Only a signed-in browser session switches organisation.');
  const { personId, session, how, rows } = await reachable(ctx);
  if (!session || !how) throw AppError.notFound(NOT_MEMBER);
  // Said alike for any id, so it tells nothing about other organisations.
  if (how === 'link' && orgId !== ctx.actor.orgId) throw AppError.forbidden('You signed in with an e-mailed link, which opens this portal only. Use the link the other organisation sent you, or sign in with your password.');
  const target = rows.find((r) => r.user.orgId === orgId);
  if (!target) throw AppError.notFound(NOT_MEMBER);
  const user = target.user;
  if (user.role !== 'vendor_contact' && how !== 'mfa' && (await orgRequiresMfa(ctx.db, orgId))) {
    const has = await mfaEnabled(ctx.db, personId);
    throw AppError.forbidden(
      has
        ? `${target.orgName} requires two-step sign-in. Sign out and sign in again with your authenticator code to open it.`
        : `${target.orgName} requires two-step sign-in. Set up an authenticator app under Account first, then switch.`,
    );
  }
  if (!(await repo.switchSession(ctx.db, ctx.actor.orgId, sessionId, { personId, userId: user.id, orgId }))) throw AppError.notFound(NOT_MEMBER);
  await changeAs(ctx.db, { userId: user.id, orgId, email: user.email, name: user.name, via: 'session' }, ctx.requestId, (_tx, audit) =>
    audit({ action: 'session.switch', objectType: 'session', objectId: user.id, objectLabel: user.email, after: { from: 'another organisation' } }),
  );
  return presentMe(user, { id: orgId, name: target.orgName }, ctx.actor.csrfToken);
}
