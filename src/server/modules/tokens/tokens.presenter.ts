import type { z } from 'zod';
import type { ApiToken } from '../../../shared/contracts/users.ts';
import type { TokenRow } from './tokens.repo.ts';

export function presentToken(t: TokenRow): z.output<typeof ApiToken> {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  };
}
