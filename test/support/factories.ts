import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/shared/contracts/auth.ts';
import type { User } from '../../src/shared/contracts/users.ts';
import type { Vendor } from '../../src/shared/contracts/vendors.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db/client.ts';
import { BUILDER_PASSWORD, aSession, aUser, aVendor, anEngagement, anOrg, oneOfEachRole, type OrgHandle } from '../../src/server/seed/builders/core.ts';

export const PASSWORD = BUILDER_PASSWORD;

/** A user as tests hold it: the API's shape plus the organisation it belongs to. */
export type TestUser = User & { orgId: string };

export interface Login {
  user: TestUser;
  cookie: string;
  csrf: string;
}

export interface TestOrg {
  orgId: string;
  handle: OrgHandle;
  vendor: Vendor;
  /** A second vendor of the same organisation, whose contact must see nothing of `vendor`. */
  otherVendor: Vendor;
  engagementId: string;
  users: Record<Role, TestUser>;
}

const handles = new Map<string, OrgHandle>();
const testConfig = () => loadConfig({ OUTSIGHT_DATA_DIR: '/nonexistent', OUTSIGHT_DEMO: '0' });

/**
 * A new organisation with one user per role, two vendors and an engagement, built through
 * the services (src/server/seed/builders). Every call makes a *new* organisation, so each
 * test gets another tenant to leak into for free.
 */
export async function createTestOrg(db: Db, label = 'Org'): Promise<TestOrg> {
  const tag = randomUUID().slice(0, 8);
  const org = await anOrg({ db, config: testConfig() }, { name: `${label} ${tag}` });
  const vendor = await aVendor(org, { name: `Vendor ${tag}`, kind: 'saas', status: 'active', tier: 2, dataAccess: 'internal' });
  const otherVendor = await aVendor(org, { name: `Other vendor ${tag}`, kind: 'help_desk', status: 'active', tier: 3, dataAccess: 'none' });
  const engagement = await anEngagement(org, { vendorId: vendor.id, name: `Service ${tag}`, serviceType: 'service_desk', criticality: 'high', status: 'active' });
  const byRole = await oneOfEachRole(org, vendor.id);
  const users = Object.fromEntries(Object.entries(byRole).map(([role, u]) => [role, { ...u, orgId: org.orgId }])) as Record<Role, TestUser>;
  handles.set(org.orgId, org);
  return { orgId: org.orgId, handle: org, vendor, otherVendor, engagementId: engagement.id, users };
}

/** A fresh session for a user, without going through the (rate-limited, slow) password check. */
export async function loginAs(db: Db, user: TestUser, now = new Date()): Promise<Login> {
  const { secret, csrfToken } = await aSession({ db, config: testConfig() }, user, now);
  return { user, cookie: `outsight_session=${secret}`, csrf: csrfToken };
}

/** Headers for a signed-in request; changes carry the CSRF token like the web UI does. */
export function authHeaders(login: Login): Record<string, string> {
  return { cookie: login.cookie, 'x-csrf-token': login.csrf };
}

export async function addUser(db: Db, orgId: string, role: Role, vendorId: string | null = null): Promise<TestUser> {
  const org = handles.get(orgId);
  if (!org) throw new Error('addUser works on organisations made by createTestOrg in this file');
  return { ...(await aUser(org, { role, vendorId, name: `Extra ${role}` })), orgId };
}


export interface SlaFixtures {
  calendarId: string;
  ticketId: string;
  outageId: string;
  importId: string;
  mappingId: string;
}

/** A 24×7 calendar, a P1–P4 policy, one breached ticket, an outage and an import record. */
export async function addSlaFixtures(db: Db, org: TestOrg): Promise<SlaFixtures> {
  const { insertCalendar } = await import('../../src/server/modules/calendars/calendars.repo.ts');
  const { insertPolicy } = await import('../../src/server/modules/sla-policies/sla-policies.repo.ts');
  const { insertOutage } = await import('../../src/server/modules/sla/outages.repo.ts');
  const { insertTicketImport } = await import('../../src/server/modules/tickets/ticket-imports.repo.ts');
  const { tickets } = await import('../../src/server/db/schema.ts');
  const all = [{ from: '00:00', to: '24:00' }];
  const cal = await insertCalendar(db, { orgId: org.orgId, name: `24x7 ${randomUUID().slice(0, 6)}`, timeZone: 'UTC', week: { 1: all, 2: all, 3: all, 4: all, 5: all, 6: all, 7: all } });
  const hour = 3_600_000;
  await insertPolicy(db, {
    orgId: org.orgId,
    engagementId: org.engagementId,
    version: 1,
    calendarId: cal.id,
    definition: {
      priorities: { P1: { response: { ms: hour / 2, clock: 'calendar' }, resolution: { ms: 4 * hour, clock: 'calendar' }, monthlyAttainment: 0.95 } },
      pauseStatuses: ['Awaiting User Info'],
      resolvedStatuses: ['Resolved', 'Closed'],
    },
  });
  const opened = Date.UTC(2026, 0, 5, 9);
  const [ticket] = await db
    .insert(tickets)
    .values({
      orgId: org.orgId,
      engagementId: org.engagementId,
      externalId: `INC-${randomUUID().slice(0, 6)}`,
      priority: 'P1',
      status: 'Resolved',
      openedAt: new Date(opened),
      resolvedAt: new Date(opened + 6 * hour),
      history: [
        [opened, 'New', 0, 'P1'],
        [opened + 6 * hour, 'Resolved', 1, 'P1'],
      ],
    })
    .returning();
  const outage = await insertOutage(db, { orgId: org.orgId, engagementId: org.engagementId, startAt: new Date(opened), endAt: new Date(opened + hour) });
  const imp = await insertTicketImport(db, { orgId: org.orgId, engagementId: org.engagementId, format: 'generic', status: 'succeeded', rejected: [{ line: 2, field: 'x', reason: 'y' }] });
  const { upsertMapping } = await import('../../src/server/modules/tickets/ticket-mappings.repo.ts');
  const mapping = await upsertMapping(db, org.orgId, 'Vendor export', { shape: 'tickets', columns: { externalId: 'id', openedAt: 'opened' }, dateOrder: 'ymd', timeZone: 'UTC' }, new Date());
  return { calendarId: cal.id, ticketId: ticket.id, outageId: outage.id, importId: imp.id, mappingId: mapping.id };
}
