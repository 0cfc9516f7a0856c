import { definePolicy } from '../../policy.ts';
import type { InvitationRow } from './invitations.repo.ts';

/**
 * Who may do what to an invitation: those who manage users. Which role an invitation may
 * carry is the users policy's `checkAssignable`; accepting one needs no actor (the link is
 * the authority).
 */
export const invitationPolicy = definePolicy<InvitationRow, 'list' | 'create' | 'revoke'>({
  label: 'The invitation',
  actions: {
    list: { permission: 'user.manage' },
    create: { permission: 'user.manage' },
    revoke: {
      permission: 'user.manage',
      when: (i) => (i.acceptedAt || i.revokedAt ? 'The invitation was already used or revoked.' : true),
    },
  },
});
