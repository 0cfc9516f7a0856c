import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Role } from '../../../shared/contracts/auth.ts';
import type { InvitationCreated, InvitationPreview } from '../../../shared/contracts/users.ts';
import type { Ctx, PublicCtx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage, type PageRequest } from '../../paging.ts';
import { change, changeAs } from '../audit/audit.public.ts';
import {
  accountKey,
  checkPasswordPolicy,
  ensurePerson,
  hashPassword,
  newSecret,
  sha256,
  startSession,
  succeeded,
  takeAttempt,
  verifyPassword,
  passwordOfEmailForSignIn,
  ACCOUNT_RULE,
  type NewSession,
} from '../auth/auth.public.ts';
import { invitationPolicy } from './invitations.policy.ts';
import * as repo from './invitations.repo.ts';
import { presentInvitation } from './users.presenter.ts';
import { checkAssignable, vendorOfRole } from './users.policy.ts';
import { findUserByEmail, insertUser } from './users.repo.ts';
import { EMAIL_TAKEN } from './users.service.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
const USED = 'This invitation link was already used or withdrawn.';

/**
 * Invites someone by a one-time link that expires after 7 days; the link is returned once.
 * Only this organisation's users are looked at: an address that signs in elsewhere is
 * invited exactly like a new one (the answer must not tell that it is known elsewhere),
 * and accepting adds a membership to that person.
 */
export async function createInvitation(ctx: Ctx, input: { email: string; role: Role; vendorId?: string | null }): Promise<z.output<typeof InvitationCreated>> {
  invitationPolicy.check(ctx.actor, 'create');
  checkAssignable(ctx.actor, input.role);
  if (await findUserByEmail(ctx.db, ctx.actor.orgId, input.email)) throw AppError.invalid('email', EMAIL_TAKEN);
  const vendorId = vendorOfRole(input.role, input.vendorId);
  const token = newSecret('inv_');
  const row = await change(ctx, async (tx) => {
    const r = await repo.insertInvitation(tx.db, {
      orgId: ctx.actor.orgId,
      email: input.email,
      role: input.role,
      vendorId,
      tokenHash: sha256(token),
      invitedBy: ctx.actor.userId,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + INVITATION_TTL_MS),
    });
    await tx.audit({ action: 'invitation.create', objectType: 'invitation', objectId: r.id, after: r });
    return r;
  });
  // From configuration only: a forged Host header must not decide where the link points.
  return { ...presentInvitation(row), token, link: `${ctx.config.publicUrl}/invite/${encodeURIComponent(token)}` };
}

/** One page of the invitations still open, newest first. */
export async function listInvitations(ctx: Ctx, q: PageRequest) {
  invitationPolicy.check(ctx.actor, 'list');
  return keysetPage(q, repo.INVITATION_SORT, (after, limit) => repo.listPending(ctx.db, ctx.actor.orgId, after, limit), (r) => presentInvitation(r.invitation));
}

/** Withdraws an open invitation; one already used or withdrawn is a conflict. */
export async function revokeInvitation(ctx: Ctx, id: string): Promise<void> {
  invitationPolicy.check(ctx.actor, 'revoke');
  await change(ctx, async (tx) => {
    const before = invitationPolicy.authorize(ctx.actor, 'revoke', await repo.lockInvitation(tx.db, ctx.actor.orgId, id));
    const after = await repo.revokeInvitation(tx.db, ctx.actor.orgId, id, ctx.now);
    await tx.audit({ action: 'invitation.revoke', objectType: 'invitation', objectId: id, before, after });
  });
}

// Before anyone is signed in the link's token is the only authority: no actor, no policy.

async function usable(ctx: PublicCtx, token: string) {
  const found = await repo.findInvitationByTokenForSignIn(ctx.db, sha256(token));
  if (!found) throw AppError.notFound('The invitation');
  const inv = found.invitation;
  if (inv.acceptedAt || inv.revokedAt) throw new AppError('gone', USED);
  if (inv.expiresAt.getTime() <= ctx.now.getTime()) throw new AppError('gone', 'This invitation link has expired. Ask for a new one.');
  return found;
}

/**
 * What the link's holder sees: the same for an address that already signs in elsewhere and a
 * new one (the inviter holds the link too, and must not learn which it is from the preview).
 */
export async function previewInvitation(ctx: PublicCtx, token: string): Promise<z.output<typeof InvitationPreview>> {
  const { invitation, orgName } = await usable(ctx, token);
  return { email: invitation.email, role: invitation.role as Role, orgName };
}

const WRONG_PASSWORD = 'This address already signs in to Outsight: enter the password you use there (or reset it from the sign-in page).';

/**
 * Accepting creates the membership and signs the person in; a second use of the link is
 * refused. A new address chooses a password; one that already signs in (in another
 * organisation) proves it with its current password — counted like sign-in — and keeps it.
 */
export async function acceptInvitation(ctx: PublicCtx, token: string, input: { name: string; password: string }): Promise<NewSession> {
  const { invitation } = await usable(ctx, token);
  const existingHash = await passwordOfEmailForSignIn(ctx.db, invitation.email);
  let passwordHash: string | null = null;
  if (existingHash) {
    const key = accountKey(invitation.email);
    const taken = await takeAttempt(ctx.db, key, ACCOUNT_RULE, ctx.now);
    if (!taken.allowed) throw new AppError('rate_limited', 'Too many wrong passwords for this account. Try again later.');
    if (!(await verifyPassword(existingHash, input.password))) throw AppError.invalid('password', WRONG_PASSWORD);
    await succeeded(ctx.db, key, 'clear');
  } else {
    await checkPasswordPolicy(input.password, 'password', [invitation.email, input.name]);
    passwordHash = await hashPassword(input.password);
  }
  // The new user is the change's actor, so its id is chosen before the row exists.
  const userId = randomUUID();
  const actor = { userId, orgId: invitation.orgId, name: input.name, email: invitation.email, via: 'session' as const };
  const user = await changeAs(ctx.db, actor, ctx.requestId, async (tx, audit) => {
    if (!(await repo.claimInvitation(tx, invitation.orgId, invitation.id, ctx.now))) throw new AppError('gone', USED);
    if (await findUserByEmail(tx, invitation.orgId, invitation.email)) throw new AppError('conflict', 'You are already a member of this organisation. Sign in instead.');
    const person = await ensurePerson(tx, { email: invitation.email, passwordHash, now: ctx.now });
    const u = await insertUser(tx, { id: userId, orgId: invitation.orgId, personId: person.id, email: invitation.email, name: input.name, role: invitation.role, vendorId: invitation.vendorId });
    await audit({ action: 'invitation.accept', objectType: 'user', objectId: u.id, after: u });
    return u;
  });
  return startSession(ctx, user);
}
