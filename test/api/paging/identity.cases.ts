import { aUser, anApiToken, anInvitation } from '../../../src/server/seed/builders/core.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

export const identityCases: PagingCase[] = [
  {
    route: 'GET /api/v1/users',
    async seed(_t, org) {
      const made = await times(ROWS, (i) => aUser(org.handle, { name: `Paged user ${i}` }));
      return { url: '/api/v1/users', ids: made.map((u) => u.id) };
    },
  },
  {
    route: 'GET /api/v1/invitations',
    async seed(_t, org) {
      const made = await times(ROWS, () => anInvitation(org.handle));
      return { url: '/api/v1/invitations', ids: made.map((i) => i.id) };
    },
  },
  {
    route: 'GET /api/v1/tokens',
    // Tokens are each user's own: the walk reads the analyst's, who holds all of them.
    as: 'analyst',
    async seed(_t, org) {
      const made = await times(ROWS, (i) => anApiToken(org.handle, { user: org.users.analyst, name: `Paged token ${i}` }));
      return { url: '/api/v1/tokens', ids: made.map((t) => t.id) };
    },
  },
];
