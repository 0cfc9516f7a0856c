import { safeCell } from '../../../shared/csv-cell.ts';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { requiredText } from '../../../shared/contracts/common.ts';
import { VendorInput, VendorUpdate, type Vendor } from '../../../shared/contracts/vendors.ts';
import { AppError } from '../../http/app-error.ts';
import { decodeText, requireNonEmpty, sniffDelimiter } from '../../http/text-decode.ts';

/** CSV column ↔ API field. Export writes exactly these, so an export imports back unchanged. */
export const VENDOR_CSV_COLUMNS = {
  name: 'name',
  legal_name: 'legalName',
  website: 'website',
  country: 'country',
  kind: 'kind',
  status: 'status',
  tier: 'tier',
  tier_reason: 'tierReason',
  data_access: 'dataAccess',
  contact_name: 'contactName',
  contact_email: 'contactEmail',
  contact_phone: 'contactPhone',
  contact_time_zone: 'contactTimeZone',
  tags: 'tags',
  notes: 'notes',
} as const satisfies Record<string, keyof z.input<typeof VendorInput>>;
type Column = keyof typeof VENDOR_CSV_COLUMNS;

export const MAX_IMPORT_ROWS = 5_000;
/** A vendor list has 15 columns; a row of more is not one, and is refused as it is read. */
export const MAX_IMPORT_COLUMNS = 100;
/** Characters of one row (its fields together): a vendor row is a few hundred. */
export const MAX_ROW_CHARS = 100_000;
/** Unknown columns named one by one in a refusal; the rest are counted. */
const UNKNOWN_COLUMNS_LISTED = 20;

export interface Rejection {
  line: number;
  field: string;
  reason: string;
  value?: string;
}

// Rows are checked field by field here; whether `kind` is needed depends on whether the
// row creates a vendor, which only the import (with the database at hand) knows.
const CsvRow = VendorUpdate.safeExtend({ name: requiredText(200) });

export interface ParsedVendorRow {
  line: number;
  input: z.output<typeof CsvRow>;
  /** The columns present in the file: only these change an existing vendor. */
  present: Array<keyof z.output<typeof VendorInput>>;
}

export function vendorsToCsv(vendors: Vendor[]): string {
  const cols = Object.keys(VENDOR_CSV_COLUMNS) as Column[];
  const rows = vendors.map((v) =>
    cols.map((c) => {
      const value = v[VENDOR_CSV_COLUMNS[c]];
      const s = Array.isArray(value) ? value.join(';') : value === null || value === undefined ? '' : String(value);
      return safeCell(s);
    }),
  );
  // A BOM makes Excel read the file as UTF-8.
  return '\ufeff' + stringify([cols, ...rows]);
}

function cellToField(col: Column, raw: string): unknown {
  const v = raw.trim().replace(/^'(?=[=+\-@])/, ''); // undo our own formula guard on re-import
  if (col === 'tags') return v ? v.split(';').map((t) => t.trim()).filter(Boolean) : [];
  if (v === '') return col === 'name' ? '' : null;
  if (col === 'tier') return /^\d+$/.test(v) ? Number(v) : v;
  return v;
}

/** zod issues of one row → rejections named by CSV column. */
export function toRejections(line: number, issues: z.core.$ZodIssue[], obj: Record<string, unknown>): Rejection[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? '(row)');
    const col = (Object.keys(VENDOR_CSV_COLUMNS) as Column[]).find((c) => VENDOR_CSV_COLUMNS[c] === field) ?? field;
    return { line, field: col, reason: issue.message, value: obj[field] == null ? undefined : String(obj[field]).slice(0, 200) };
  });
}

/**
 * Parses and validates a whole vendor CSV. Every problem is collected with its line,
 * field and reason; the caller stores nothing unless the list is empty.
 */
export function parseVendorCsv(buf: Buffer): { rows: ParsedVendorRow[]; rejected: Rejection[] } {
  const text = decodeText(buf);
  requireNonEmpty(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      max_record_size: MAX_ROW_CHARS,
      // Refused the moment a row is read, before the next one is: a header of a million
      // columns never becomes a million rejections.
      // With `info`, csv-parse hands each record over with its info (its types say otherwise).
      on_record: (raw: unknown) => {
        const r = raw as { record: string[]; info: { lines: number } };
        if (r.record.length > MAX_IMPORT_COLUMNS) {
          const line = r.info.lines - (r.record.join('').split('\n').length - 1);
          throw new AppError('import_rejected', `Line ${line} has ${r.record.length.toLocaleString('en')} columns; a vendor list has at most ${MAX_IMPORT_COLUMNS} (${Object.keys(VENDOR_CSV_COLUMNS).length} are known). Nothing was imported.`, {
            rejected: [{ line, field: '(row)', reason: `More than ${MAX_IMPORT_COLUMNS} columns` }],
          });
        }
        return raw as string[];
      },
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const line = (err as { lines?: number }).lines ?? 1;
    if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
      throw new AppError('import_rejected', `Line ${line}: the row is longer than ${MAX_ROW_CHARS.toLocaleString('en')} characters (a missing line break or an unclosed quote?). Nothing was imported.`, {
        rejected: [{ line, field: '(row)', reason: `Row longer than ${MAX_ROW_CHARS.toLocaleString('en')} characters` }],
      });
    }
    throw new AppError('import_rejected', `The file is not valid CSV near line ${line}.`, {
      rejected: [{ line, field: '(file)', reason: (err as Error).message }],
    });
  }
  const [header, ...body] = records;
  const names = header.record.map((h) => h.trim().toLowerCase());
  const rejected: Rejection[] = [];
  const unknown = names.filter((n) => !(n in VENDOR_CSV_COLUMNS));
  const expected = `Unknown column; expected ${Object.keys(VENDOR_CSV_COLUMNS).join(', ')}`;
  for (const n of unknown.slice(0, UNKNOWN_COLUMNS_LISTED)) rejected.push({ line: 1, field: (n || '(empty)').slice(0, 100), reason: expected });
  if (unknown.length > UNKNOWN_COLUMNS_LISTED) {
    const more = unknown.length - UNKNOWN_COLUMNS_LISTED;
    rejected.push({ line: 1, field: '(header)', reason: `${more} more unknown ${more === 1 ? 'column' : 'columns'}` });
  }
  if (!names.includes('name')) rejected.push({ line: 1, field: 'name', reason: 'Required column is missing' });
  if (body.length > MAX_IMPORT_ROWS) rejected.push({ line: 1, field: '(file)', reason: `At most ${MAX_IMPORT_ROWS} rows per import` });
  if (rejected.length) return { rows: [], rejected };

  const rows: ParsedVendorRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines - (record.join('').split('\n').length - 1); // first line of the record
    if (record.length !== names.length) {
      rejected.push({ line, field: '(row)', reason: `Expected ${names.length} columns, found ${record.length}` });
      continue;
    }
    const obj: Record<string, unknown> = {};
    names.forEach((n, i) => {
      const value = cellToField(n as Column, record[i]);
      if (value !== undefined) obj[VENDOR_CSV_COLUMNS[n as Column]] = value;
    });
    const parsed = CsvRow.safeParse(obj);
    if (!parsed.success) {
      rejected.push(...toRejections(line, parsed.error.issues, obj));
      continue;
    }
    const key = parsed.data.name.toLowerCase();
    if (seen.has(key)) {
      rejected.push({ line, field: 'name', reason: `Same vendor as line ${seen.get(key)}`, value: parsed.data.name });
      continue;
    }
    seen.set(key, line);
    const present = names.map((n) => VENDOR_CSV_COLUMNS[n as Column]) as ParsedVendorRow['present'];
    rows.push({ line, input: parsed.data, present });
  }
  return { rows, rejected };
}
