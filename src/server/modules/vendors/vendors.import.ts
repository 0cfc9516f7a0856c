import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/record.ts';
import { parseVendorCsv } from './vendors.csv.ts';
import * as repo from './vendors.repo.ts';
import { toColumns } from './vendors.service.ts';

export interface ImportResult {
  created: number;
  updated: number;
  rejected: [];
}

/**
 * Imports a vendor list: rows match existing vendors by name (case-insensitive) and
 * update only the columns the file has; other rows create vendors. All or nothing: one
 * rejected row and nothing is stored, and the answer lists every rejected row.
 */
export async function importVendors(ctx: Ctx, file: Buffer, opts: { dryRun: boolean }): Promise<ImportResult> {
  const { rows, rejected } = parseVendorCsv(file);
  if (rejected.length > 0) {
    throw new AppError('import_rejected', `${rejected.length} problem(s) found; nothing was imported.`, { rejected });
  }
  if (rows.length === 0) {
    throw new AppError('import_rejected', 'The file has a header but no vendors.', { rejected: [{ line: 2, field: '(file)', reason: 'No data rows' }] });
  }
  const orgId = ctx.actor.orgId;
  return ctx.db.transaction(async (tx) => {
    const existing = await repo.findVendorsByNames(tx, orgId, rows.map((r) => r.input.name.toLowerCase()));
    const byName = new Map(existing.map((v) => [v.name.toLowerCase(), v]));
    let created = 0;
    let updated = 0;
    if (opts.dryRun) {
      for (const r of rows) (byName.has(r.input.name.toLowerCase()) ? updated++ : created++);
      return { created, updated, rejected: [] };
    }
    for (const { input, present } of rows) {
      const before = byName.get(input.name.toLowerCase());
      if (before) {
        const patch = toColumns(Object.fromEntries(present.map((k) => [k, input[k] ?? null])));
        const after = await repo.updateVendor(tx, orgId, before.id, { ...patch, updatedAt: ctx.now });
        await recordAudit(tx, ctx, { action: 'vendor.update', objectType: 'vendor', objectId: before.id, before, after });
        updated++;
      } else {
        const row = await repo.insertVendor(tx, { ...(toColumns(input) as repo.VendorInsert), orgId });
        await recordAudit(tx, ctx, { action: 'vendor.create', objectType: 'vendor', objectId: row.id, after: row });
        created++;
      }
    }
    return { created, updated, rejected: [] };
  });
}
