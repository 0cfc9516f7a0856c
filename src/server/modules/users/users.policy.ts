import type { Role } from '../../../shared/contracts/auth.ts';
import { assignableRoles } from '../../../shared/permissions.ts';
import type { Actor } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { definePolicy } from '../../policy.ts';
import type { UserRow } from './users.repo.ts';

/**
 * Who may do what to a user. Internal roles follow the permission table; vendor contacts
 * see no users (not even themselves: who they are comes from /auth/me).
 */
export const userPolicy = definePolicy<UserRow, 'list' | 'read' | 'create' | 'update' | 'reference' | 'own'>({
  label: 'The user',
  actions: {
    list: { permission: 'user.read' },
    read: { permission: 'user.read' },
    create: { permission: 'user.manage' },
    update: { permission: 'user.manage' },
    // Naming a user in another object (an internal owner, a reviewer): whoever sees the
    // organisation's users may point at one of them.
    reference: { permission: 'user.read' },
    // One's own password (vendor contacts included).
    own: { permission: 'account.own' },
  },
});

// The rules below depend on the change asked for, not only on the object, so they sit
// beside the policy rather than in an action's `when`. They answer as they always have:
// a role an actor may not hand out is forbidden (403), the last owner is a field error.

/** Roles an actor may hand out: only an owner makes another owner. */
export function checkAssignable(actor: Pick<Actor, 'role'>, role: Role): void {
  if (!assignableRoles(actor.role).includes(role)) throw AppError.forbidden(`You cannot give the role ${role}.`);
}

/** Owners stay in control of owners: only an owner changes one. */
export function checkMayChange(actor: Pick<Actor, 'role'>, target: UserRow): void {
  if (target.role === 'owner' && actor.role !== 'owner') throw AppError.forbidden('Only an owner can change an owner.');
}

/**
 * The organisation keeps at least one active owner: the last one can neither step down
 * nor be disabled. `activeOwners` is asked only when the change would lose an owner.
 */
export async function checkKeepsAnOwner(
  before: UserRow,
  after: { role: Role; disabledAt: Date | null },
  field: 'role' | 'disabled',
  activeOwners: () => Promise<number>,
): Promise<void> {
  const losesOwner = before.role === 'owner' && (after.role !== 'owner' || after.disabledAt !== null);
  if (losesOwner && (await activeOwners()) <= 1) throw AppError.invalid(field, 'The organisation must keep at least one active owner.');
}

/**
 * A vendor contact belongs to exactly one vendor; nobody else has one. Whether the vendor
 * is one of the organisation's is the database's answer (the composite foreign key of
 * migration 0005), so users need not ask the vendors module.
 */
export function vendorOfRole(role: Role, vendorId: string | null | undefined): string | null {
  if (role !== 'vendor_contact') return null;
  if (!vendorId) throw AppError.invalid('vendorId', 'A vendor contact needs one of your vendors.');
  return vendorId;
}
