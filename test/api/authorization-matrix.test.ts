import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/shared/contracts/auth.ts';
import { registeredPolicies } from '../../src/server/policy.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { authHeaders, createTestOrg, loginAs, type Login, type TestOrg } from '../support/factories.ts';
import { changeRequestRows } from './matrix/change-requests.rows.ts';
import { clauseRows } from './matrix/clauses.rows.ts';
import { contractRows } from './matrix/contracts.rows.ts';
import { coreRows } from './matrix/core.rows.ts';
import { costsRows } from './matrix/costs.rows.ts';
import { exitRows } from './matrix/exit.rows.ts';
import { risksRows } from './matrix/risks.rows.ts';
import { governanceRows } from './matrix/governance.rows.ts';
import { ddRows } from './matrix/due-diligence.rows.ts';
import { deliverablesRows } from './matrix/deliverables.rows.ts';
import { identityRows } from './matrix/identity.rows.ts';
import { robustnessRows } from './matrix/robustness.rows.ts';
import { slaRows } from './matrix/sla.rows.ts';
import { sourcingRows } from './matrix/sourcing.rows.ts';
import { securityRows } from './matrix/security.rows.ts';
import type { Call, MatrixEnv, Row, Scope } from './matrix/types.ts';

/**
 * Every registered route × every role (and no sign-in) × {own object, another
 * organisation's object, an id that does not exist}, plus the object rules of every
 * policy: another vendor's object for vendor contacts, and an object in a state that
 * forbids the action. The expected roles are written in the row files, not read from the
 * code, so a changed permission fails this test.
 */
let t: TestApp;
let own: TestOrg;
let foreign: TestOrg;
const uniq = () => randomUUID().slice(0, 8);
const id = (c: Call, pick: (o: TestOrg) => string) => (c.scope === 'missing' ? randomUUID() : pick(c.org));

const env: MatrixEnv = {
  get t() {
    return t;
  },
  get own() {
    return own;
  },
  get foreign() {
    return foreign;
  },
  uniq,
  id,
};

const AREAS = [identityRows(env), coreRows(env), slaRows(env), ddRows(env), robustnessRows(env), securityRows(env), contractRows(env), clauseRows(env), deliverablesRows(env), costsRows(env), changeRequestRows(env), exitRows(env), risksRows(env), sourcingRows(env), governanceRows(env)];
const MATRIX: Record<string, Row> = Object.assign({}, ...AREAS.map((a) => a.rows));

beforeAll(async () => {
  t = await createTestApp();
  own = await createTestOrg(t.database.db, 'Own');
  foreign = await createTestOrg(t.database.db, 'Foreign');
  for (const area of AREAS) await area.setup?.();
});
afterAll(() => t.close());

function expected(row: Row, role: Role | null, scope: Scope): number {
  if (row.allowed === 'public') return scope === 'missing' && row.publicMissing ? row.publicMissing : row.ok;
  if (!role) return 401;
  const allowed = row.allowed === 'signed-in' || row.allowed.includes(role);
  if (!allowed) return 403;
  if (scope === 'state') return row.forbiddenState!;
  if (scope === 'otherVendor') return role === 'vendor_contact' ? 404 : row.ok;
  return scope === 'own' || !row.scoped ? row.ok : 404;
}

function scopesOf(row: Row): Scope[] {
  const scopes: Scope[] = row.scoped ? ['own', 'foreign', 'missing'] : ['own'];
  if (row.otherVendor) scopes.push('otherVendor');
  if (row.forbiddenState) scopes.push('state');
  return scopes;
}

/** Identifiers of the foreign organisation that must never appear in our lists. */
function foreignIds(): string[] {
  return [foreign.orgId, foreign.vendor.id, foreign.otherVendor.id, foreign.engagementId, ...Object.values(foreign.users).map((u) => u.id)];
}

describe('authorization matrix', () => {
  it('has a row for every registered route, and a route for every row', () => {
    const registered = t.app.routeInfo.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('exercises the object rules of every policy: another organisation, another vendor, a forbidding state', () => {
    const rows = Object.values(MATRIX);
    const gaps: string[] = [];
    for (const p of registeredPolicies()) {
      const mine = rows.filter((r) => r.policy === p.label);
      if (!p.collection && !mine.some((r) => r.scoped)) gaps.push(`${p.label}: no row with another organisation's object`);
      const contactsReach = mine.some((r) => Array.isArray(r.allowed) && r.allowed.includes('vendor_contact'));
      if (p.vendorScoped && contactsReach && !mine.some((r) => r.otherVendor)) gaps.push(`${p.label}: no row with another vendor's object`);
      if (p.stateRules.length && !mine.some((r) => r.forbiddenState)) gaps.push(`${p.label}: no row with a state that forbids (${p.stateRules.join(', ')})`);
    }
    expect(gaps).toEqual([]);
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    const [method, pattern] = route.split(' ');
    const scopes = scopesOf(row);
    it(`${route}`, async () => {
      const failures: string[] = [];
      for (const role of [null, ...ROLES] as Array<Role | null>) {
        for (const scope of scopes) {
          // Internal roles have nothing to do with another vendor's object beyond `own`.
          if (scope === 'otherVendor' && role !== 'vendor_contact') continue;
          const actor = role ? own.users[role] : null;
          const login: Login | null = actor ? await loginAs(t.database.db, actor) : null;
          const req = await row.build({ org: scope === 'foreign' ? foreign : own, actor, scope });
          const res = await t.app.inject({
            method: method as 'GET',
            url: req.url,
            payload: req.payload as string | object | undefined,
            headers: { ...(login ? authHeaders(login) : {}), ...req.headers },
          });
          const want = expected(row, role, scope);
          if (res.statusCode >= 500 || res.statusCode !== want) {
            failures.push(`${role ?? 'anonymous'}/${scope}: got ${res.statusCode}, want ${want} (${pattern}) ${res.body.slice(0, 200)}`);
          }
          if (res.statusCode === 200 && method === 'GET' && role) {
            const leaked = foreignIds().filter((x) => res.body.includes(x));
            if (leaked.length) failures.push(`${role}: response contains another organisation's ids ${leaked.join(', ')}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
