import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.ts';
import { BinaryRows, jsonbField, uuidField } from '../../src/server/db/copy-binary.ts';
import { openTestDatabase } from '../support/db.ts';
import { copyBinaryAndReadBack, copyBinaryTypesAndReadBack } from '../support/copy-binary.repo.ts';

// The first import of a ticket export and the SLA verdicts are sent in PostgreSQL's binary
// COPY format (src/server/db/copy-binary.ts). What goes in must come back exactly, on PGlite and on the
// PostgreSQL server: text of every script, empty and NULL, instants before 2000 and after,
// to the millisecond, ids and JSON, across several writes (one COPY statement per write on
// PGlite, one stream on the server) and a field larger than the encoder's first buffer.
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

// The jsonb made once (jsonbField) on even rows, written in place (BinaryRows.jsonb) on odd ones.
const row = (rows: BinaryRows, id: string, label: string | null, at: number | null, doc: string, inPlace: boolean) => {
  rows.row(4);
  rows.field(uuidField(id));
  rows.text(label);
  rows.instant(at);
  if (inPlace) rows.jsonb(doc);
  else rows.field(jsonbField(doc));
};

describe('binary COPY rows', () => {
  it('come back exactly as written', async () => {
    const cases: Array<{ label: string | null; at: number | null; doc: string }> = [
      { label: 'Drucker im 3. Stock — défaut ✓ 🖨️', at: Date.UTC(2024, 2, 31, 1, 59, 59, 999), doc: '[]' },
      { label: '', at: Date.UTC(1999, 11, 31, 23, 59, 59, 999), doc: '{"a":[1,"zwei"]}' },
      { label: null, at: null, doc: '[[1700000000000,"New",1,null]]' },
      { label: 'comma, "quote", new\nline, back\\slash', at: 0, doc: '[]' },
      { label: "Robert'); DROP TABLE tickets;--", at: Date.UTC(1969, 6, 20, 20, 17, 40, 1), doc: '[]' },
      { label: 'x'.repeat(300_000), at: Date.UTC(2100, 0, 1), doc: '[]' },
      { label: '中文工单标题', at: Date.UTC(2000, 0, 1), doc: '[]' },
      { label: 'audit', at: Date.UTC(2026, 11, 6), doc: JSON.stringify({ description: 'Support, "premium" \\N tier 🚀', amount: -1_250, lines: [{ position: 1 }], none: null }) },
    ];
    const ids = cases.map(() => randomUUID());
    const rows = new BinaryRows();
    const chunks: Buffer[] = [];
    cases.forEach((c, i) => {
      row(rows, ids[i], c.label, c.at, c.doc, i % 2 === 1);
      if (i % 3 === 2) chunks.push(rows.take()); // several writes
    });
    chunks.push(rows.take());
    expect(chunks.length).toBe(3);

    const back = await copyBinaryAndReadBack(database, chunks);
    expect(back.map((b) => b.id)).toEqual(ids);
    expect(back.map((b) => b.label)).toEqual(cases.map((c) => c.label));
    expect(back.map((b) => (b.at === null ? null : Number(b.at)))).toEqual(cases.map((c) => c.at));
    expect(back.map((b) => b.doc)).toEqual(cases.map((c) => JSON.parse(c.doc)));
  });

  it('carry uuids written from text, booleans, integers, doubles and bigints exactly, NULL included', async () => {
    // Dates: PostgreSQL's day 0, the days either side, a leap day, the Unix epoch, years 1000 and 9999, and a year under 100.
    const cases: Array<{ u: string | null; b: boolean | null; i: number | null; f: number | null; l: number | null; d: string | null }> = [
      { u: randomUUID(), b: true, i: 0, f: 0.1 + 0.2, l: 0, d: '2000-01-01' },
      { u: 'FFFFFFFF-0000-4000-8000-0123456789AB', b: false, i: -2_147_483_648, f: -1e-300, l: -Number.MAX_SAFE_INTEGER, d: '1999-12-31' },
      { u: null, b: null, i: null, f: null, l: null, d: null },
      { u: randomUUID(), b: true, i: 2_147_483_647, f: 86_400_000 * 365.25, l: Number.MAX_SAFE_INTEGER, d: '2000-01-02' },
      // Either side of 2^32, where the high word starts; minus one, all ones in two's complement.
      { u: randomUUID(), b: false, i: 1, f: 1, l: 4_294_967_296, d: '2028-02-29' },
      { u: randomUUID(), b: false, i: -1, f: -1, l: -4_294_967_297, d: '1970-01-01' },
      { u: randomUUID(), b: false, i: 2, f: 2, l: -1, d: '1000-01-01' },
      { u: randomUUID(), b: false, i: 3, f: 3, l: 3, d: '9999-12-31' },
      { u: randomUUID(), b: false, i: 4, f: 4, l: 4, d: '0050-06-15' },
    ];
    const rows = new BinaryRows();
    for (const c of cases) {
      rows.row(6);
      rows.uuid(c.u);
      rows.bool(c.b);
      rows.int4(c.i);
      rows.float8(c.f);
      rows.int8(c.l);
      rows.date(c.d);
    }
    const back = await copyBinaryTypesAndReadBack(database, rows.take());
    expect(back.map((r) => r.u)).toEqual(cases.map((c) => c.u?.toLowerCase() ?? null));
    expect(back.map((r) => r.b)).toEqual(cases.map((c) => c.b));
    expect(back.map((r) => r.i)).toEqual(cases.map((c) => c.i));
    expect(back.map((r) => (r.f === null ? null : Number(r.f)))).toEqual(cases.map((c) => c.f));
    expect(back.map((r) => r.l)).toEqual(cases.map((c) => (c.l === null ? null : String(c.l))));
    expect(() => new BinaryRows().int8(2 ** 53)).toThrow(/bigint/);
    expect(() => new BinaryRows().int8(1.5)).toThrow(/bigint/);
    expect(back.map((r) => r.d)).toEqual(cases.map((c) => c.d));
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-01', 'yesterday']) expect(() => new BinaryRows().date(bad)).toThrow(/not a date/);
  });

  it('refuses an id that is not a uuid before anything is sent', () => {
    expect(() => uuidField('not-a-uuid')).toThrow(/not a uuid/);
    expect(() => new BinaryRows().uuid('0000000g-0000-4000-8000-000000000000')).toThrow(/not a uuid/);
    expect(() => new BinaryRows().uuid('00000000-0000-4000-8000-00000000000')).toThrow(/not a uuid/);
  });
});
