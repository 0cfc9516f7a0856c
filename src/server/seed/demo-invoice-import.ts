import type { Ctx } from '../context.ts';
import { importInvoices, saveInvoiceMapping } from '../modules/costs/costs.public.ts';

/** The finance team's export mapping, saved by name, as the demo and its README use it. */
export const DEMO_MAPPING = {
  name: 'Finance export (SAP)',
  columns: {
    number: 'Document',
    invoiceDate: 'Posting date',
    vendor: 'Vendor name',
    engagement: 'Cost object',
    contract: 'Agreement',
    currency: 'Currency',
    periodFrom: 'Service from',
    periodTo: 'Service to',
    description: 'Item text',
    quantity: 'Quantity',
    unit: 'Unit',
    unitPrice: 'Unit price',
    amount: 'Net amount',
    tax: 'Tax amount',
  },
};

/**
 * One of Kestrel's invoices imported from the finance export through the saved mapping,
 * exactly as `outsight invoices import` does: its architect days are billed at €900.00
 * where the rate card allows €850.00, so it waits for review with that check failing.
 */
export async function seedDemoInvoiceImport(ctx: Ctx, o: { vendorName: string; number: string; date: string; from: string; to: string }): Promise<void> {
  await saveInvoiceMapping(ctx, DEMO_MAPPING);
  const head = `${o.number};${o.date};${o.vendorName};Order portal development;Kestrel order portal statement of work;EUR;${o.from};${o.to}`;
  const csv = [
    'Document;Posting date;Vendor name;Cost object;Agreement;Currency;Service from;Service to;Item text;Quantity;Unit;Unit price;Net amount;Tax amount',
    `${head};Solution architect;2;day;900.00;1800.00;0.00`,
    `${head};QA engineer;3;day;480.00;1440.00;0.00`,
  ].join('\n');
  await importInvoices(ctx, Buffer.from(csv), { mapping: DEMO_MAPPING.name, dryRun: false, fileName: 'sap-invoices-export.csv' });
}
