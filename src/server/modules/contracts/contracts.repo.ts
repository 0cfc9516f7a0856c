import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { anyUuid, idScope } from '../../db/any.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { afterCursor, key, keysetOrder, type KeysetSort } from '../../db/keyset.ts';
import { containsPattern } from '../../db/like.ts';
import { calendars, contractDocuments, contractEngagements, contractKeyDates, contractNotices, contracts, contractSettings, engagements, users, vendors } from '../../db/schema.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type ContractInsert = typeof contracts.$inferInsert;
export type NoticeRow = typeof contractNotices.$inferSelect;
export type CustomKeyDateRow = typeof contractKeyDates.$inferSelect;
export type SettingsRow = typeof contractSettings.$inferSelect;

const owner = alias(users, 'owner');
const parent = alias(contracts, 'parent');
const columns = { contract: contracts, vendorName: vendors.name, parentTitle: parent.title, internalOwnerName: owner.name };
export type ContractWithExtras = { contract: ContractRow; vendorName: string; parentTitle: string | null; internalOwnerName: string | null };

function base(db: Db) {
  return db
    .select(columns)
    .from(contracts)
    .innerJoin(vendors, eq(vendors.id, contracts.vendorId))
    .leftJoin(parent, and(eq(parent.orgId, contracts.orgId), eq(parent.id, contracts.parentId)))
    .leftJoin(owner, eq(owner.id, contracts.internalOwnerId));
}

export interface ContractFilter {
  q?: string;
  vendorId?: string;
  engagementId?: string;
  type?: string;
  status?: string;
  archived: 'true' | 'false' | 'all';
}

const SORT: KeysetSort = {
  cols: [key(sql`lower(${vendors.name})`, 'text'), key(sql`lower(${contracts.title})`, 'text'), key(sql`${contracts.id}`, 'uuid')],
  desc: false,
};
export const CONTRACT_SORT = {
  arity: SORT.cols.length,
  key: (r: ContractWithExtras) => [r.vendorName.toLowerCase(), r.contract.title.toLowerCase(), r.contract.id],
};

function filters(orgId: string, f: ContractFilter): SQL[] {
  const where: SQL[] = [eq(contracts.orgId, orgId)];
  if (f.archived === 'false') where.push(isNull(contracts.archivedAt));
  if (f.archived === 'true') where.push(isNotNull(contracts.archivedAt));
  if (f.vendorId) where.push(eq(contracts.vendorId, f.vendorId));
  if (f.type) where.push(eq(contracts.type, f.type));
  if (f.status) where.push(eq(contracts.status, f.status));
  if (f.engagementId) {
    where.push(sql`EXISTS (SELECT 1 FROM ${contractEngagements} ce WHERE ce.org_id = ${orgId} AND ce.contract_id = ${contracts.id} AND ce.engagement_id = ${f.engagementId})`);
  }
  if (f.q) {
    const pattern = containsPattern(f.q);
    where.push(or(ilike(contracts.title, pattern), ilike(contracts.reference, pattern), ilike(vendors.name, pattern))!);
  }
  return where;
}

/** Sorted by vendor name, contract title, id; `after` is the previous page's last key. */
export async function listContracts(db: Db, orgId: string, f: ContractFilter, after: unknown[] | null, limit: number) {
  return base(db)
    .where(and(...filters(orgId, f), afterCursor(SORT, after)))
    .orderBy(...keysetOrder(SORT))
    .limit(limit);
}

export async function countContracts(db: Db, orgId: string, f: ContractFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contracts)
    .innerJoin(vendors, eq(vendors.id, contracts.vendorId))
    .where(and(...filters(orgId, f)));
  return Number(row?.n ?? 0);
}

export async function findContract(db: Db, orgId: string, id: string): Promise<ContractWithExtras | null> {
  const rows = await base(db)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findContractRow(db: Db, orgId: string, id: string): Promise<ContractRow | null> {
  const rows = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockContract(db: Db, orgId: string, id: string): Promise<ContractRow | null> {
  const rows = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id)))
    .for('update')
    .limit(1);
  return rows[0] ?? null;
}

/** The engagements each contract covers, with their names. */
export async function engagementsOf(db: Db, orgId: string, contractIds: readonly string[]) {
  if (contractIds.length === 0) return [];
  return db
    .select({ contractId: contractEngagements.contractId, id: engagements.id, name: engagements.name })
    .from(contractEngagements)
    .innerJoin(engagements, eq(engagements.id, contractEngagements.engagementId))
    .where(and(eq(contractEngagements.orgId, orgId), anyUuid(contractEngagements.contractId, contractIds)))
    .orderBy(asc(sql`lower(${engagements.name})`));
}

/** Non-archived contracts covering any of these engagements. */
export async function contractsCovering(db: Db, orgId: string, engagementIds: readonly string[]): Promise<ContractRow[]> {
  if (engagementIds.length === 0) return [];
  const scope = idScope(contractEngagements.engagementId, engagementIds);
  const rows = await db
    .select({ c: contracts, engagementId: contractEngagements.engagementId })
    .from(contracts)
    .innerJoin(contractEngagements, and(eq(contractEngagements.orgId, contracts.orgId), eq(contractEngagements.contractId, contracts.id)))
    .where(and(eq(contracts.orgId, orgId), isNull(contracts.archivedAt), scope.where));
  const distinct = new Map(scope.keep(rows, (r) => r.engagementId).map((r) => [r.c.id, r.c]));
  return [...distinct.values()].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** Non-archived contracts of one vendor, by title. */
export async function contractsOfVendor(db: Db, orgId: string, vendorId: string): Promise<ContractRow[]> {
  return db
    .select()
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.vendorId, vendorId), isNull(contracts.archivedAt)))
    .orderBy(asc(sql`lower(${contracts.title})`), asc(contracts.id));
}

/** Every contract (archived too) of these vendors: what an import checks titles and parents against. */
export async function contractsOfVendors(db: Db, orgId: string, vendorIds: readonly string[]): Promise<ContractRow[]> {
  if (vendorIds.length === 0) return [];
  return db
    .select()
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), inArray(contracts.vendorId, [...vendorIds])));
}

/** Every non-archived contract of the organisation with its vendor's name, up to `limit` (the key-dates view and the feed). */
export async function activeContracts(db: Db, orgId: string, limit: number): Promise<ContractWithExtras[]> {
  return base(db)
    .where(and(eq(contracts.orgId, orgId), isNull(contracts.archivedAt)))
    .orderBy(asc(contracts.initialTermEnd), asc(contracts.id))
    .limit(limit);
}

/**
 * Contracts of every organisation that may need a reminder (the job sweeps all
 * organisations): live, with a term end and a notice period; with the organisation's
 * settings, the calendar they name (read only, for its business days), the vendor's name,
 * the internal owner and any notice already given.
 */
export async function remindableContractsAllOrgs(db: Db, limit: number) {
  const cal = alias(calendars, 'cal');
  return db
    .select({
      contract: contracts,
      vendorName: vendors.name,
      settings: contractSettings,
      calendar: { timeZone: cal.timeZone, week: cal.week, holidays: cal.holidays },
      calendarId: cal.id,
      owner: { email: owner.email, name: owner.name, disabledAt: owner.disabledAt },
      ownerId: owner.id,
      notice: { kind: contractNotices.kind, givenOn: contractNotices.givenOn },
      noticeId: contractNotices.id,
    })
    .from(contracts)
    .innerJoin(vendors, eq(vendors.id, contracts.vendorId))
    .leftJoin(contractSettings, eq(contractSettings.orgId, contracts.orgId))
    .leftJoin(cal, and(eq(cal.orgId, contracts.orgId), eq(cal.id, contractSettings.calendarId)))
    .leftJoin(owner, eq(owner.id, contracts.internalOwnerId))
    .leftJoin(contractNotices, eq(contractNotices.contractId, contracts.id))
    .where(and(isNull(contracts.archivedAt), isNotNull(contracts.initialTermEnd), isNotNull(contracts.noticeUnit), inArray(contracts.status, ['signed', 'active'])))
    .orderBy(asc(contracts.id))
    .limit(limit);
}

export async function insertContract(db: Db, row: ContractInsert): Promise<ContractRow> {
  const [created] = await db.insert(contracts).values(row).returning();
  return created;
}

export async function updateContract(db: Db, orgId: string, id: string, patch: Partial<ContractInsert>): Promise<ContractRow> {
  const [updated] = await db
    .update(contracts)
    .set(patch)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id)))
    .returning();
  return updated;
}

/** Replaces the engagements a contract covers. */
export async function setEngagements(db: Db, orgId: string, contractId: string, engagementIds: readonly string[]) {
  await db.delete(contractEngagements).where(and(eq(contractEngagements.orgId, orgId), eq(contractEngagements.contractId, contractId)));
  if (engagementIds.length) {
    await db.insert(contractEngagements).values([...new Set(engagementIds)].map((engagementId) => ({ orgId, contractId, engagementId })));
  }
}

/** The parent chain of a contract, nearest first (stops at `max`, which is far beyond any real chain). */
export async function ancestors(db: Db, orgId: string, id: string, max = 50): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = id;
  while (current && chain.length < max) {
    const row = await findContractRow(db, orgId, current);
    if (!row?.parentId) break;
    chain.push(row.parentId);
    current = row.parentId;
  }
  return chain;
}

// Notice -------------------------------------------------------------------------------------

export async function noticesOf(db: Db, orgId: string, contractIds: readonly string[]) {
  if (contractIds.length === 0) return [];
  const recorder = alias(users, 'recorder');
  return db
    .select({ notice: contractNotices, recordedByName: recorder.name })
    .from(contractNotices)
    .leftJoin(recorder, eq(recorder.id, contractNotices.recordedBy))
    .where(and(eq(contractNotices.orgId, orgId), inArray(contractNotices.contractId, [...contractIds])));
}

export async function insertNotice(db: Db, row: typeof contractNotices.$inferInsert): Promise<NoticeRow> {
  const [created] = await db.insert(contractNotices).values(row).returning();
  return created;
}

/** Notices of every organisation, for the reminder job (a contract with notice given needs no reminder). */
export async function noticesAllOrgs(db: Db, contractIds: readonly string[]) {
  if (contractIds.length === 0) return [];
  return db.select().from(contractNotices).where(inArray(contractNotices.contractId, [...contractIds]));
}

// Custom key dates ---------------------------------------------------------------------------

export async function customDatesOf(db: Db, orgId: string, contractId: string): Promise<CustomKeyDateRow[]> {
  return db
    .select()
    .from(contractKeyDates)
    .where(and(eq(contractKeyDates.orgId, orgId), eq(contractKeyDates.contractId, contractId)))
    .orderBy(asc(contractKeyDates.date), asc(contractKeyDates.id));
}

/** Custom dates of non-archived contracts within [from, to]. */
export async function customDatesBetween(db: Db, orgId: string, from: string, to: string, limit: number) {
  return db
    .select({ keyDate: contractKeyDates, contractTitle: contracts.title, vendorId: contracts.vendorId, vendorName: vendors.name })
    .from(contractKeyDates)
    .innerJoin(contracts, and(eq(contracts.orgId, contractKeyDates.orgId), eq(contracts.id, contractKeyDates.contractId)))
    .innerJoin(vendors, eq(vendors.id, contracts.vendorId))
    .where(and(eq(contractKeyDates.orgId, orgId), isNull(contracts.archivedAt), sql`${contractKeyDates.date} BETWEEN ${from} AND ${to}`))
    .orderBy(asc(contractKeyDates.date), asc(contractKeyDates.id))
    .limit(limit);
}

export async function findCustomDate(db: Db, orgId: string, contractId: string, id: string): Promise<CustomKeyDateRow | null> {
  const rows = await db
    .select()
    .from(contractKeyDates)
    .where(and(eq(contractKeyDates.orgId, orgId), eq(contractKeyDates.contractId, contractId), eq(contractKeyDates.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertCustomDate(db: Db, row: typeof contractKeyDates.$inferInsert): Promise<CustomKeyDateRow> {
  const [created] = await db.insert(contractKeyDates).values(row).returning();
  return created;
}

export async function deleteCustomDate(db: Db, orgId: string, id: string) {
  await db.delete(contractKeyDates).where(and(eq(contractKeyDates.orgId, orgId), eq(contractKeyDates.id, id)));
}

// Settings -----------------------------------------------------------------------------------

export async function findSettings(db: Db, orgId: string): Promise<SettingsRow | null> {
  const rows = await db.select().from(contractSettings).where(eq(contractSettings.orgId, orgId)).limit(1);
  return rows[0] ?? null;
}

export async function upsertSettings(db: Db, orgId: string, patch: Partial<typeof contractSettings.$inferInsert>): Promise<SettingsRow> {
  const [row] = await db
    .insert(contractSettings)
    .values({ ...patch, orgId })
    .onConflictDoUpdate({ target: contractSettings.orgId, set: patch })
    .returning();
  return row;
}

/** Settings of several organisations at once (the reminder job). */
export async function settingsOfOrgs(db: Db, orgIds: readonly string[]): Promise<SettingsRow[]> {
  if (orgIds.length === 0) return [];
  return db.select().from(contractSettings).where(inArray(contractSettings.orgId, [...orgIds]));
}

// Signed documents ---------------------------------------------------------------------------

export type DocumentRow = typeof contractDocuments.$inferSelect;

export async function documentsOf(db: Db, orgId: string, contractId: string) {
  const uploader = alias(users, 'uploader');
  return db
    .select({ doc: contractDocuments, uploadedByName: uploader.name })
    .from(contractDocuments)
    .leftJoin(uploader, eq(uploader.id, contractDocuments.uploadedBy))
    .where(and(eq(contractDocuments.orgId, orgId), eq(contractDocuments.contractId, contractId)))
    .orderBy(sql`${contractDocuments.version} DESC`);
}

export async function findDocument(db: Db, orgId: string, contractId: string, id: string): Promise<DocumentRow | null> {
  const rows = await db
    .select()
    .from(contractDocuments)
    .where(and(eq(contractDocuments.orgId, orgId), eq(contractDocuments.contractId, contractId), eq(contractDocuments.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertDocument(db: Db, row: Omit<typeof contractDocuments.$inferInsert, 'version'>): Promise<DocumentRow> {
  const [next] = await db
    .select({ v: sql<number>`coalesce(max(${contractDocuments.version}), 0)::int + 1` })
    .from(contractDocuments)
    .where(and(eq(contractDocuments.orgId, row.orgId), eq(contractDocuments.contractId, row.contractId)));
  const [created] = await db.insert(contractDocuments).values({ ...row, version: Number(next.v) }).returning();
  return created;
}
