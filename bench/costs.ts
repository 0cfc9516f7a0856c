/**
 * Costs (issue 12), on PostgreSQL, wall clock:
 * (a) invoice import with every check — an accounting export of n lines (default 100,000;
 *     ten lines per invoice) across 500 engagements of 50 vendors, each engagement with a
 *     statement of work and its rate card — through `importInvoices` (the service the route and CLI call), against
 *     a raw COPY of the same file into a table shaped like the file. Target ≤ 2×.
 * (b) the portfolio spend report (`portfolioSpend`) over 5 fiscal years × 500 engagements of
 *     approved and paid invoices; each year read repeatedly, median and p99. Target ≤ 200 ms.
 * Flags: --n=LINES shrinks (a); --sample=READS sets the reads per year in (b).
 */
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/server/config.ts';
import type { Ctx } from '../src/server/context.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { insertPerson } from '../src/server/modules/auth/auth.repo.ts';
import { insertContract, setEngagements } from '../src/server/modules/contracts/contracts.repo.ts';
import { importInvoices } from '../src/server/modules/costs/import-invoices.ts';
import { insertRateCardItem } from '../src/server/modules/costs/costs.repo.ts';
import { portfolioBudgets } from '../src/server/modules/costs/budget-positions.ts';
import { portfolioSpend } from '../src/server/modules/costs/spend.ts';
import { insertEngagement } from '../src/server/modules/engagements/engagements.repo.ts';
import { insertOrg } from '../src/server/modules/org/org.repo.ts';
import { insertUser } from '../src/server/modules/users/users.repo.ts';
import { insertVendor } from '../src/server/modules/vendors/vendors.repo.ts';
import type { BenchOptions, BenchRow, SectionResult } from './bench-types.ts';
import { intBetween, mulberry32, pick } from './prng.ts';
import { freshServerDb } from './ticket-import.ts';

// OUTSIGHT_BENCH_COSTS_VENDORS=1 puts every invoice under one vendor: the duplicate and
// period checks compare each invoice with that vendor's others (docs/PERFORMANCE.md).
const VENDORS = Number(process.env.OUTSIGHT_BENCH_COSTS_VENDORS ?? 50);
const PER_VENDOR = 10; // 500 engagements
// OUTSIGHT_BENCH_COSTS_LINES_PER_INVOICE=1 makes as many invoices as lines.
const LINES_PER_INVOICE = Number(process.env.OUTSIGHT_BENCH_COSTS_LINES_PER_INVOICE ?? 10);
const CARD = [
  { name: 'Senior consultant', unit: 'day', price: 95_000 },
  { name: 'Developer', unit: 'hour', price: 9_000 },
  { name: 'Service desk ticket', unit: 'ticket', price: 1_500 },
  { name: 'Hosting', unit: 'month', price: 250_000 },
  { name: 'User licence', unit: 'user', price: 1_200 },
] as const;
const HEADER = 'Invoice number,Invoice date,Vendor,Engagement,Contract,Currency,Period from,Period to,Description,Quantity,Unit,Unit price,Amount,Tax';
const MAPPING = {
  number: 'Invoice number',
  invoiceDate: 'Invoice date',
  vendor: 'Vendor',
  engagement: 'Engagement',
  contract: 'Contract',
  currency: 'Currency',
  periodFrom: 'Period from',
  periodTo: 'Period to',
  description: 'Description',
  quantity: 'Quantity',
  unit: 'Unit',
  unitPrice: 'Unit price',
  amount: 'Amount',
  tax: 'Tax',
};
const vendorName = (v: number) => `Vendor ${String(v + 1).padStart(2, '0')}`;
const engagementName = (v: number, e: number) => `Engagement ${String(v * PER_VENDOR + e + 1).padStart(3, '0')}`;
const money = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
const pad = (n: number) => String(n).padStart(2, '0');

/** The accounting export: invoices of ten lines, monthly per engagement from 2024, one line in fifty over the rate card. */
function generateExport(lines: number, seed: number): string {
  const file = path.join(tmpdir(), `outsight-bench-invoices-${lines}-${seed}-${VENDORS}-${LINES_PER_INVOICE}.csv`);
  if (existsSync(file)) return file;
  const rng = mulberry32(seed);
  const out: string[] = [HEADER];
  const invoices = Math.ceil(lines / LINES_PER_INVOICE);
  for (let i = 0; i < invoices; i++) {
    const eng = i % (VENDORS * PER_VENDOR);
    const v = Math.floor(eng / PER_VENDOR);
    const m = Math.floor(i / (VENDORS * PER_VENDOR)); // the k-th invoice of each engagement bills month k
    const y = 2024 + Math.floor(m / 12);
    const month = `${y}-${pad((m % 12) + 1)}`;
    const last = new Date(Date.UTC(y, (m % 12) + 1, 0)).getUTCDate();
    const head = `INV-${String(i + 1).padStart(6, '0')},${month}-${pad(Math.min(last, 28))},${vendorName(v)},${engagementName(v, eng % PER_VENDOR)},SOW ${engagementName(v, eng % PER_VENDOR)},EUR,${month}-01,${month}-${pad(last)}`;
    for (let l = 0; l < LINES_PER_INVOICE && out.length <= lines; l++) {
      const item = pick(rng, CARD);
      const qty = intBetween(rng, 1, 40);
      const price = rng() < 0.02 ? Math.round(item.price * 1.1) : item.price;
      const amount = qty * price;
      out.push(`${head},${item.name},${qty},${item.unit},${money(price)},${money(amount)},${money(Math.round(amount / 5))}`);
    }
  }
  writeFileSync(file, out.join('\n') + '\n');
  return file;
}

/** An owner, 50 vendors of 10 engagements, each engagement a statement of work with its rate card. */
async function portfolio(database: Database): Promise<{ ctx: Ctx; vendorIds: string[]; engagementIds: string[] }> {
  const db = database.db;
  const org = await insertOrg(db, { name: 'Bench costs' });
  const email = `bench-costs-${Date.now()}@outsight.test`;
  const person = await insertPerson(db, { email, passwordHash: null, at: new Date() });
  const u = await insertUser(db, { orgId: org.id, personId: person.id, email, name: 'Bench', role: 'owner' });
  const vendorIds: string[] = [];
  const engagementIds: string[] = [];
  for (let v = 0; v < VENDORS; v++) {
    const vendor = await insertVendor(db, { orgId: org.id, name: vendorName(v), kind: 'help_desk', status: 'active', tier: 2, dataAccess: 'internal' });
    vendorIds.push(vendor.id);
    for (let e = 0; e < PER_VENDOR; e++) {
      const id = (await insertEngagement(db, { orgId: org.id, vendorId: vendor.id, name: engagementName(v, e), serviceType: 'service_desk', criticality: 'high', status: 'active' })).id;
      engagementIds.push(id);
      // A statement of work per engagement: a period is checked against the other invoices of its contract.
      const contract = await insertContract(db, { orgId: org.id, vendorId: vendor.id, type: 'statement_of_work', title: `SOW ${engagementName(v, e)}`, status: 'active', effectiveOn: '2020-01-01', currency: 'EUR', totalValueMinor: 50_000_000 });
      await setEngagements(db, org.id, contract.id, [id]);
      for (const c of CARD) await insertRateCardItem(db, { orgId: org.id, vendorId: vendor.id, contractId: contract.id, name: c.name, unit: c.unit, unitPriceMinor: c.price, currency: 'EUR', validFrom: '2020-01-01' });
    }
  }
  const ctx: Ctx = {
    db,
    config: loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent' }),
    log: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return this; }, level: 'silent', silent() {} } as unknown as Ctx['log'],
    now: new Date('2026-12-04T12:00:00Z'),
    requestId: 'bench',
    actor: { userId: u.id, orgId: org.id, role: 'owner', vendorId: null, email: u.email, name: u.name, via: 'token', sessionId: null, csrfToken: null },
  };
  return { ctx, vendorIds, engagementIds };
}

const wall = () => performance.now();
const row = (name: string, ms: number, n: number): BenchRow => ({ name, nsPerOp: (ms * 1e6) / n, timedOps: n, totalMs: ms, mismatches: null });
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** The floor: COPY the file as it is into a table with the file's columns, typed. */
async function rawCopy(client: pg.Client, file: string): Promise<number> {
  await client.query(`CREATE TABLE bench_invoice_raw (invoice_number text, invoice_date date, vendor text, engagement text, contract text, currency text, period_from date, period_to date,
    description text, quantity numeric, unit text, unit_price numeric, amount numeric, tax numeric)`);
  await client.query('CHECKPOINT');
  const t0 = wall();
  await pipeline(createReadStream(file), client.query(copyFrom('COPY bench_invoice_raw FROM STDIN WITH (FORMAT csv, HEADER true)')));
  const ms = wall() - t0;
  await client.query('DROP TABLE bench_invoice_raw');
  return ms;
}

/** Five fiscal years (calendar years here) of one approved or paid invoice per engagement and month, straight in SQL. */
async function seedSpend(client: pg.Client, orgId: string): Promise<void> {
  await client.query(
    `INSERT INTO invoices (org_id, vendor_id, engagement_id, number, invoice_date, currency, subtotal_minor, tax_minor, total_minor, status)
     SELECT e.org_id, e.vendor_id, e.id, 'S-' || left(e.id::text, 8) || '-' || to_char(m, 'YYYYMM'), (m + interval '14 days')::date,
            CASE WHEN abs(hashtext(e.id::text)) % 10 = 0 THEN 'USD' ELSE 'EUR' END, s, s / 5, s + s / 5,
            CASE WHEN abs(hashtext(e.id::text || m::text)) % 3 = 0 THEN 'paid' ELSE 'approved' END
       FROM engagements e, generate_series('2020-01-01'::date, '2024-12-01'::date, interval '1 month') m,
            LATERAL (SELECT 100000 + abs(hashtext(e.id::text || m::text)) % 900000 AS s) amount
      WHERE e.org_id = $1`,
    [orgId],
  );
  // One euro budget per engagement and year (about a year of its invoices): the budget positions read.
  await client.query(
    `INSERT INTO budgets (org_id, vendor_id, engagement_id, fiscal_year, label, amount_minor, currency)
     SELECT e.org_id, e.vendor_id, e.id, y, 'Run', 6000000 + abs(hashtext(e.id::text || y::text)) % 2000000, 'EUR'
       FROM engagements e, generate_series(2020, 2024) y
      WHERE e.org_id = $1`,
    [orgId],
  );
  await client.query('ANALYZE invoices');
  await client.query('ANALYZE budgets');
}

export async function benchCosts(opts: BenchOptions): Promise<SectionResult> {
  const n = opts.n ?? 100_000;
  const reads = opts.sample ?? 50;
  const log = opts.log ?? (() => {});
  log(`generating an export of ${n.toLocaleString('en')} invoice lines…`);
  const file = generateExport(n, opts.seed ?? 12);
  const rows: BenchRow[] = [];
  const notes: string[] = [`input: accounting export, ${n.toLocaleString('en')} lines in ${Math.ceil(n / LINES_PER_INVOICE).toLocaleString('en')} invoices across ${VENDORS * PER_VENDOR} engagements of ${VENDORS} vendors (a statement of work and a five-item rate card each), one line in fifty over the rate card`];
  const server = await freshServerDb();
  try {
    const database = await openDatabase({ kind: 'postgres', url: server.url });
    await database.migrate();
    const { ctx } = await portfolio(database);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();

    log('raw COPY…');
    const copyMs = await rawCopy(client, file);
    rows.push(row('raw COPY of the file into a table of its columns (PostgreSQL)', copyMs, n));
    await client.query('CHECKPOINT');

    log('Outsight invoice import with every check…');
    const t0 = wall();
    const res = await importInvoices(ctx, readFileSync(file), { mapping: MAPPING, dryRun: false, fileName: 'bench.csv' });
    const importMs = wall() - t0;
    rows.push(row('Outsight invoice import: read, map, name, save, every check (PostgreSQL; per line)', importMs, n));
    const failing = res.invoices.filter((i) => i.failingChecks.length > 0).length;
    notes.push(`imported ${res.created.toLocaleString('en')} invoices, ${res.lines.toLocaleString('en')} lines; ${failing.toLocaleString('en')} with a failing check (the overpriced lines)`);
    const stored = Number((await client.query(`SELECT count(*) FROM invoice_lines`)).rows[0].count);
    if (stored !== n) throw new Error(`expected ${n} stored lines, got ${stored}`);

    log('spend report: seeding 5 years × 500 engagements…');
    await seedSpend(client, ctx.actor.orgId);
    const years = [2020, 2021, 2022, 2023, 2024];
    const times: number[] = [];
    let mismatches = 0;
    for (const fiscalYear of years) {
      // The figure to match: the same sum in plain SQL.
      const want = (await client.query(`SELECT currency, sum(subtotal_minor)::text AS s FROM invoices WHERE org_id = $1 AND status IN ('approved','paid') AND invoice_date BETWEEN $2 AND $3 GROUP BY currency ORDER BY currency`, [ctx.actor.orgId, `${fiscalYear}-01-01`, `${fiscalYear}-12-31`])).rows as Array<{ currency: string; s: string }>;
      for (let i = 0; i < reads; i++) {
        const t = wall();
        const spend = await portfolioSpend(ctx, { fiscalYear });
        times.push(wall() - t);
        if (i === 0) {
          const got = spend.totals.map((x) => `${x.currency}:${x.totalMinor}`).join(',');
          if (got !== want.map((w) => `${w.currency}:${w.s}`).join(',')) mismatches++;
          if (spend.rows.length < VENDORS) mismatches++;
        }
      }
    }
    times.sort((a, b) => a - b);
    const median = quantile(times, 0.5);
    const p99 = quantile(times, 0.99);
    rows.push({ ...row(`portfolio spend report, one fiscal year of 500 engagements (PostgreSQL; ${reads} reads × 5 years, mean)`, times.reduce((s, x) => s + x, 0), times.length), mismatches, scaled: false });

    // Budget positions (the Costs page, and the dashboard's over-budget alert on every load).
    const budgetTimes: number[] = [];
    let budgetMismatches = 0;
    for (const fiscalYear of years) {
      const want = (await client.query(`SELECT sum(subtotal_minor)::text AS s FROM invoices WHERE org_id = $1 AND status IN ('approved','paid') AND currency = 'EUR' AND invoice_date BETWEEN $2 AND $3`, [ctx.actor.orgId, `${fiscalYear}-01-01`, `${fiscalYear}-12-31`])).rows[0].s as string;
      for (let i = 0; i < reads; i++) {
        const t = wall();
        const p = await portfolioBudgets(ctx, { fiscalYear });
        budgetTimes.push(wall() - t);
        if (i === 0) {
          // Every euro is on a budget's row or listed as spend no budget holds; every engagement has its row.
          const eur = p.rows.reduce((sum, r) => sum + r.actualMinor, 0) + p.unbudgeted.filter((u) => u.currency === 'EUR').reduce((sum, u) => sum + u.actualMinor, 0);
          if (String(eur) !== want || p.rows.length !== VENDORS * PER_VENDOR) budgetMismatches++;
        }
      }
    }
    budgetTimes.sort((a, b) => a - b);
    const budgetMedian = quantile(budgetTimes, 0.5);
    const budgetP99 = quantile(budgetTimes, 0.99);
    rows.push({ ...row(`budget positions, one fiscal year of 500 engagements' budgets (PostgreSQL; ${reads} reads × 5 years, mean)`, budgetTimes.reduce((s, x) => s + x, 0), budgetTimes.length), mismatches: budgetMismatches, scaled: false });
    mismatches += budgetMismatches;
    await client.end();
    await database.close();

    const ratios: Record<string, number> = { importVsRawCopy: Math.round((importMs / copyMs) * 100) / 100, spendMedianMs: Math.round(median * 10) / 10, spendP99Ms: Math.round(p99 * 10) / 10, budgetsMedianMs: Math.round(budgetMedian * 10) / 10, budgetsP99Ms: Math.round(budgetP99 * 10) / 10 };
    notes.push(`import / raw COPY = ${ratios.importVsRawCopy}× (target ≤ 2×): ${ratios.importVsRawCopy <= 2 ? 'met' : 'not met'}`);
    notes.push(`spend report: median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${times.length} reads of 30,000 invoices (5 years × 500 engagements × 12 months, a tenth in USD) plus the imported ones (target ≤ 200 ms): ${p99 <= 200 ? 'met' : 'not met'}`);
    notes.push(`budget positions: median ${budgetMedian.toFixed(1)} ms, p99 ${budgetP99.toFixed(1)} ms over ${budgetTimes.length} reads of 500 budgets against the same invoices (held to the spend report's 200 ms): ${budgetP99 <= 200 ? 'met' : 'not met'}`);
    return { id: 'costs', title: 'Costs: invoice import with every check, the portfolio spend report and budget positions (wall clock)', rows, ratios, notes, mismatches };
  } finally {
    await server.drop();
  }
}
