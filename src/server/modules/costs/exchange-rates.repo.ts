import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { exchangeRates, users } from '../../db/schema.ts';

/** The organisation's exchange rates per currency and month (only this repo touches the table). */
export type ExchangeRateRow = typeof exchangeRates.$inferSelect;
export type RateWithName = { rate: ExchangeRateRow; updatedByName: string | null };

// Newest month first, then by currency; the id breaks ties.
const SORT: KeysetSort = { cols: [key(sql`${exchangeRates.month}`, 'text'), key(sql`${exchangeRates.currency}`, 'text'), key(sql`${exchangeRates.id}`, 'uuid')], desc: true };
export const rateSort = { arity: 3, key: (r: RateWithName) => [r.rate.month, r.rate.currency, r.rate.id] };

export async function listRates(db: Db, orgId: string, f: { currency?: string; month?: string }, after: unknown[] | null, limit: number): Promise<RateWithName[]> {
  const where: SQL[] = [eq(exchangeRates.orgId, orgId)];
  if (f.currency) where.push(eq(exchangeRates.currency, f.currency));
  if (f.month) where.push(eq(exchangeRates.month, f.month));
  return db
    .select({ rate: exchangeRates, updatedByName: users.name })
    .from(exchangeRates)
    .leftJoin(users, eq(users.id, exchangeRates.updatedBy))
    .where(and(...where, afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

/** Rates of the given months, for converting: month → currency → "1 EUR = x". */
export async function ratesOfMonths(db: Db, orgId: string, months: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (!months.length) return out;
  const rows = await db
    .select({ month: exchangeRates.month, currency: exchangeRates.currency, perEur: exchangeRates.perEur })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.orgId, orgId), inArray(exchangeRates.month, [...months])));
  for (const r of rows) {
    if (!out.has(r.month)) out.set(r.month, new Map());
    out.get(r.month)!.set(r.currency, r.perEur);
  }
  return out;
}

export async function findRate(db: Db, orgId: string, currency: string, month: string): Promise<ExchangeRateRow | null> {
  const rows = await db
    .select()
    .from(exchangeRates)
    .where(and(eq(exchangeRates.orgId, orgId), eq(exchangeRates.currency, currency), eq(exchangeRates.month, month)))
    .orderBy(desc(exchangeRates.updatedAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function findRateById(db: Db, orgId: string, id: string): Promise<ExchangeRateRow | null> {
  const rows = await db
    .select()
    .from(exchangeRates)
    .where(and(eq(exchangeRates.orgId, orgId), eq(exchangeRates.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function deleteRate(db: Db, orgId: string, id: string) {
  await db.delete(exchangeRates).where(and(eq(exchangeRates.orgId, orgId), eq(exchangeRates.id, id)));
}

/** Inserts or replaces rates by (currency, month), in chunks; answers how many replaced an existing rate. */
export async function upsertRates(db: Db, rows: (typeof exchangeRates.$inferInsert)[]): Promise<number> {
  let replaced = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const out = await db
      .insert(exchangeRates)
      .values(chunk)
      .onConflictDoUpdate({
        target: [exchangeRates.orgId, exchangeRates.currency, exchangeRates.month],
        set: { perEur: sql`excluded.per_eur`, source: sql`excluded.source`, dailyCount: sql`excluded.daily_count`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`excluded.updated_at` },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    replaced += out.filter((r) => !r.inserted).length;
  }
  return replaced;
}
