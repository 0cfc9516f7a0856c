import type { z } from 'zod';
import type { InvoiceMapping, InvoiceMappingInput } from '../../../shared/contracts/invoice-import.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { change } from '../audit/audit.public.ts';
import { invoiceMappingPolicy } from './costs.policy.ts';
import * as repo from './invoice-mappings.repo.ts';

const present = (r: repo.InvoiceMappingRow): InvoiceMapping => ({ id: r.id, name: r.name, columns: r.columns, updatedAt: r.updatedAt.toISOString() });

export async function listInvoiceMappings(ctx: Ctx): Promise<{ items: InvoiceMapping[] }> {
  invoiceMappingPolicy.check(ctx.actor, 'list');
  return { items: (await repo.listMappings(ctx.db, ctx.actor.orgId)).map(present) };
}

/** Saves a mapping under its name (a mapping of that name is replaced). */
export async function saveInvoiceMapping(ctx: Ctx, input: z.output<typeof InvoiceMappingInput>): Promise<InvoiceMapping> {
  invoiceMappingPolicy.check(ctx.actor, 'save');
  const columns = Object.fromEntries(Object.entries(input.columns).map(([k, v]) => [k, v ?? null]));
  const row = await change(ctx, async (tx) => {
    const before = await repo.findMapping(tx.db, ctx.actor.orgId, input.name);
    const r = await repo.upsertMapping(tx.db, ctx.actor.orgId, before?.name ?? input.name, columns, ctx.now);
    await tx.audit({ action: before ? 'invoice_mapping.update' : 'invoice_mapping.create', objectType: 'invoice_mapping', objectId: r.id, objectLabel: r.name, before, after: r });
    return r;
  });
  return present(row);
}

/**
 * Edits a saved mapping: its columns and, if given another, its name (a name another mapping
 * already has is refused at the name field; an import naming the old name no longer finds it).
 */
export async function updateInvoiceMapping(ctx: Ctx, id: string, input: z.output<typeof InvoiceMappingInput>): Promise<InvoiceMapping> {
  const found = invoiceMappingPolicy.authorize(ctx.actor, 'update', await repo.findMappingById(ctx.db, ctx.actor.orgId, id));
  const columns = Object.fromEntries(Object.entries(input.columns).map(([k, v]) => [k, v ?? null]));
  const row = await change(ctx, async (tx) => {
    const clash = await repo.findMapping(tx.db, ctx.actor.orgId, input.name);
    if (clash && clash.id !== found.id) throw AppError.invalid('name', `Another mapping is already called "${clash.name}". Choose another name, or edit that one.`);
    const r = await repo.updateMapping(tx.db, ctx.actor.orgId, found.id, input.name, columns, ctx.now);
    await tx.audit({ action: 'invoice_mapping.update', objectType: 'invoice_mapping', objectId: r.id, objectLabel: r.name, before: found, after: r });
    return r;
  });
  return present(row);
}

/** Deletes a saved mapping; imports already made keep their invoices (they never point at the mapping). */
export async function deleteInvoiceMapping(ctx: Ctx, id: string): Promise<void> {
  const found = invoiceMappingPolicy.authorize(ctx.actor, 'delete', await repo.findMappingById(ctx.db, ctx.actor.orgId, id));
  await change(ctx, async (tx) => {
    await repo.deleteMapping(tx.db, ctx.actor.orgId, found.id);
    await tx.audit({ action: 'invoice_mapping.delete', objectType: 'invoice_mapping', objectId: found.id, objectLabel: found.name, before: found });
  });
}

/** The mapping an import names, for the import service (its policy was asked). */
export async function mappingNamed(ctx: Ctx, name: string): Promise<Record<string, string | null>> {
  const found = await repo.findMapping(ctx.db, ctx.actor.orgId, name);
  if (!found) throw AppError.invalid('mapping', `No saved invoice mapping is called "${name}". Save it first (outsight invoices import --mapping FILE saves the file's mapping under its name).`);
  return found.columns;
}
