import { aSourcingProject } from '../../../src/server/seed/builders/sourcing.ts';
import { inApp } from '../../support/due-diligence.ts';
import type { PagingCase } from './types.ts';
import { ROWS } from './types.ts';

// Projects are newest first; built in one organisation, the walk must return each exactly once.
export const sourcingCases: PagingCase[] = [
  {
    route: 'GET /api/v1/sourcing-projects',
    async seed(t, org) {
      const made = [];
      for (let i = 0; i < ROWS; i++) made.push(await aSourcingProject(inApp(org, t.config), { name: `Paged need ${i}`, checked: false }));
      return { url: '/api/v1/sourcing-projects', ids: made.map((p) => p.id) };
    },
  },
];
