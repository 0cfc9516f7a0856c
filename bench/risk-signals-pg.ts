/**
 * Risk signals end to end on PostgreSQL (issue 13: ≤ 5 s): the generated portfolio's vendors,
 * engagements and 200,000 evidence records written to a new database, then an evaluation's facts read back through
 * the modules' public surfaces and its changes written by the bulk path (signals-write.ts):
 * the first evaluation writes every signal and opens every risk, the second over the same
 * facts writes nothing, a third after 1 % of the facts changed writes only those. Then the
 * product's own path twice (`runEvaluation`, every fact from the database, as the schedule
 * runs it): the end-to-end figure the target is about, and a repeat that must write nothing.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { DEFAULT_MATRIX } from '../src/domain/risk/matrix.ts';
import { evaluate, type Facts } from '../src/domain/risk/signals/index.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Ctx } from '../src/server/context.ts';
import { openDatabase, queryRows } from '../src/server/db/client.ts';
import { gatherFacts, runEvaluation } from '../src/server/modules/risks/signals.ts';
import { writeEvaluation } from '../src/server/modules/risks/signals-write.ts';
import { anOrg } from '../src/server/seed/builders/core.ts';
import { sql } from 'drizzle-orm';
import { now, type BenchRow } from './bench-types.ts';

const SERVER = process.env.OUTSIGHT_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** The portfolio with real ids: vendors and engagements get uuids; findings are not stored here, so signals link none. */
function withIds(facts: Facts) {
  const v = new Map(facts.vendors.map((x) => [x.id, randomUUID()]));
  const e = new Map(facts.engagements.map((x) => [x.id, randomUUID()]));
  const V = (id: string) => v.get(id)!;
  const E = (id: string) => e.get(id)!;
  return {
    ...facts,
    vendors: facts.vendors.map((x) => ({ ...x, id: V(x.id) })),
    engagements: facts.engagements.map((x) => ({ ...x, id: E(x.id), vendorId: V(x.vendorId) })),
    evidence: facts.evidence.map((x) => ({ ...x, vendorId: V(x.vendorId) })),
    reviews: facts.reviews.map((x) => ({ ...x, vendorId: V(x.vendorId) })),
    findings: facts.findings.map((x) => ({ ...x, vendorId: V(x.vendorId) })),
    gaps: facts.gaps.map((x) => ({ ...x, vendorId: V(x.vendorId), engagementId: E(x.engagementId), key: `${E(x.engagementId)}:${x.clauseId}` })),
    sla: facts.sla.map((x) => ({ ...x, engagementId: E(x.engagementId) })),
    exit: facts.exit.map((x) => ({ ...x, engagementId: E(x.engagementId) })),
    budgets: facts.budgets.map((x) => ({ ...x, engagementId: E(x.engagementId) })),
    credits: facts.credits.map((x) => ({ ...x, engagementId: E(x.engagementId) })),
  } satisfies Facts;
}

export async function benchRiskSignalsPg(generated: Facts, log: (line: string) => void): Promise<{ rows: BenchRow[]; notes: string[]; mismatches: number } | null> {
  const name = `outsight_bench_risk_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ kind: 'postgres', url: `${SERVER}/${name}`, poolSize: 4 });
  try {
    await database.migrate();
    const config = loadConfig({ DATABASE_URL: `${SERVER}/${name}` });
    const org = await anOrg({ db: database.db, config });
    const facts = withIds(generated);
    log('risk-signals: writing 10,000 vendors and 50,000 engagements to PostgreSQL');
    const db = database.db;
    for (let i = 0; i < facts.vendors.length; i += 5_000) {
      const rows = facts.vendors.slice(i, i + 5_000).map((x) => ({ id: x.id, name: x.name, tier: x.tier, data_access: x.dataAccess }));
      await db.execute(sql`INSERT INTO vendors (id, org_id, name, kind, status, tier, data_access) SELECT v.id, ${org.orgId}::uuid, v.name, 'saas', 'active', v.tier, v.data_access FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, name text, tier int, data_access text)`);
    }
    for (let i = 0; i < facts.engagements.length; i += 5_000) {
      const rows = facts.engagements.slice(i, i + 5_000).map((x) => ({ id: x.id, vendor_id: x.vendorId, name: x.name, service_type: x.serviceType, criticality: x.criticality }));
      await db.execute(
        sql`INSERT INTO engagements (id, org_id, vendor_id, name, service_type, criticality, status) SELECT v.id, ${org.orgId}::uuid, v.vendor_id, v.name, v.service_type, v.criticality, 'active' FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id uuid, vendor_id uuid, name text, service_type text, criticality text)`,
      );
    }
    // 200,000 evidence records, twenty per vendor, of seven kinds, valid until −400 … +900 days.
    log('risk-signals: writing 200,000 evidence records');
    await db.execute(sql`INSERT INTO evidence (org_id, vendor_id, type, title, valid_until, file_name, storage_key, content_type, size_bytes, sha256)
      SELECT ${org.orgId}::uuid, v.id, (ARRAY['iso27001_certificate','soc2_type2_report','penetration_test','insurance_certificate','nda','dpa','policy'])[1 + (g * 31 % 7)],
             'Document ' || g, DATE '2026-12-04' + ((g * 7919) % 1300 - 400), 'document.pdf', 'bench/' || g, 'application/pdf', 1000, 'bench'
      FROM generate_series(0, 199999) AS g
      JOIN (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM vendors WHERE org_id = ${org.orgId}) v ON v.n = g % ${facts.vendors.length}`);
    await db.execute(sql`ANALYZE`);
    const ctx: Ctx = { ...org.ctx(), log: pino({ level: 'silent' }) };
    const owners = new Map(facts.vendors.map((x) => [x.id, null]));
    // The findings are not in this database: their signals link no finding.
    const signalsOf = (f: Facts) => evaluate(f).map((s) => ({ ...s, findingId: null }));

    log('risk-signals: reading the facts back from PostgreSQL');
    let t0 = now();
    const read = await gatherFacts(ctx);
    const readMs = now() - t0;
    const perSource = Object.entries(read.ms).map(([name, ms]) => `${name} ${Math.round(ms)} ms`);
    // Vendors, engagements and evidence as read from the database; the other slices as generated.
    const dbFacts: Facts = { ...facts, today: read.facts.today, vendors: read.facts.vendors, engagements: read.facts.engagements, evidence: read.facts.evidence };

    log('risk-signals: first evaluation (writes everything)');
    t0 = now();
    const first = signalsOf(dbFacts);
    const w1 = await writeEvaluation(ctx, first, new Set(), DEFAULT_MATRIX, owners);
    const firstMs = now() - t0;

    log('risk-signals: second evaluation (nothing changed)');
    const audit = async () => Number((await queryRows<{ n: string }>(db, sql`SELECT count(*)::text AS n FROM audit_events WHERE org_id = ${org.orgId}`))[0].n);
    const auditBefore = await audit();
    t0 = now();
    const w2 = await writeEvaluation(ctx, signalsOf(dbFacts), new Set(), DEFAULT_MATRIX, owners);
    const secondMs = now() - t0;
    const secondWrites = w2.raised + w2.updated + w2.cleared + (await audit()) - auditBefore;

    log('risk-signals: third evaluation (1 % of the exit scores changed)');
    const changed = { ...dbFacts, exit: dbFacts.exit.map((x, i) => (i % 100 === 0 ? { ...x, score: x.score < 50 ? 90 : 10 } : x)) };
    t0 = now();
    const w3 = await writeEvaluation(ctx, signalsOf(changed), new Set(), DEFAULT_MATRIX, owners);
    const thirdMs = now() - t0;

    // The product's own path, every fact read from the database (clause gaps, exit readiness and
    // SLA months worked out from tables that are empty here): what the schedule runs.
    log('risk-signals: end to end, as the schedule runs it (facts from the database)');
    t0 = now();
    const e2eFirst = await runEvaluation(ctx);
    const e2eFirstMs = now() - t0;
    // The steady state, three times each (the median is reported: autovacuum of the writes
    // above runs beside them on this 2-core machine): nothing changed, then 1 % of the
    // engagements (500 of 50,000) changing criticality each time, their clause requirements
    // and exit-readiness signals changing with it, as after a day of edits.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const auditBeforeE2e = await audit();
    const secondRuns: number[] = [];
    let e2eSecond = e2eFirst;
    for (let i = 0; i < 3; i++) {
      t0 = now();
      e2eSecond = await runEvaluation(ctx);
      secondRuns.push(now() - t0);
    }
    const e2eSecondMs = median(secondRuns);
    const e2eSecondWrites = e2eSecond.raised + e2eSecond.updated + e2eSecond.cleared + (await audit()) - auditBeforeE2e;
    const thirdRuns: number[] = [];
    let e2eThird = e2eFirst;
    const hundredth = Math.round(facts.engagements.length / 100);
    for (let i = 0; i < 3; i++) {
      await db.execute(sql`UPDATE engagements SET criticality = CASE WHEN criticality IN ('critical', 'high') THEN 'low' ELSE 'critical' END
        WHERE id IN (SELECT id FROM engagements WHERE org_id = ${org.orgId} ORDER BY id OFFSET ${i * hundredth} LIMIT ${hundredth})`);
      t0 = now();
      e2eThird = await runEvaluation(ctx);
      thirdRuns.push(now() - t0);
    }
    const e2eThirdMs = median(thirdRuns);
    const ms = (xs: number[]) => xs.map((x) => `${(x / 1000).toFixed(2)} s`).join(', ');

    const counts = await queryRows<{ signals: string; risks: string }>(db, sql`SELECT (SELECT count(*) FROM risk_signals WHERE org_id = ${org.orgId})::text AS signals, (SELECT count(*) FROM risks WHERE org_id = ${org.orgId})::text AS risks`);
    const row = (label: string, ms: number, ops: number, mismatches: number | null): BenchRow => ({ name: label, nsPerOp: ops ? (ms * 1e6) / ops : 0, timedOps: ops, totalMs: ms, mismatches, scaled: false });
    return {
      rows: [
        row('PostgreSQL: read the facts (public surfaces)', readMs, read.facts.engagements.length, null),
        row('PostgreSQL: evaluate + write, first time (all raised)', firstMs, first.length, null),
        row('PostgreSQL: evaluate + write, nothing changed', secondMs, first.length, secondWrites),
        row('PostgreSQL: evaluate + write, 1 % of exit scores changed', thirdMs, first.length, null),
        row('PostgreSQL end to end: read + evaluate + write, after the above', e2eFirstMs, e2eFirst.active, null),
        row('PostgreSQL end to end: read + evaluate + write, nothing changed (median of 3)', e2eSecondMs, e2eSecond.active, e2eSecondWrites),
        row('PostgreSQL end to end: read + evaluate + write, 1 % of engagements changed (median of 3)', e2eThirdMs, e2eThird.active, null),
      ],
      notes: [
        `PostgreSQL: read ${read.facts.vendors.length.toLocaleString('en')} vendors, ${read.facts.engagements.length.toLocaleString('en')} engagements and 200,000 evidence records (${read.facts.evidence.length.toLocaleString('en')} longest-valid) through the public surfaces, the sources at the same time; the other tables are empty here, so the first three evaluations hand the rules the generated SLA months, gaps, findings, exit and costs facts; each source's own time: ${perSource.join(', ')}`,
        `PostgreSQL end to end (runEvaluation, every fact from the database): ${e2eFirst.active.toLocaleString('en')} active signals; the first run raised ${e2eFirst.raised.toLocaleString('en')}, updated ${e2eFirst.updated.toLocaleString('en')} and cleared ${e2eFirst.cleared.toLocaleString('en')} of those the generated facts had raised; nothing changed: ${ms(secondRuns)}, writing ${e2eSecondWrites} rows (must be 0); 1 % of the engagements changed: ${ms(thirdRuns)}, the last raising ${e2eThird.raised}, updating ${e2eThird.updated} and clearing ${e2eThird.cleared}`,
        `PostgreSQL: first evaluation raised ${w1.raised.toLocaleString('en')} signals and opened as many risks; second wrote ${secondWrites} rows (must be 0); third raised ${w3.raised}, updated ${w3.updated}, cleared ${w3.cleared}; stored ${counts[0].signals} signals, ${counts[0].risks} risks`,
      ],
      mismatches: secondWrites + e2eSecondWrites + (Number(counts[0].signals) === Number(counts[0].risks) ? 0 : 1),
    };
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}
