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

const row = (rows: BinaryRows, id: string, label: string | null, at: number | null, doc: string) => {
  rows.row(4);
  rows.field(uuidField(id));
  rows.text(label);
  rows.instant(at);
  rows.field(jsonbField(doc));
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
    ];
    const ids = cases.map(() => randomUUID());
    const rows = new BinaryRows();
    const chunks: Buffer[] = [];
    cases.forEach((c, i) => {
      row(rows, ids[i], c.label, c.at, c.doc);
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
    const cases: Array<{ u: string | null; b: boolean | null; i: number | null; f: number | null; l: number | null }> = [
      { u: randomUUID(), b: true, i: 0, f: 0.1 + 0.2, l: 0 },
      { u: 'FFFFFFFF-0000-4000-8000-0123456789AB', b: false, i: -2_147_483_648, f: -1e-300, l: -Number.MAX_SAFE_INTEGER },
      { u: null, b: null, i: null, f: null, l: null },
      { u: randomUUID(), b: true, i: 2_147_483_647, f: 86_400_000 * 365.25, l: Number.MAX_SAFE_INTEGER },
      // Either side of 2^32, where the high word starts; minus one, all ones in two's complement.
      { u: randomUUID(), b: false, i: 1, f: 1, l: 4_294_967_296 },
      { u: randomUUID(), b: false, i: -1, f: -1, l: -4_294_967_297 },
      { u: randomUUID(), b: false, i: 2, f: 2, l: -1 },
    ];
    const rows = new BinaryRows();
    for (const c of cases) {
      rows.row(5);
      rows.uuid(c.u);
      rows.bool(c.b);
      rows.int4(c.i);
      rows.float8(c.f);
      rows.int8(c.l);
    }
    const back = await copyBinaryTypesAndReadBack(database, rows.take());
    expect(back.map((r) => r.u)).toEqual(cases.map((c) => c.u?.toLowerCase() ?? null));
    expect(back.map((r) => r.b)).toEqual(cases.map((c) => c.b));
    expect(back.map((r) => r.i)).toEqual(cases.map((c) => c.i));
    expect(back.map((r) => (r.f === null ? null : Number(r.f)))).toEqual(cases.map((c) => c.f));
    expect(back.map((r) => r.l)).toEqual(cases.map((c) => (c.l === null ? null : String(c.l))));
    expect(() => new BinaryRows().int8(2 ** 53)).toThrow(/bigint/);
    expect(() => new BinaryRows().int8(1.5)).toThrow(/bigint/);
  });

  it('refuses an id that is not a uuid before anything is sent', () => {
    expect(() => uuidField('not-a-uuid')).toThrow(/not a uuid/);
    expect(() => new BinaryRows().uuid('0000000g-0000-4000-8000-000000000000')).toThrow(/not a uuid/);
    expect(() => new BinaryRows().uuid('00000000-0000-4000-8000-00000000000')).toThrow(/not a uuid/);
  });
});
