import { Readable } from 'node:stream';
import type { Ctx } from '../context.ts';
import { importTickets } from '../modules/tickets/tickets.public.ts';

const H = 3_600_000;
const D = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A weekly top-up export of the service desk, as a spreadsheet saved to CSV would be: the
 * dates are Excel serial numbers (read in the export's time zone) and the upload stopped
 * inside its last row. The import keeps the complete rows, rejects the cut one, and
 * "Recent imports" marks it as cut off — what a careful user needs to see once.
 */
export async function seedDemoImports(ctx: Ctx, engagementId: string) {
  const today = Math.floor(ctx.now.getTime() / D) * D;
  // Wall-clock times in Dublin, written as Excel serials (days since 1899-12-30, 4 decimals).
  const serial = (ms: number) => ((ms - EXCEL_EPOCH) / D).toFixed(4);
  const rows = Array.from({ length: 6 }, (_, i) => {
    const opened = today - (i + 2) * D + 9 * H + i * 17 * 60_000;
    return `INC0099${String(i + 1).padStart(3, '0')},4 - Low,Resolved,${serial(opened)},${serial(opened + 3 * H)},Access request ${i + 1}`;
  });
  const cut = `INC0099007,4 - Low,Resolved,${serial(today - D + 10 * H).slice(0, 7)}`;
  const csv = ['number,priority,state,opened_at,resolved_at,short_description', ...rows, cut].join('\n');
  await importTickets(ctx, Readable.from([Buffer.from(csv)]), { engagementId, format: 'servicenow', timeZone: 'Europe/Dublin', fileName: 'helppoint-weekly-excel.csv' });
}
