import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/server/db/client.ts';
import { copyInto, csvText } from '../../src/server/db/copy.ts';

/**
 * Writes to `invoice_lines` and `invoices` below the services, to test what the database
 * itself refuses (migration 0037): no service writes a line for another organisation's
 * invoice, so only SQL can try.
 */
export interface RawLine {
  orgId: string;
  invoiceId: string;
  position: number;
}

export async function insertRawInvoice(db: Db, orgId: string, vendorId: string, number: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO invoices (org_id, vendor_id, number, invoice_date, currency, subtotal_minor, tax_minor, total_minor) VALUES (${orgId}::uuid, ${vendorId}::uuid, ${number}, '2026-03-31', 'EUR', 100, 0, 100) RETURNING id`,
  );
  return row.id;
}

/** One multi-row INSERT: all the lines or none. */
export async function insertRawLines(db: Db, rows: RawLine[]): Promise<void> {
  const values = rows.map((r) => sql`(${r.orgId}::uuid, ${r.invoiceId}::uuid, ${r.position}, 'Work', 1000, 'day', 100, 100)`);
  await db.execute(sql`INSERT INTO invoice_lines (org_id, invoice_id, position, description, quantity_milli, unit, unit_price_minor, amount_minor) VALUES ${sql.join(values, sql`, `)}`);
}

/** One COPY in a transaction of its own, as an invoice import writes its lines. */
export async function copyRawLines(db: Db, rows: RawLine[]): Promise<void> {
  await db.transaction(async (tx) => {
    const copy = await copyInto(tx, 'invoice_lines', ['org_id', 'invoice_id', 'position', 'description', 'quantity_milli', 'unit', 'unit_price_minor', 'amount_minor']);
    await copy.write(rows.map((r) => `${r.orgId},${r.invoiceId},${r.position},${csvText('Work, by COPY')},1000,day,100,100\n`).join(''));
    await copy.finish();
  });
}

export async function moveRawLine(db: Db, line: { invoiceId: string; position: number }, to: { orgId: string; invoiceId: string }): Promise<void> {
  await db.execute(sql`UPDATE invoice_lines SET org_id = ${to.orgId}::uuid, invoice_id = ${to.invoiceId}::uuid WHERE invoice_id = ${line.invoiceId}::uuid AND position = ${line.position}`);
}

export async function redescribeRawLine(db: Db, line: { invoiceId: string; position: number }, description: string): Promise<void> {
  await db.execute(sql`UPDATE invoice_lines SET description = ${description} WHERE invoice_id = ${line.invoiceId}::uuid AND position = ${line.position}`);
}

/** Gives the invoice a new id; returns it. */
export async function rekeyRawInvoice(db: Db, id: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`UPDATE invoices SET id = gen_random_uuid() WHERE id = ${id}::uuid RETURNING id`);
  return row.id;
}

export async function deleteRawInvoices(db: Db, ids: string[]): Promise<void> {
  await db.execute(sql`DELETE FROM invoices WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

export async function rawLinePositions(db: Db, invoiceId: string): Promise<number[]> {
  return (await queryRows<{ position: number }>(db, sql`SELECT position FROM invoice_lines WHERE invoice_id = ${invoiceId}::uuid ORDER BY position`)).map((r) => Number(r.position));
}
