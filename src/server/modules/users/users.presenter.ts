import type { Role } from '../../../shared/contracts/auth.ts';
import type { z } from 'zod';
import type { Invitation, User } from '../../../shared/contracts/users.ts';
import type { InvitationRow } from './invitations.repo.ts';
import type { UserRow } from './users.repo.ts';

export function presentUser(u: UserRow): User {
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

export function presentInvitation(r: InvitationRow): z.output<typeof Invitation> {
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
