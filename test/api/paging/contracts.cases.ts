import { aContract } from '../../../src/server/seed/builders/contracts.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

export const contractCases: PagingCase[] = [
  {
    route: 'GET /api/v1/contracts',
    async seed(_t, org) {
      // Same vendor, titles differing only in case and number: the keyset must still walk them all once.
      const made = await times(ROWS, (i) => aContract(org.handle, { vendorId: org.vendor.id, title: `${i % 2 ? 'paged' : 'Paged'} contract ${i}` }));
      return { url: '/api/v1/contracts?q=paged%20contract', ids: made.map((c) => c.id) };
    },
  },
];
