import type { Owned } from '../../policy.ts';
import { definePolicy } from '../../policy.ts';

/**
 * One's own account security (authenticator, sessions): every signed-in person acts only
 * on themselves, so there is no object to find or hide — the role gate is all.
 */
export const accountPolicy = definePolicy<Owned, 'manage'>({
  label: 'The account',
  collection: true,
  actions: { manage: { permission: 'account.own' } },
});

/** The organisation's sign-in rules: owners and admins read them, owners change them. */
export const orgSecurityPolicy = definePolicy<Owned, 'read' | 'update'>({
  label: 'The sign-in rules',
  collection: true,
  actions: { read: { permission: 'org.manage' }, update: { permission: 'org.security' } },
});
