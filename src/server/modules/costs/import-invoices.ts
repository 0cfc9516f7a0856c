import { CHECK_LABELS, type CheckResult } from '../../../domain/costs/checks.ts';
import { QUANTITY_PATTERN } from '../../../domain/costs/fiscal.ts';
import { MoneyError, parseAmount } from '../../../domain/money.ts';
import { InvoiceInput, RATE_UNITS } from '../../../shared/contracts/costs.ts';
import { Currency } from '../../../shared/contracts/deliverables.ts';
import { INVOICE_IMPORT_FIELDS, type InvoiceImportField, type InvoiceImportResult } from '../../../shared/contracts/invoice-import.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { contractsOfVendor, type ContractSummary } from '../contracts/contracts.public.ts';
import { engagementsOfVendorsByNames } from '../engagements/engagements.public.ts';
import { readSheet } from '../tickets/tickets.public.ts';
import { vendorsByNames } from '../vendors/vendors.public.ts';
import { invoicePolicy } from './costs.policy.ts';
import { mappingNamed } from './invoice-mappings.ts';
import { rejectionsOf, type Rejection } from './import-issues.ts';
import { saveImportedInvoices } from './import-save.ts';

/** Lines one import takes. */
export const MAX_INVOICE_IMPORT_ROWS = 100_000;
const MAX_LISTED = 500;
const LABEL = new Map<string, string>(INVOICE_IMPORT_FIELDS.map((f) => [f.key, f.label]));
const UNIT_WORDS = new Map<string, (typeof RATE_UNITS)[number]>([
  ...RATE_UNITS.map((u) => [u, u] as const),
  ['hours', 'hour'],
  ['h', 'hour'],
  ['hrs', 'hour'],
  ['days', 'day'],
  ['d', 'day'],
  ['months', 'month'],
  ['tickets', 'ticket'],
  ['users', 'user'],
  ['fixed price', 'fixed'],
  ['lump sum', 'fixed'],
  ['', 'fixed'],
]);
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const rejectedError = (rejected: Rejection[], prefix = '') => {
  const rows = new Set(rejected.map((r) => r.line)).size;
  const cut = rejected.length > MAX_LISTED ? ` The first ${MAX_LISTED} of ${rejected.length} are listed.` : '';
  return new AppError('import_rejected', `${prefix}${rejected.length} ${rejected.length === 1 ? 'problem' : 'problems'} in ${rows} ${rows === 1 ? 'row' : 'rows'}; nothing imported.${cut}`, {
    rejected: rejected.slice(0, MAX_LISTED),
    rejectedCount: rejected.length,
  });
};
class DryRun extends Error {}
const invoiceKey = (vendor: string, number: string) => `${norm(vendor)}\u0000${norm(number)}`;
const HEAD_FIELDS = ['invoiceDate', 'currency', 'engagement', 'contract', 'periodFrom', 'periodTo', 'total'] as const;
/** A function's answers kept per argument. */
function memo<T>(f: (raw: string) => T): (raw: string) => T {
  const kept = new Map<string, T>();
  return (raw) => {
    let answer = kept.get(raw);
    if (answer === undefined && !kept.has(raw)) kept.set(raw, (answer = f(raw)));
    return answer as T;
  };
}

interface LineIn {
  line: number;
  description: string;
  quantity: string;
  unit: (typeof RATE_UNITS)[number];
  unitPriceMinor: number;
  amountMinor: number;
  taxMinor: number;
  serviceCreditMonth: string | null;
}
interface Planned {
  line: number;
  key: string;
  number: string;
  vendor: string;
  head: Record<(typeof HEAD_FIELDS)[number], string>;
  lines: LineIn[];
}

/**
 * Imports invoices from an accounting export (CSV or .xlsx; one row per invoice line, the
 * invoice's own columns repeated), read through a mapping saved by name or given whole. All
 * or nothing: any problem is listed by row and column and nothing is stored. Every invoice
 * is checked by the same pure checks as one entered by hand (set-based, `import-save.ts`); a dry
 * run runs them too and stores nothing.
 */
export async function importInvoices(ctx: Ctx, file: Buffer, opts: { mapping: string | Record<string, string | null | undefined>; dryRun: boolean; fileName?: string | null }): Promise<InvoiceImportResult> {
  invoicePolicy.check(ctx.actor, 'create');
  const columns = typeof opts.mapping === 'string' ? await mappingNamed(ctx, opts.mapping) : opts.mapping;
  const sheet = await readSheet(file, opts.fileName ?? null, { maxUnpackedBytes: ctx.config.maxUnpackedBytes, maxRows: MAX_INVOICE_IMPORT_ROWS });

  // The mapping against the file's header: every mapped column must be there.
  const index = new Map<InvoiceImportField, number>();
  const rejected: Rejection[] = [];
  const headers = sheet.header.map(norm);
  for (const f of INVOICE_IMPORT_FIELDS) {
    const h = columns[f.key];
    if (!h) {
      if (f.required) rejected.push({ line: 1, field: f.label, reason: `The mapping does not say which column holds the ${f.label.toLowerCase()}.` });
      continue;
    }
    const i = headers.indexOf(norm(h));
    if (i < 0) rejected.push({ line: 1, field: h, reason: `The mapping reads the ${f.label.toLowerCase()} from column "${h}", which the file does not have (its columns: ${sheet.header.join(', ')}). Is it the right mapping for this file?` });
    else index.set(f.key, i);
  }
  if (rejected.length) throw rejectedError(rejected, 'The mapping does not fit the file: ');
  if (sheet.rows.length === 0) throw new AppError('import_rejected', 'The file has a header but no invoice lines; nothing imported.', { rejected: [{ line: 2, field: '(file)', reason: 'No data rows' }], rejectedCount: 1 });

  // Each mapped cell is read once per row, and what a value means (a currency, a unit) once
  // per distinct value: a file of 100,000 lines repeats a handful of each.
  const mapped = [...index].map(([f, i]) => ({ f, i }));
  const read = (cells: string[]) => {
    const v = {} as Record<InvoiceImportField, string>;
    for (const f of INVOICE_IMPORT_FIELDS) v[f.key] = '';
    for (const { f, i } of mapped) v[f] = (cells[i] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
    return v;
  };
  const currencyOf = memo((raw: string) => Currency.safeParse(raw));
  const unitOf = memo((raw: string) => UNIT_WORDS.get(norm(raw)));
  const colOf = (f: InvoiceImportField) => columns[f] ?? LABEL.get(f)!;
  const required = INVOICE_IMPORT_FIELDS.filter((f) => f.required && f.key !== 'quantity').map((f) => f.key);
  const planned: Planned[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of sheet.rows) {
    const v = read(r.cells);
    const bad = (f: InvoiceImportField, reason: string) => rejected.push({ line: r.line, field: colOf(f), reason, value: v[f].slice(0, 100) });
    for (const f of required) if (!v[f]) bad(f, 'Required: the cell is empty.');
    const currency = currencyOf(v.currency);
    if (v.currency && !currency.success) bad('currency', 'Not a currency code such as EUR, USD or GBP.');
    const cur = currency.success ? currency.data : 'EUR';
    // A service credit line names the SLA month it credits, and deducts: its amounts are negative (or zero).
    const creditMonth = v.serviceCreditMonth;
    if (creditMonth && !/^\d{4}-(0[1-9]|1[0-2])$/.test(creditMonth)) bad('serviceCreditMonth', `"${creditMonth}" is not a month as YYYY-MM (the SLA month the credit is for).`);
    if (creditMonth && !v.engagement) bad('engagement', 'A service credit line needs the engagement: a credit is owed under an engagement’s SLA.');
    const money = (f: InvoiceImportField, optional = false): number | null => {
      const raw = v[f];
      if (!raw) return optional ? 0 : null;
      try {
        const amount = parseAmount(raw, cur);
        if (amount < 0 && !creditMonth && f !== 'total') bad(f, `A negative amount on a line that is not a service credit: name the SLA month it credits in the column mapped as ${LABEL.get('serviceCreditMonth')}.`);
        if (amount > 0 && creditMonth && (f === 'unitPrice' || f === 'amount')) bad(f, 'A service credit line deducts from the invoice: its unit price and amount are negative.');
        return amount;
      } catch (e) {
        if (!(e instanceof MoneyError)) throw e;
        bad(f, /^[-+]?\d+,\d{1,2}$/.test(raw.trim()) || /\d\.\d{3},\d/.test(raw) ? `"${raw}" uses a decimal comma; write amounts with a decimal point (650.00), as the export's other numbers should be.` : e.message);
        return null;
      }
    };
    for (const d of ['invoiceDate', 'periodFrom', 'periodTo'] as const) {
      if (v[d] && !/^\d{4}-\d{2}-\d{2}$/.test(v[d])) bad(d, `"${v[d]}" is not a date as YYYY-MM-DD.`);
    }
    const q = v.quantity || '1';
    if (!QUANTITY_PATTERN.test(q)) bad('quantity', /^\d+,\d{1,3}$/.test(q) ? `"${q}" uses a decimal comma; write ${q.replace(',', '.')}.` : `"${q}" is not a quantity such as 3 or 1.5 (at most three decimals).`);
    const unit = unitOf(v.unit);
    if (!unit) bad('unit', `"${v.unit}" is not a unit; expected ${RATE_UNITS.join(', ')}.`);
    const [unitPriceMinor, amountMinor, taxMinor] = [money('unitPrice'), money('amount'), money('tax', true)];
    money('total', true); // checked here, read per invoice below
    const { number, vendor } = v;
    const last = planned.at(-1);
    // The same vendor and number as the row before, as written or as a person reads them.
    const sameAsLast = !!last && ((last.number === number && last.vendor === vendor) || last.key === invoiceKey(vendor, number));
    if (last && sameAsLast) {
      // Another line of the same invoice: its own columns must say the same.
      for (const k of HEAD_FIELDS) {
        const mine = k === 'currency' ? cur : v[k];
        if (mine !== last.head[k]) bad(k, `Differs from row ${last.line} of the same invoice ${number} ("${last.head[k]}").`);
      }
    } else {
      const key = invoiceKey(vendor, number);
      if (firstRowOf.has(key) && number) {
        bad('number', `Invoice number ${number} of ${vendor} appears again after other invoices (first at row ${firstRowOf.get(key)}): the file has it twice, or its lines are not together.`);
      } else {
        firstRowOf.set(key, r.line);
        const head = { invoiceDate: v.invoiceDate, currency: cur, engagement: v.engagement, contract: v.contract, periodFrom: v.periodFrom, periodTo: v.periodTo, total: v.total };
        planned.push({ line: r.line, key, number, vendor, head, lines: [] });
      }
    }
    planned.at(-1)!.lines.push({ line: r.line, description: v.description, quantity: q, unit: unit ?? 'fixed', unitPriceMinor: unitPriceMinor ?? 0, amountMinor: amountMinor ?? 0, taxMinor: taxMinor ?? 0, serviceCreditMonth: creditMonth || null });
  }
  if (rejected.length) throw rejectedError(rejected);

  // Names → the organisation's vendors, engagements and contracts (through their public surfaces).
  const vendors = new Map((await vendorsByNames(ctx, [...new Set(planned.map((p) => p.vendor))])).map((v) => [norm(v.name), v]));
  const engagements = await engagementsOfVendorsByNames(ctx, [...vendors.values()].map((v) => v.id), planned.map((p) => p.head.engagement).filter(Boolean));
  const engagementByName = new Map(engagements.map((e) => [`${e.vendorId}\u0000${norm(e.name)}`, e]));
  const contractsOf = new Map<string, Map<string, ContractSummary>>();
  const inputs: Array<{ p: Planned; input: ReturnType<typeof InvoiceInput.parse>; contract: ContractSummary | null }> = [];
  for (const p of planned) {
    const v = vendors.get(norm(p.vendor));
    if (!v) {
      rejected.push({ line: p.line, field: colOf('vendor'), reason: `No vendor is called "${p.vendor}".`, value: p.vendor });
      continue;
    }
    let engagementId: string | null = null;
    if (p.head.engagement) {
      const e = engagementByName.get(`${v.id}\u0000${norm(p.head.engagement)}`);
      if (!e) rejected.push({ line: p.line, field: colOf('engagement'), reason: `${v.name} has no engagement called "${p.head.engagement}".`, value: p.head.engagement });
      else engagementId = e.id;
    }
    let contract: ContractSummary | null = null;
    if (p.head.contract) {
      if (!contractsOf.has(v.id)) {
        // By title and by reference, looked up by name rather than searched per invoice (an import has thousands).
        const byName = new Map<string, ContractSummary>();
        for (const c of (await contractsOfVendor(ctx, v.id)).reverse()) for (const k of [c.reference, c.title]) if (k) byName.set(norm(k), c);
        contractsOf.set(v.id, byName);
      }
      const c = contractsOf.get(v.id)!.get(norm(p.head.contract));
      if (!c) rejected.push({ line: p.line, field: colOf('contract'), reason: `${v.name} has no contract titled "${p.head.contract}".`, value: p.head.contract });
      else if (engagementId && c.engagementIds.length > 0 && !c.engagementIds.includes(engagementId)) {
        rejected.push({ line: p.line, field: colOf('contract'), reason: `The contract "${p.head.contract}" does not cover the engagement "${p.head.engagement}".`, value: p.head.contract });
      } else contract = c;
    }
    if (!!p.head.periodFrom !== !!p.head.periodTo) rejected.push({ line: p.line, field: colOf(p.head.periodFrom ? 'periodTo' : 'periodFrom'), reason: 'Give both ends of the period the invoice bills, or neither.' });
    else if (p.head.periodFrom && p.head.periodTo < p.head.periodFrom) rejected.push({ line: p.line, field: colOf('periodTo'), reason: 'The period cannot end before it starts.', value: p.head.periodTo });
    const net = p.lines.reduce((s, l) => s + l.amountMinor, 0);
    const tax = p.lines.reduce((s, l) => s + l.taxMinor, 0);
    // The total as printed, when the export has one: the arithmetic check compares it.
    const total = p.head.total ? parseAmount(p.head.total, p.head.currency) : net + tax;
    const raw = {
      vendorId: v.id,
      engagementId,
      contractId: contract?.id ?? null,
      number: p.number,
      invoiceDate: p.head.invoiceDate,
      periodFrom: p.head.periodFrom || null,
      periodTo: p.head.periodTo || null,
      currency: p.head.currency,
      lines: p.lines.map(({ line: _l, ...l }) => l),
      subtotalMinor: net,
      taxMinor: tax,
      totalMinor: total,
      note: `Imported from ${opts.fileName ?? 'a file'}, row ${p.line}.`,
    };
    const parsed = InvoiceInput.safeParse(raw);
    if (parsed.success) inputs.push({ p, contract, input: parsed.data });
    else rejected.push(...rejectionsOf(parsed.error, p, colOf, raw));
  }
  if (rejected.length) throw rejectedError(rejected);

  // One transaction, set-based: every invoice checked by the same pure checks as by hand; a dry run rolls back.
  const result: InvoiceImportResult = { dryRun: opts.dryRun, created: inputs.length, lines: sheet.rows.length, invoices: [] };
  const firstFailing = (a: CheckResult, b: CheckResult) => (a.linePosition ?? -1) - (b.linePosition ?? -1) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  try {
    await change(ctx, async (tx) => {
      const saved = await saveImportedInvoices(
        tx,
        inputs.map(({ p, input, contract }) => ({ input, vendorName: vendors.get(norm(p.vendor))!.name, contract })),
      );
      for (const [i, { p, input }] of inputs.entries()) {
        const { id, checks } = saved[i];
        const failingChecks = [...checks].sort(firstFailing).map((c) => `${CHECK_LABELS[c.code]}: ${c.words}`);
        result.invoices.push({ line: p.line, number: input.number, vendor: vendors.get(norm(p.vendor))!.name, totalMinor: input.totalMinor, currency: input.currency, id: opts.dryRun ? null : id, failingChecks });
      }
      if (opts.dryRun) throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return result;
}
