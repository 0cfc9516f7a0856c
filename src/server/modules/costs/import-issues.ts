import type { z } from 'zod';
import type { InvoiceImportField } from '../../../shared/contracts/invoice-import.ts';

/** A problem in an imported file, by row and column, as the import lists them. */
export interface Rejection {
  line: number;
  field: string;
  reason: string;
  value?: string;
}

// The invoice's fields (and its lines') as the import's columns.
const HEAD: Partial<Record<string, InvoiceImportField>> = { number: 'number', invoiceDate: 'invoiceDate', periodFrom: 'periodFrom', periodTo: 'periodTo', currency: 'currency', subtotalMinor: 'amount', taxMinor: 'tax', totalMinor: 'total', lines: 'number' };
const LINE: Partial<Record<string, InvoiceImportField>> = { description: 'description', quantity: 'quantity', unit: 'unit', unitPriceMinor: 'unitPrice', amountMinor: 'amount', taxMinor: 'tax', serviceCreditMonth: 'serviceCreditMonth' };

/**
 * What the invoice's own validation (the same as for one entered by hand) refuses in an
 * imported invoice, as rows and columns of the file: the row checks read each cell's form,
 * this catches the rest (a 30 February, a description longer than a line holds, more
 * lines than an invoice has). Without it a valid-looking file ended in a server error.
 */
export function rejectionsOf(error: z.ZodError, invoice: { line: number; lines: ReadonlyArray<{ line: number }> }, colOf: (f: InvoiceImportField) => string, input: Record<string, unknown>): Rejection[] {
  const paths = new Set(error.issues.map((i) => String(i.path[0])));
  // The total is the net and tax added up when the file has no total column: its problem is theirs.
  const issues = error.issues.filter((i) => !(i.path[0] === 'totalMinor' && (paths.has('subtotalMinor') || paths.has('taxMinor'))));
  const out = issues.map((issue) => {
    const [top, index, key] = issue.path as Array<string | number>;
    const isLine = top === 'lines' && typeof index === 'number';
    const field = (isLine ? LINE[String(key)] : HEAD[String(top)]) ?? 'number';
    const line = isLine ? (invoice.lines[index]?.line ?? invoice.line) : invoice.line;
    const raw = isLine ? (input.lines as Array<Record<string, unknown>>)[index]?.[String(key)] : input[String(top)];
    // A sum the import made (net, tax, total in minor units) is no cell of the file: not shown as one.
    const value = typeof raw === 'string' ? raw : typeof raw === 'number' && isLine ? String(raw) : undefined;
    // Lines each within bounds can add up past the largest exact amount (zod calls that "not whole").
    const tooBig = typeof raw === 'number' && Math.abs(raw) > Number.MAX_SAFE_INTEGER;
    const reason = tooBig ? `The invoice's ${moneyWord(field)} adds up to more than an amount can hold; split the invoice.` : reasonOf(issue, field, value);
    return { line, field: colOf(field), reason, ...(value !== undefined ? { value: value.slice(0, 100) } : {}) };
  });
  // One problem per cell: a value may break two rules (too large and not a whole number).
  const cells = new Map<string, Rejection>();
  for (const r of out) if (!cells.has(`${r.line}\u0000${r.field}`)) cells.set(`${r.line}\u0000${r.field}`, r);
  return [...cells.values()];
}

const moneyWord = (field: InvoiceImportField) => (field === 'tax' ? 'tax' : field === 'total' ? 'total' : 'net amount');

function reasonOf(issue: z.core.$ZodIssue, field: InvoiceImportField, value: string | undefined): string {
  if (issue.code === 'too_big' && issue.origin === 'string') return `${value?.length ?? 'Too many'} characters; this column holds at most ${issue.maximum} characters.`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `The invoice has more than ${issue.maximum} lines, the most an invoice takes.`;
  if (issue.code === 'invalid_format' && value !== undefined) return `"${value}" is not a date that exists (YYYY-MM-DD).`;
  if (issue.code === 'too_small' && issue.origin === 'number' && field !== 'unitPrice') return `The invoice's ${moneyWord(field)} adds up to less than zero; an invoice that only deducts is not imported.`;
  return value !== undefined ? `"${value}": ${issue.message}` : issue.message;
}
