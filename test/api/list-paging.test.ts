import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs } from '../support/factories.ts';
import { clauseCases } from './paging/clauses.cases.ts';
import { contractCases } from './paging/contracts.cases.ts';
import { coreCases } from './paging/core.cases.ts';
import { costsCases } from './paging/costs.cases.ts';
import { exitCases } from './paging/exit.cases.ts';
import { governanceCases } from './paging/governance.cases.ts';
import { ddCases } from './paging/dd.cases.ts';
import { deliverablesCases } from './paging/deliverables.cases.ts';
import { identityCases } from './paging/identity.cases.ts';
import { risksCases } from './paging/risks.cases.ts';
import { slaCases } from './paging/sla.cases.ts';
import { sourcingCases } from './paging/sourcing.cases.ts';
import type { PagingCase } from './paging/types.ts';
import { ROWS } from './paging/types.ts';

/**
 * No list answers `nextCursor: null` while more rows exist: every list endpoint of the
 * API is walked with limit=1 over more rows than one page, and must return each row once.
 */
const CASES: PagingCase[] = [...coreCases, ...identityCases, ...ddCases, ...slaCases, ...contractCases, ...clauseCases, ...deliverablesCases, ...costsCases, ...exitCases, ...risksCases, ...sourcingCases, ...governanceCases];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Routes whose 200 answer is a page ({ items, nextCursor }), read from the OpenAPI document. */
function pagedRoutes(): string[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }> }>> };
  const out: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const props = op.responses?.['200']?.content?.['application/json']?.schema?.properties;
      if (props && 'items' in props && 'nextCursor' in props) out.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
  }
  return out.sort();
}

describe('every list pages for real', () => {
  it('has a paging case for every list endpoint', () => {
    const covered = new Set(CASES.map((c) => c.route));
    expect(pagedRoutes().filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.route} walks page by page with limit=1`, async () => {
      const org = await createTestOrg(t.database.db, 'Paging');
      const { url, ids } = await c.seed(t, org);
      expect(ids.length).toBeGreaterThanOrEqual(ROWS);
      const headers = authHeaders(await loginAs(t.database.db, org.users[c.as ?? 'owner']));
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 100; page++) {
        const sep = url.includes('?') ? '&' : '?';
        const res = await t.app.inject({ method: 'GET', url: `${url}${sep}limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, headers });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { items: Array<Record<string, unknown>>; nextCursor: string | null };
        expect(body.items.length).toBeLessThanOrEqual(1);
        seen.push(...body.items.map((i) => (c.idOf ? c.idOf(i) : String(i.id))));
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((x) => ids.includes(x)).sort()).toEqual([...ids].sort());
    });
  }
});
