import { z } from 'zod';
import { requiredText } from './common.ts';

/** The fields an accounting export is read into; each mapped to the file's column header. */
export const INVOICE_IMPORT_FIELDS = [
  { key: 'number', label: 'Invoice number', required: true },
  { key: 'invoiceDate', label: 'Invoice date', required: true },
  { key: 'vendor', label: 'Vendor', required: true },
  { key: 'engagement', label: 'Engagement', required: false },
  { key: 'contract', label: 'Contract', required: false },
  { key: 'currency', label: 'Currency', required: true },
  { key: 'periodFrom', label: 'Period from', required: false },
  { key: 'periodTo', label: 'Period to', required: false },
  { key: 'description', label: 'Line description', required: true },
  { key: 'quantity', label: 'Quantity', required: true },
  { key: 'unit', label: 'Unit', required: false },
  { key: 'unitPrice', label: 'Unit price', required: true },
  { key: 'amount', label: 'Line amount', required: true },
  { key: 'tax', label: 'Line tax', required: false },
  { key: 'total', label: 'Invoice total', required: false },
  /** The SLA month (YYYY-MM) a service credit line credits; empty on an ordinary line. Such a line's amounts are negative. */
  { key: 'serviceCreditMonth', label: 'Service credit month', required: false },
] as const;
export type InvoiceImportField = (typeof INVOICE_IMPORT_FIELDS)[number]['key'];
const header = z.string().trim().min(1, 'Name the column').max(200);
const opt = header.nullable().optional();
const columnsShape = {
  number: header,
  invoiceDate: header,
  vendor: header,
  engagement: opt,
  contract: opt,
  currency: header,
  periodFrom: opt,
  periodTo: opt,
  description: header,
  quantity: header,
  unit: opt,
  unitPrice: header,
  amount: header,
  tax: opt,
  total: opt,
  serviceCreditMonth: opt,
} satisfies Record<InvoiceImportField, z.ZodType>;

/** A mapping saved by name: for each field, the header of the column it is read from. */
export const InvoiceMappingInput = z.object({ name: requiredText(100), columns: z.object(columnsShape).strict() }).strict();
export type InvoiceMappingInput = z.infer<typeof InvoiceMappingInput>;
export const InvoiceMapping = z.object({ id: z.string(), name: z.string(), columns: z.record(z.string(), z.string().nullable()), updatedAt: z.string() });
export type InvoiceMapping = z.infer<typeof InvoiceMapping>;

export const InvoiceImportQuery = z.object({ mapping: requiredText(100), dryRun: z.enum(['true', 'false']).default('false'), fileName: z.string().max(300).optional() });
export const InvoiceImportRejection = z.object({ line: z.number(), field: z.string(), reason: z.string(), value: z.string().optional() });
export const InvoiceImportResult = z.object({
  dryRun: z.boolean(),
  /** How many invoices were stored (or, on a dry run, would be). */
  created: z.number().int(),
  lines: z.number().int(),
  /** Each invoice with the checks that failed on it (a dry run runs them too, then stores nothing). */
  invoices: z.array(z.object({ line: z.number().int(), number: z.string(), vendor: z.string(), totalMinor: z.number().int(), currency: z.string(), id: z.string().nullable(), failingChecks: z.array(z.string()) })),
});
export type InvoiceImportResult = z.infer<typeof InvoiceImportResult>;
