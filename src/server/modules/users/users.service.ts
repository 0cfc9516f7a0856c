import type { z } from 'zod';
import type { Role } from '../../../shared/contracts/auth.ts';
import type { User, UserUpdate } from '../../../shared/contracts/users.ts';
import { assignableRoles } from '../../../shared/permissions.ts';
import type { Actor, Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record.ts';
import { deleteSessionsOfUser } from '../auth/auth.repo.ts';
import { hashPassword } from '../auth/secrets.ts';
import { vendorExists } from '../vendors/vendors.repo.ts';
import * as repo from './users.repo.ts';

export function toUser(u: repo.UserRow): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    vendorId: u.vendorId,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listUsers(ctx: Ctx): Promise<User[]> {
  return (await repo.listUsers(ctx.db, ctx.actor.orgId)).map(toUser);
}

/**
 * A user id named inside a body (an internal owner, a reviewer): an enabled internal user
 * of the caller's organisation, or an invalid field.
 */
export async function referenceInternalUser(ctx: Ctx, id: string, field: string): Promise<repo.UserRow> {
  const u = await repo.findUser(ctx.db, ctx.actor.orgId, id);
  if (!u || u.disabledAt || u.role === 'vendor_contact') throw AppError.invalid(field, 'Choose an active user of your organisation.');
  return u;
}

/** A vendor contact belongs to exactly one of the organisation's vendors; nobody else has one. */
export async function checkRoleVendor(db: Db, orgId: string, role: Role, vendorId: string | null | undefined): Promise<string | null> {
  if (role !== 'vendor_contact') return null;
  if (!vendorId || !(await vendorExists(db, orgId, vendorId))) throw AppError.invalid('vendorId', 'A vendor contact needs one of your vendors.');
  return vendorId;
}

export function checkAssignable(actor: Pick<Actor, 'role'>, role: Role) {
  if (!assignableRoles(actor.role).includes(role)) throw AppError.forbidden(`You cannot give the role ${role}.`);
}

/** Changes a user's name, role, vendor or disabled flag; owners stay in control of owners. */
export async function updateUser(ctx: Ctx, id: string, input: z.output<typeof UserUpdate>): Promise<User> {
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await repo.lockUser(tx, ctx.actor.orgId, id);
    if (!before) throw AppError.notFound('The user');
    if (before.role === 'owner' && ctx.actor.role !== 'owner') throw AppError.forbidden('Only an owner can change an owner.');
    const role = input.role ?? (before.role as Role);
    if (input.role && input.role !== before.role) checkAssignable(ctx.actor, input.role);
    const vendorId = await checkRoleVendor(tx, ctx.actor.orgId, role, input.vendorId !== undefined ? input.vendorId : before.vendorId);
    const disabledAt = input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? ctx.now) : null;
    const losesOwner = before.role === 'owner' && (role !== 'owner' || disabledAt !== null);
    if (losesOwner && (await repo.countActiveOwners(tx, ctx.actor.orgId)) <= 1) {
      throw AppError.invalid(input.role ? 'role' : 'disabled', 'The organisation must keep at least one active owner.');
    }
    const after = await repo.updateUser(tx, ctx.actor.orgId, id, { name: input.name ?? before.name, role, vendorId, disabledAt, updatedAt: ctx.now });
    // A disabled user, or one whose role changed, signs in again with the new rights.
    if (disabledAt || role !== before.role) await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, ctx, { action: 'user.update', objectType: 'user', objectId: id, before, after });
    return after;
  });
  return toUser(updated);
}

/** Creates a user with a password directly (CLI and demo seed); the web uses invitations. */
export async function createUser(
  db: Db,
  actor: AuditActor,
  input: { email: string; name: string; role: Role; password: string; vendorId?: string | null; passwordHash?: string },
  requestId: string | null = null,
): Promise<User> {
  if (await repo.emailTaken(db, input.email)) throw AppError.invalid('email', 'A user with this e-mail already exists.');
  // Seeds and test builders pass a hash computed once; everyone else hashes here.
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  const row = await db.transaction(async (tx) => {
    const vendorId = await checkRoleVendor(tx, actor.orgId, input.role, input.vendorId);
    const u = await repo.insertUser(tx, { orgId: actor.orgId, email: input.email, name: input.name, role: input.role, vendorId, passwordHash });
    await recordAudit(tx, { actor, requestId }, { action: 'user.create', objectType: 'user', objectId: u.id, after: u });
    return u;
  });
  return toUser(row);
}

/** How many enabled users the organisation has (vendor contacts included). */
export async function countUsers(ctx: Ctx): Promise<number> {
  return repo.countEnabledUsers(ctx.db, ctx.actor.orgId);
}
