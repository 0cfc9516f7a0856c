import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { VendorInput } from '../../../shared/contracts/vendors.ts';
import { change } from '../audit/audit.public.ts';
import { parseVendorCsv, toRejections, type Rejection } from './vendors.csv.ts';
import { vendorPolicy } from './vendors.policy.ts';
import * as repo from './vendors.repo.ts';
import { toColumns } from './vendors.service.ts';

export interface ImportResult {
  created: number;
  updated: number;
  rejected: [];
}

/** Rows written between two yields to the event loop. */
const YIELD_EVERY = 25;

/**
 * Imports a vendor list: rows match existing vendors by name (case-insensitive) and
 * update only the columns the file has; other rows create vendors. All or nothing: one
 * rejected row and nothing is stored, and the answer lists every rejected row.
 */
export async function importVendors(ctx: Ctx, file: Buffer, opts: { dryRun: boolean }): Promise<ImportResult> {
  vendorPolicy.check(ctx.actor, 'create');
  vendorPolicy.check(ctx.actor, 'update');
  const { rows, rejected } = parseVendorCsv(file);
  if (rejected.length > 0) {
    throw new AppError('import_rejected', `${rejected.length} problem(s) found; nothing was imported.`, { rejected });
  }
  if (rows.length === 0) {
    throw new AppError('import_rejected', 'The file has a header but no vendors.', { rejected: [{ line: 2, field: '(file)', reason: 'No data rows' }] });
  }
  const orgId = ctx.actor.orgId;
  return change(ctx, async (tx) => {
    const existing = await repo.findVendorsByNames(tx.db, orgId, rows.map((r) => r.input.name.toLowerCase()));
    const byName = new Map(existing.map((v) => [v.name.toLowerCase(), v]));
    // The name is the key (matched case-insensitively), so an update keeps the stored spelling.
    // New vendors need the full set of required fields (kind); updates only what is present.
    const plan = rows.map((r) => {
      const before = byName.get(r.input.name.toLowerCase());
      if (before) return { kind: 'update' as const, before, patch: toColumns(Object.fromEntries(r.present.filter((k) => k !== 'name').map((k) => [k, r.input[k] ?? null]))) };
      const full = VendorInput.safeParse(Object.fromEntries(Object.entries(r.input).filter(([, v]) => v !== null)));
      return full.success ? { kind: 'create' as const, input: full.data } : { kind: 'reject' as const, rejected: toRejections(r.line, full.error.issues, r.input) };
    });
    const late: Rejection[] = plan.flatMap((p) => (p.kind === 'reject' ? p.rejected : []));
    if (late.length > 0) throw new AppError('import_rejected', `${late.length} problem(s) found; nothing was imported.`, { rejected: late });
    const created = plan.filter((p) => p.kind === 'create').length;
    const updated = plan.length - created;
    if (opts.dryRun) return { created, updated, rejected: [] };
    for (const [i, p] of plan.entries()) {
      // The embedded database runs on this thread and its queries resolve without ever
      // reaching the event loop: yield now and then, so /health and other requests are
      // answered during a long import.
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise<void>((resolve) => setImmediate(resolve));
      if (p.kind === 'update') {
        const after = await repo.updateVendor(tx.db, orgId, p.before.id, { ...p.patch, updatedAt: ctx.now });
        await tx.audit({ action: 'vendor.update', objectType: 'vendor', objectId: p.before.id, before: p.before, after });
      } else if (p.kind === 'create') {
        const row = await repo.insertVendor(tx.db, { ...(toColumns(p.input) as repo.VendorInsert), orgId });
        await tx.audit({ action: 'vendor.create', objectType: 'vendor', objectId: row.id, after: row });
      }
    }
    return { created, updated, rejected: [] };
  });
}
