import { definePolicy } from '../../policy.ts';
import type { TokenRow } from './tokens.repo.ts';

/**
 * Who may do what to an API token. A user manages only their own tokens: another
 * user's token — even an owner's look at an analyst's — is not found, like a revoked one.
 * Vendor contacts have none (the portal is for people, not scripts).
 */
export const tokenPolicy = definePolicy<TokenRow, 'list' | 'create' | 'revoke'>({
  label: 'The API token',
  visible: (t, actor) => t.userId === actor.userId && t.revokedAt === null,
  actions: {
    list: { permission: 'token.own' },
    create: { permission: 'token.own' },
    revoke: { permission: 'token.own' },
  },
});
