import type { Role } from '../../../shared/contracts/auth.ts';
import type { PublicCtx, Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/record.ts';
import { startSession } from '../auth/auth.service.ts';
import { hashPassword, newSecret, sha256 } from '../auth/secrets.ts';
import * as repo from './invitations.repo.ts';
import { checkAssignable, checkRoleVendor } from './users.service.ts';
import { emailTaken, insertUser } from './users.repo.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

function toInvitation(r: repo.InvitationRow) {
  return {
    id: r.id,
    email: r.email,
    role: r.role as Role,
    vendorId: r.vendorId,
    expiresAt: r.expiresAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Invites someone by a one-time link that expires after 7 days; the link is returned once. */
export async function createInvitation(ctx: Ctx, input: { email: string; role: Role; vendorId?: string | null }, origin: string) {
  checkAssignable(ctx.actor, input.role);
  if (await emailTaken(ctx.db, input.email)) throw AppError.invalid('email', 'A user with this e-mail already exists.');
  const token = newSecret('inv_');
  const row = await ctx.db.transaction(async (tx) => {
    const vendorId = await checkRoleVendor(tx, ctx.actor.orgId, input.role, input.vendorId);
    const r = await repo.insertInvitation(tx, {
      orgId: ctx.actor.orgId,
      email: input.email,
      role: input.role,
      vendorId,
      tokenHash: sha256(token),
      invitedBy: ctx.actor.userId,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + INVITATION_TTL_MS),
    });
    await recordAudit(tx, ctx, { action: 'invitation.create', objectType: 'invitation', objectId: r.id, after: r });
    return r;
  });
  const base = ctx.config.publicUrl ?? origin;
  return { ...toInvitation(row), token, link: `${base}/invite/${encodeURIComponent(token)}` };
}

export async function listInvitations(ctx: Ctx) {
  return (await repo.listPending(ctx.db, ctx.actor.orgId)).map(toInvitation);
}

export async function revokeInvitation(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findInvitation(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The invitation');
    const after = await repo.revokeInvitation(tx, ctx.actor.orgId, id, ctx.now);
    if (!after) throw new AppError('conflict', 'The invitation was already used or revoked.');
    await recordAudit(tx, ctx, { action: 'invitation.revoke', objectType: 'invitation', objectId: id, before, after });
  });
}

async function usable(ctx: PublicCtx, token: string) {
  const found = await repo.findByTokenHash(ctx.db, sha256(token));
  if (!found) throw AppError.notFound('The invitation');
  const inv = found.invitation;
  if (inv.acceptedAt || inv.revokedAt) throw new AppError('gone', 'This invitation link was already used or withdrawn.');
  if (inv.expiresAt.getTime() <= ctx.now.getTime()) throw new AppError('gone', 'This invitation link has expired. Ask for a new one.');
  return found;
}

export async function previewInvitation(ctx: PublicCtx, token: string) {
  const { invitation, orgName } = await usable(ctx, token);
  return { email: invitation.email, role: invitation.role as Role, orgName };
}

/** Accepting creates the user and signs them in; a second use of the link is refused. */
export async function acceptInvitation(ctx: PublicCtx, token: string, input: { name: string; password: string }) {
  const { invitation } = await usable(ctx, token);
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction(async (tx) => {
    const claimed = await repo.claimInvitation(tx, invitation.id, ctx.now);
    if (!claimed) throw new AppError('gone', 'This invitation link was already used or withdrawn.');
    if (await emailTaken(tx, invitation.email)) throw new AppError('conflict', 'A user with this e-mail already exists.');
    const u = await insertUser(tx, {
      orgId: invitation.orgId,
      email: invitation.email,
      name: input.name,
      role: invitation.role,
      vendorId: invitation.vendorId,
      passwordHash,
    });
    await recordAudit(tx, { actor: { userId: u.id, orgId: u.orgId, name: u.name, email: u.email, via: 'session' }, requestId: ctx.requestId }, {
      action: 'invitation.accept',
      objectType: 'user',
      objectId: u.id,
      after: u,
    });
    return u;
  });
  return startSession(ctx, user);
}
