import { MoneyError, parseAmount } from '../../../domain/money.ts';
import {
  CONTRACT_IMPORT_COLUMNS,
  CONTRACT_STATUS_LABELS,
  CONTRACT_STATUSES,
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES,
  ContractInput,
  type ContractImportResult,
} from '../../../shared/contracts/contracts.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { engagementsOfVendorsByNames } from '../engagements/engagements.public.ts';
import { readSheet } from '../tickets/tickets.public.ts';
import { internalUsersByNames } from '../users/users.public.ts';
import { vendorsByNames } from '../vendors/vendors.public.ts';
import { contractPolicy } from './contracts.policy.ts';
import * as repo from './contracts.repo.ts';
import { STATUS_BY_WORDS, TYPE_BY_WORDS, isoDate, period, words } from './import-values.ts';

/** Rows one import takes: a company's whole contract register fits many times over. */
export const MAX_CONTRACT_IMPORT_ROWS = 5_000;
/** Rejections listed in one answer; the count says how many there were in all. */
export const MAX_LISTED_REJECTIONS = 500;

export interface ContractRejection {
  line: number;
  field: string;
  reason: string;
  value?: string;
}

type ColumnName = (typeof CONTRACT_IMPORT_COLUMNS)[number]['name'];
const COLUMN_BY_HEADER = new Map<string, ColumnName>(CONTRACT_IMPORT_COLUMNS.map((c) => [words(c.name), c.name]));
// A few spellings people use for the same columns.
for (const [alias, name] of [
  ['signed', 'Signed date'],
  ['signed on', 'Signed date'],
  ['effective', 'Effective date'],
  ['effective on', 'Effective date'],
  ['term end', 'Initial term end'],
  ['notice', 'Notice period'],
  ['convenience notice', 'Termination for convenience notice'],
  ['owner', 'Internal owner'],
  ['engagement', 'Engagements'],
] as const) {
  COLUMN_BY_HEADER.set(alias, name);
}

/** Contract fields → the column a person fixes. */
const COLUMN_OF_FIELD: Record<string, ColumnName> = {
  vendorId: 'Vendor',
  title: 'Title',
  type: 'Type',
  status: 'Status',
  parentId: 'Parent',
  reference: 'Reference',
  signedOn: 'Signed date',
  effectiveOn: 'Effective date',
  initialTermEnd: 'Initial term end',
  renewalKind: 'Renewal',
  renewalMonths: 'Renewal',
  noticeUnit: 'Notice period',
  noticeCount: 'Notice period',
  convenienceTermination: 'Termination for convenience notice',
  convenienceNoticeUnit: 'Termination for convenience notice',
  convenienceNoticeCount: 'Termination for convenience notice',
  currency: 'Currency',
  totalValueMinor: 'Total value',
  annualValueMinor: 'Annual value',
  internalOwnerId: 'Internal owner',
  notes: 'Notes',
  engagementIds: 'Engagements',
};

interface PlannedRow {
  line: number;
  vendorName: string;
  title: string;
  parentTitle: string | null;
  input: ReturnType<typeof ContractInput.parse>;
}

function tooMany(rejected: ContractRejection[]): AppError {
  const total = rejected.length;
  const listed = rejected.slice(0, MAX_LISTED_REJECTIONS);
  const cut = total > listed.length ? ` The first ${listed.length} of ${total} are listed.` : '';
  const rows = new Set(rejected.map((r) => r.line)).size;
  return new AppError('import_rejected', `${total} ${total === 1 ? 'problem' : 'problems'} in ${rows} ${rows === 1 ? 'row' : 'rows'}; nothing was imported.${cut}`, {
    rejected: listed,
    rejectedCount: total,
  });
}

/**
 * Imports contracts from a spreadsheet (CSV or .xlsx): each row names its vendor, parent,
 * owner and engagements by name. All or nothing: one rejected row and nothing is stored,
 * and the answer lists every problem by row and column. A dry run checks everything and
 * says what would be created.
 */
export async function importContracts(ctx: Ctx, file: Buffer, opts: { dryRun: boolean; fileName?: string | null }): Promise<ContractImportResult> {
  contractPolicy.check(ctx.actor, 'create');
  const sheet = await readSheet(file, opts.fileName ?? null, { maxUnpackedBytes: ctx.config.maxUnpackedBytes, maxRows: MAX_CONTRACT_IMPORT_ROWS });

  // The header: every column known, the required ones present.
  const rejected: ContractRejection[] = [];
  const columns = sheet.header.map((h) => COLUMN_BY_HEADER.get(words(h)) ?? null);
  const expected = `Unknown column; expected ${CONTRACT_IMPORT_COLUMNS.map((c) => c.name).join(', ')}`;
  sheet.header.forEach((h, i) => {
    if (!columns[i] && h.trim() !== '') rejected.push({ line: 1, field: h.slice(0, 100), reason: expected });
  });
  const seenColumns = new Set<ColumnName>();
  columns.forEach((c) => {
    if (!c) return;
    if (seenColumns.has(c)) rejected.push({ line: 1, field: c, reason: 'The column appears twice' });
    seenColumns.add(c);
  });
  for (const c of CONTRACT_IMPORT_COLUMNS) if (c.required && !seenColumns.has(c.name)) rejected.push({ line: 1, field: c.name, reason: 'Required column is missing' });
  if (rejected.length) throw tooMany(rejected);
  if (sheet.rows.length === 0) throw new AppError('import_rejected', 'The file has a header but no contracts; nothing was imported.', { rejected: [{ line: 2, field: '(file)', reason: 'No data rows' }], rejectedCount: 1 });

  const cellsOf = (cells: string[]) => {
    const out = new Map<ColumnName, string>();
    columns.forEach((c, i) => {
      // A formula guard ('=...) written by an export is undone; the text is stored as text.
      if (c) out.set(c, (cells[i] ?? '').trim().replace(/^'(?=[=+\-@])/, ''));
    });
    return out;
  };
  const rows = sheet.rows.map((r) => ({ line: r.line, cells: cellsOf(r.cells) }));
  const get = (row: (typeof rows)[number], c: ColumnName) => row.cells.get(c) ?? '';
  const list = (s: string) =>
    s
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean);

  // Everything the rows name, looked up once through the other modules' public surfaces.
  const vendors = await vendorsByNames(ctx, [...new Set(rows.map((r) => get(r, 'Vendor')).filter(Boolean))]);
  const vendorByName = new Map(vendors.map((v) => [v.name.toLowerCase(), v]));
  const owners = await internalUsersByNames(ctx, [...new Set(rows.map((r) => get(r, 'Internal owner')).filter(Boolean))]);
  const engagementNames = [...new Set(rows.flatMap((r) => list(get(r, 'Engagements'))))];
  const engagements = engagementNames.length ? await engagementsOfVendorsByNames(ctx, vendors.map((v) => v.id), engagementNames) : [];
  const stored = await repo.contractsOfVendors(
    ctx.db,
    ctx.actor.orgId,
    vendors.map((v) => v.id),
  );
  const storedByKey = new Map(stored.map((c) => [`${c.vendorId}\u0000${c.title.toLowerCase()}`, c]));

  const planned: PlannedRow[] = [];
  const fileKeys = new Map<string, number>();
  for (const row of rows) {
    const problems: ContractRejection[] = [];
    const reject = (field: ColumnName | '(row)', reason: string, value?: string) => problems.push({ line: row.line, field, reason, value: value ? value.slice(0, 200) : undefined });
    const vendorName = get(row, 'Vendor');
    const title = get(row, 'Title');
    const vendor = vendorName ? vendorByName.get(vendorName.toLowerCase()) : undefined;
    if (!vendorName) reject('Vendor', 'The vendor is missing');
    else if (!vendor) reject('Vendor', `No vendor named "${vendorName}" in your organisation`, vendorName);
    else if (vendor.archivedAt) reject('Vendor', `"${vendor.name}" is archived; restore the vendor first`, vendorName);
    if (!title) reject('Title', 'The title is missing');

    const typeRaw = get(row, 'Type');
    const type = TYPE_BY_WORDS.get(words(typeRaw));
    if (!typeRaw) reject('Type', 'The type is missing');
    else if (!type) reject('Type', `"${typeRaw}" is not a contract type; use one of: ${CONTRACT_TYPES.map((t) => CONTRACT_TYPE_LABELS[t].toLowerCase()).join(', ')}`, typeRaw);
    const statusRaw = get(row, 'Status');
    const status = statusRaw ? STATUS_BY_WORDS.get(words(statusRaw)) : 'draft';
    if (!status) reject('Status', `"${statusRaw}" is not a status; use one of: ${CONTRACT_STATUSES.map((s) => CONTRACT_STATUS_LABELS[s].toLowerCase()).join(', ')}`, statusRaw);

    const dates: Record<string, string | null> = {};
    for (const [col, field] of [
      ['Signed date', 'signedOn'],
      ['Effective date', 'effectiveOn'],
      ['Initial term end', 'initialTermEnd'],
    ] as const) {
      const raw = get(row, col);
      if (!raw) {
        dates[field] = null;
        continue;
      }
      const d = isoDate(raw);
      if (typeof d === 'string') dates[field] = d;
      else reject(col, d.error, raw);
    }

    let renewalKind: 'none' | 'automatic' | 'option' = 'none';
    let renewalMonths: number | null = null;
    const renewalRaw = get(row, 'Renewal');
    if (renewalRaw) {
      const m = /^(none|no|automatic|auto|option)(?:\s+(?:for\s+)?(\d{1,3})\s*(?:months?|m))?$/i.exec(renewalRaw.trim());
      if (!m) reject('Renewal', `"${renewalRaw}" is not a renewal; write "none", "automatic 12 months" or "option 12 months"`, renewalRaw);
      else {
        const kind = m[1].toLowerCase();
        renewalKind = kind === 'none' || kind === 'no' ? 'none' : kind === 'option' ? 'option' : 'automatic';
        renewalMonths = m[2] ? Number(m[2]) : null;
        if (renewalKind === 'none' && renewalMonths) reject('Renewal', 'A contract that does not renew has no renewal months', renewalRaw);
      }
    }

    let notice: { unit: 'days' | 'months'; count: number } | null = null;
    const noticeRaw = get(row, 'Notice period');
    if (noticeRaw) {
      const p = period(noticeRaw);
      if (typeof p === 'string') reject('Notice period', p, noticeRaw);
      else notice = p;
    }
    let convenience: { unit: 'days' | 'months'; count: number } | null = null;
    const convenienceRaw = get(row, 'Termination for convenience notice');
    if (convenienceRaw && !/^(none|no|-)$/i.test(convenienceRaw)) {
      const p = period(convenienceRaw);
      if (typeof p === 'string') reject('Termination for convenience notice', p, convenienceRaw);
      else convenience = p;
    }

    const currencyRaw = get(row, 'Currency').toUpperCase();
    const money: Record<'totalValueMinor' | 'annualValueMinor', number | null> = { totalValueMinor: null, annualValueMinor: null };
    for (const [col, field] of [
      ['Total value', 'totalValueMinor'],
      ['Annual value', 'annualValueMinor'],
    ] as const) {
      const raw = get(row, col);
      if (!raw) continue;
      if (!currencyRaw) continue; // reported once below, on the currency
      try {
        const minor = parseAmount(raw, currencyRaw);
        if (minor < 0) reject(col, 'A value cannot be negative', raw);
        else money[field] = minor;
      } catch (err) {
        if (!(err instanceof MoneyError) && !(err instanceof RangeError)) throw err;
        // An unknown currency is reported on the currency column by the checks below.
        if (err instanceof MoneyError) reject(col, err.message, raw);
      }
    }

    const ownerRaw = get(row, 'Internal owner');
    let internalOwnerId: string | null = null;
    if (ownerRaw) {
      const key = ownerRaw.toLowerCase();
      const byEmail = owners.filter((u) => u.email.toLowerCase() === key);
      const byName = owners.filter((u) => u.name.toLowerCase() === key);
      const found = byEmail.length ? byEmail : byName;
      if (found.length === 0) reject('Internal owner', `No active user of your organisation is named or has the e-mail "${ownerRaw}"`, ownerRaw);
      else if (found.length > 1) reject('Internal owner', `${found.length} users are named "${ownerRaw}"; give the e-mail instead`, ownerRaw);
      else internalOwnerId = found[0].id;
    }

    const engagementIds: string[] = [];
    if (vendor) {
      for (const name of list(get(row, 'Engagements'))) {
        const e = engagements.find((x) => x.vendorId === vendor.id && x.name.toLowerCase() === name.toLowerCase());
        if (!e) reject('Engagements', `"${vendor.name}" has no engagement named "${name}"`, name);
        else if (!engagementIds.includes(e.id)) engagementIds.push(e.id);
      }
    }

    if (vendor && title) {
      const key = `${vendor.id}\u0000${title.toLowerCase()}`;
      if (storedByKey.has(key)) reject('Title', `"${vendor.name}" already has a contract titled "${storedByKey.get(key)!.title}"${storedByKey.get(key)!.archivedAt ? ' (archived)' : ''}`, title);
      else if (fileKeys.has(key)) reject('Title', `Same vendor and title as row ${fileKeys.get(key)}`, title);
      else fileKeys.set(key, row.line);
    }

    if (!currencyRaw && (get(row, 'Total value') || get(row, 'Annual value'))) reject('Currency', 'A value needs its currency');
    if (problems.length === 0 && vendor && type && status) {
      const parsed = ContractInput.safeParse({
        vendorId: vendor.id,
        type,
        parentId: null,
        title,
        reference: get(row, 'Reference') || null,
        status,
        ...dates,
        renewalKind,
        renewalMonths,
        noticeUnit: notice?.unit ?? null,
        noticeCount: notice?.count ?? null,
        convenienceTermination: convenience !== null,
        convenienceNoticeUnit: convenience?.unit ?? null,
        convenienceNoticeCount: convenience?.count ?? null,
        currency: currencyRaw || null,
        ...money,
        internalOwnerId,
        notes: get(row, 'Notes') || null,
        engagementIds,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          reject(COLUMN_OF_FIELD[field] ?? '(row)', issue.message);
        }
      } else planned.push({ line: row.line, vendorName: vendor.name, title, parentTitle: get(row, 'Parent') || null, input: parsed.data });
    }
    rejected.push(...problems);
  }

  // Parents: a contract of the same vendor, stored or earlier/later in the file.
  const plannedByKey = new Map(planned.map((p) => [`${p.input.vendorId}\u0000${p.title.toLowerCase()}`, p]));
  const parentOf = new Map<PlannedRow, PlannedRow>();
  for (const p of planned) {
    const problem = (reason: string) => rejected.push({ line: p.line, field: 'Parent', reason, value: p.parentTitle?.slice(0, 200) });
    if (p.input.type === 'amendment' && !p.parentTitle) {
      problem('Name the contract this amendment amends');
      continue;
    }
    if (!p.parentTitle) continue;
    if (p.input.type === 'master_agreement') {
      problem('A master agreement sits under no other contract');
      continue;
    }
    const key = `${p.input.vendorId}\u0000${p.parentTitle.toLowerCase()}`;
    const inFile = plannedByKey.get(key);
    const inDb = storedByKey.get(key);
    const parentType = inFile?.input.type ?? inDb?.type;
    if (!inFile && !inDb) problem(`"${p.vendorName}" has no contract titled "${p.parentTitle}", stored or in this file`);
    else if (inFile === p) problem('A contract cannot sit under itself');
    else if (p.input.type !== 'amendment' && parentType !== 'master_agreement') problem(`"${p.parentTitle}" is not a master agreement; only amendments sit under other contracts`);
    else if (inFile) parentOf.set(p, inFile);
    else p.input.parentId = inDb!.id;
  }
  // A cycle of amendments within the file (each amending the next) has no first contract.
  for (const p of planned) {
    const seen = new Set<PlannedRow>([p]);
    for (let q = parentOf.get(p); q; q = parentOf.get(q)) {
      if (seen.has(q)) {
        rejected.push({ line: p.line, field: 'Parent', reason: 'The contracts in this file amend each other in a circle', value: p.parentTitle ?? undefined });
        break;
      }
      seen.add(q);
    }
  }

  if (rejected.length) throw tooMany(rejected.sort((a, b) => a.line - b.line));
  const summary = (p: PlannedRow, id: string | null) => ({ line: p.line, vendor: p.vendorName, title: p.title, type: p.input.type, id });
  if (opts.dryRun) return { created: planned.length, dryRun: true, contracts: planned.map((p) => summary(p, null)), rejected: [] };

  // Parents before their children; one transaction, so a failure stores nothing.
  const ordered: PlannedRow[] = [];
  const placed = new Set<PlannedRow>();
  const place = (p: PlannedRow) => {
    if (placed.has(p)) return;
    placed.add(p);
    const parent = parentOf.get(p);
    if (parent) place(parent);
    ordered.push(p);
  };
  planned.forEach(place);
  const ids = await change(ctx, async (tx) => {
    const idOf = new Map<PlannedRow, string>();
    for (const [i, p] of ordered.entries()) {
      // The embedded database answers without reaching the event loop: let other requests in now and then.
      if (i % 25 === 24) await new Promise<void>((resolve) => setImmediate(resolve));
      const parent = parentOf.get(p);
      const { engagementIds, ...fields } = p.input;
      const row = await repo.insertContract(tx.db, {
        ...(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as unknown as repo.ContractInsert),
        parentId: parent ? idOf.get(parent)! : (fields.parentId ?? null),
        orgId: ctx.actor.orgId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await repo.setEngagements(tx.db, ctx.actor.orgId, row.id, engagementIds);
      await tx.audit({ action: 'contract.create', objectType: 'contract', objectId: row.id, after: { ...row, engagementIds } });
      idOf.set(p, row.id);
    }
    return idOf;
  });
  return { created: planned.length, dryRun: false, contracts: planned.map((p) => summary(p, ids.get(p) ?? null)), rejected: [] };
}
