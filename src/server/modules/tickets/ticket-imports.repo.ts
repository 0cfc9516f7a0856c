import { and, eq, sql, type SQL } from 'drizzle-orm';
import { idScope } from '../../db/any.ts';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { ticketImports } from '../../db/schema.ts';
import { rowVersionsSql, type Fragment } from '../../db/fragment.ts';

export type TicketImportRow = typeof ticketImports.$inferSelect;
export type TicketImportInsert = typeof ticketImports.$inferInsert;
type Listed = TicketImportRow & { startedAtText: string };

export async function insertTicketImport(db: Db, row: TicketImportInsert): Promise<TicketImportRow> {
  const [r] = await db.insert(ticketImports).values(row).returning();
  return r;
}

// Newest first; the text form of the instant keeps microseconds in the cursor.
const SORT: KeysetSort = { cols: [key(sql`${ticketImports.startedAt}`, 'timestamptz'), key(sql`${ticketImports.id}`, 'uuid')], desc: true };
export const IMPORT_SORT = { arity: SORT.cols.length, key: (r: Listed) => [r.startedAtText, r.id] };

export async function listTicketImports(db: Db, orgId: string, engagementId: string, after: unknown[] | null, limit: number): Promise<Listed[]> {
  const rows = await db
    .select({ row: ticketImports, startedAtText: sql<string>`${ticketImports.startedAt}::text` })
    .from(ticketImports)
    .where(and(eq(ticketImports.orgId, orgId), eq(ticketImports.engagementId, engagementId), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
  return rows.map((r) => ({ ...r.row, startedAtText: r.startedAtText }));
}

export async function findTicketImport(db: Db, orgId: string, id: string): Promise<TicketImportRow | null> {
  const rows = await db
    .select()
    .from(ticketImports)
    .where(and(eq(ticketImports.orgId, orgId), eq(ticketImports.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

// An engagement's ticket data version is its count of succeeded imports, spelled the same
// by the JavaScript reader and the SQL one (their values key the same caches).
const DATA_VERSION_PREFIX = 'imports:';

/** The data version of a count of succeeded imports. */
export const dataVersionOf = (succeededImports: number) => `${DATA_VERSION_PREFIX}${succeededImports}`;

/** `dataVersionOf` of one engagement as a scalar subquery (text), for a caller's statement. */
export function dataVersionSql(orgId: string, engagementId: string): SQL<string> {
  return sql<string>`(SELECT ${DATA_VERSION_PREFIX}::text || count(*) FROM ${ticketImports} WHERE ${ticketImports.orgId} = ${orgId} AND ${ticketImports.engagementId} = ${engagementId} AND ${ticketImports.status} = 'succeeded')`;
}

/**
 * How many imports succeeded per engagement. Tickets change only through an import, and
 * a succeeded import is recorded in the transaction that changed them, so this count
 * moves exactly when an engagement's tickets may have changed.
 */
export async function succeededImportCounts(db: Db, orgId: string, engagementIds: readonly string[]): Promise<Map<string, number>> {
  if (engagementIds.length === 0) return new Map();
  const scope = idScope(ticketImports.engagementId, engagementIds);
  const rows = scope.keep(
    await db
      .select({ engagementId: ticketImports.engagementId, n: sql<number>`count(*)::int` })
      .from(ticketImports)
      .where(and(eq(ticketImports.orgId, orgId), scope.where, eq(ticketImports.status, 'succeeded')))
      .groupBy(ticketImports.engagementId),
    (r) => r.engagementId,
  );
  return new Map(rows.map((r) => [r.engagementId, Number(r.n)]));
}

/** A fingerprint of the organisation's ticket imports (changes with any write), for a caller's statement. */
export function importRowVersionsSql(orgId: string): Fragment<string> {
  return rowVersionsSql(ticketImports, ticketImports.orgId, orgId);
}
