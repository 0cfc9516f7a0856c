import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addDdFixtures, PDF, type DdFixtures } from '../support/due-diligence.ts';
import { addSlaFixtures, authHeaders, createTestOrg, loginAs, type Login, type SlaFixtures, type TestOrg } from '../support/factories.ts';

/**
 * Issue 9, item 10: hostile strings (NUL characters) and edge dates (year 0000) in any
 * field or query parameter are the caller's mistake, never a 500. Every route is read from
 * the OpenAPI document; each run makes one body field or one query parameter hostile and
 * keeps the rest plausible, so the hostile value gets as far into the server as it can.
 */
let t: TestApp;
let org: TestOrg;
let dd: DdFixtures;
let sla: SlaFixtures;
let owner: Login;
let contact: Login;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.database.db, 'Hostile');
  dd = await addDdFixtures(org, t.config);
  sla = await addSlaFixtures(org);
  owner = await loginAs(t.database.db, org.users.owner);
  contact = await loginAs(t.database.db, org.users.vendor_contact);
});
afterAll(() => t.close());

const HOSTILE_STRINGS = ['\u0000', 'a\u0000b', 'name\u0000', '%00', '\\u0000', '\u0000'.repeat(20), '\uD800', '\u202Eevil', ' ', ''];
const EDGE_DATES = ['0000-01-01', '0000-12-31', '0001-01-01', '0999-12-31', '9999-12-31', '2024-02-29', '0000-01', '0000-13', '9999-12', '0000-01-01T00:00:00Z', '0000-01-01T00:00:00+14:00', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z'];
const hostile = fc.constantFrom(...HOSTILE_STRINGS, ...EDGE_DATES);
const hostileNumber = fc.constantFrom(0, -1, 1e300, -1e300, 2 ** 53, 0.5, 1900, 2199, 10_000);

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minItems?: number;
  default?: unknown;
};
type Doc = { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>; components?: { schemas?: Record<string, JsonSchema> } };
let doc: Doc;

function resolve(s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.split('/').pop()!;
  return resolve(doc.components?.schemas?.[name] ?? {});
}

/** A plausible value for a schema; string leaves are recorded so one of them can be made hostile. */
function plausible(s0: JsonSchema, path: string, leaves: string[], depth = 0): unknown {
  const s = resolve(s0);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return plausible(alt.find((a) => resolve(a).type !== 'null') ?? alt[0], path, leaves, depth);
  if (s.allOf) return plausible(s.allOf[0], path, leaves, depth);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    if (depth > 6) return {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = plausible(v, path ? `${path}.${k}` : k, leaves, depth + 1);
    return out;
  }
  if (type === 'array') return depth > 6 || !s.items ? [] : Array.from({ length: Math.max(1, s.minItems ?? 0) }, (_, i) => plausible(s.items!, `${path}.${i}`, leaves, depth + 1));
  if (type === 'boolean') return false;
  if (type === 'integer' || type === 'number') {
    leaves.push(`#${path}`);
    return Math.max(s.minimum ?? 1, 1);
  }
  leaves.push(path);
  const last = path.split('.').pop() ?? '';
  if (last === 'vendorId') return org.vendor.id;
  if (last === 'engagementId') return org.engagementId;
  if (last === 'calendarId') return sla.calendarId;
  if (last === 'templateId') return dd.questionnaireId;
  if (/Id$/.test(last) || s.format === 'uuid') return randomUUID();
  if (s.format === 'date') return '2030-01-15';
  if (s.format === 'date-time') return '2030-01-15T10:00:00Z';
  if (s.format === 'email') return `hostile.${randomUUID().slice(0, 8)}@vendor.example`;
  if (s.format === 'uri') return 'https://example.com';
  return `Plain ${randomUUID().slice(0, 6)}`;
}

function setPath(obj: unknown, path: string, value: unknown): unknown {
  if (path === '') return value;
  const [head, ...rest] = path.split('.');
  const o = (obj ?? {}) as Record<string, unknown>;
  return Array.isArray(o) ? o.map((x, i) => (String(i) === head ? setPath(x, rest.join('.'), value) : x)) : { ...o, [head]: setPath(o[head], rest.join('.'), value) };
}

/** Real objects of the test organisation behind each path parameter, so requests get past "not found". */
function fillPath(path: string): string {
  const idFor: Array<[RegExp, () => string]> = [
    [/^\/api\/v1\/vendors\//, () => org.vendor.id],
    [/^\/api\/v1\/engagements\//, () => org.engagementId],
    [/^\/api\/v1\/calendars\//, () => sla.calendarId],
    [/^\/api\/v1\/tickets\//, () => sla.ticketId],
    [/^\/api\/v1\/outages\//, () => sla.outageId],
    [/^\/api\/v1\/ticket-imports\//, () => sla.importId],
    [/^\/api\/v1\/ticket-mappings\//, () => sla.mappingId],
    [/^\/api\/v1\/questionnaires\//, () => dd.questionnaireId],
    [/^\/api\/v1\/(portal\/)?assessments\//, () => dd.assessmentId],
    [/^\/api\/v1\/findings\//, () => dd.findingId],
    [/^\/api\/v1\/(portal\/)?evidence\//, () => dd.evidenceId],
    [/^\/api\/v1\/users\//, () => org.users.analyst.id],
  ];
  const id = idFor.find(([re]) => re.test(path))?.[1]() ?? randomUUID();
  return path.replace('{id}', id).replace('{questionId}', 'mfa').replace('{token}', 'not-a-token');
}

interface RouteCase {
  method: string;
  path: string;
  query: Array<{ name: string; schema: JsonSchema }>;
  body: JsonSchema | null;
  raw: boolean;
}

function routes(): RouteCase[] {
  doc = t.app.swagger() as unknown as Doc;
  const out: RouteCase[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      // Signing out or deleting ends what later runs need; their inputs are ids only.
      if (method === 'delete' || path.endsWith('/logout')) continue;
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} }));
      const content = op.requestBody?.content ?? {};
      const body = content['application/json']?.schema ?? null;
      out.push({ method: method.toUpperCase(), path, query, body, raw: method !== 'get' && !body });
    }
  }
  return out;
}

/** A lone surrogate has no UTF-8 form; send the bytes a careless client would (CESU-8). */
const encodeQuery = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return v.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80');
  }
};

async function hit(r: RouteCase, query: Record<string, unknown>, body: unknown) {
  const url = `${fillPath(r.path)}${Object.keys(query).length ? '?' : ''}${Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeQuery(String(v))}`)
    .join('&')}`;
  const login = r.path.startsWith('/api/v1/portal/') ? contact : owner;
  const headers: Record<string, string> = { ...authHeaders(login) };
  let payload: string | Buffer | undefined;
  if (body !== null && body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (r.raw) {
    const pdf = /evidence/.test(r.path);
    headers['content-type'] = pdf ? 'application/pdf' : 'text/csv';
    payload = pdf ? PDF : 'Key,Summary\nA-1,x\n';
  }
  const res = await t.app.inject({ method: r.method as 'GET', url, headers, payload });
  return { status: res.statusCode, body: res.body, url };
}

describe('hostile strings and edge dates never answer 5xx', () => {
  it('every write route, one hostile body field at a time', async () => {
    const failures: string[] = [];
    for (const r of routes().filter((x) => x.body)) {
      const leaves: string[] = [];
      const base = plausible(r.body!, '', leaves);
      if (leaves.length === 0) continue;
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: leaves.length - 1 }), hostile, hostileNumber, async (i, s, n) => {
          const leaf = leaves[i];
          const body = leaf.startsWith('#') ? setPath(base, leaf.slice(1), n) : setPath(base, leaf, s);
          const res = await hit(r, {}, body);
          if (res.status >= 500) failures.push(`${r.method} ${r.path} ${JSON.stringify(body)} → ${res.status} ${res.body.slice(0, 200)}`);
        }),
        { numRuns: Math.min(60, leaves.length * HOSTILE_STRINGS.length), seed: 9 },
      );
    }
    expect(failures).toEqual([]);
  });

  it('every query parameter of every route, one at a time', async () => {
    const failures: string[] = [];
    for (const r of routes().filter((x) => x.query.length)) {
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: r.query.length - 1 }), hostile, async (i, s) => {
          const query: Record<string, unknown> = {};
          // Uploads need their required metadata, so the hostile value meets the rest of a plausible request.
          if (/evidence$/.test(r.path) && r.method === 'POST') Object.assign(query, { type: 'policy', title: 'Policy', fileName: 'p.pdf' });
          if (/holidays\/import$/.test(r.path)) Object.assign(query, { fromYear: 2026, toYear: 2027 });
          query[r.query[i].name] = s;
          const res = await hit(r, query, r.body ? plausible(r.body, '', []) : null);
          if (res.status >= 500) failures.push(`${r.method} ${res.url} → ${res.status} ${res.body.slice(0, 200)}`);
        }),
        { numRuns: Math.min(60, r.query.length * (HOSTILE_STRINGS.length + EDGE_DATES.length)), seed: 9 },
      );
    }
    expect(failures).toEqual([]);
  });

  it('the public sign-in with a NUL in the address or password', async () => {
    for (const body of [{ email: '\u0000', password: 'x' }, { email: 'a@b.example', password: '\u0000' }, { email: 'a\u0000@b.example', password: 'secret-secret' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
    const vendors = await t.app.inject({ method: 'GET', url: '/api/v1/vendors?q=%00', headers: authHeaders(owner) });
    expect(vendors.statusCode).toBe(400);
    expect(vendors.json().error.details.issues[0].path).toBe('q');
  });
});
