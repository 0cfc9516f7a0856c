import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/shared/contracts/auth.ts';
import type { User } from '../../src/shared/contracts/users.ts';
import type { Vendor } from '../../src/shared/contracts/vendors.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db/client.ts';
import { BUILDER_PASSWORD, aSession, aUser, aVendor, anEngagement, anOrg, oneOfEachRole, type OrgHandle } from '../../src/server/seed/builders/core.ts';
import { aCalendar, aTicketMapping, anOutage, anSlaPolicy, someTickets } from '../../src/server/seed/builders/sla.ts';

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

/**
 * The SLA objects of a test organisation's engagement, made through the builders (so
 * through the services): a 24×7 calendar, a P1 policy, one P1 ticket resolved after six
 * hours (breached) through a real import, an outage and a saved mapping.
 */
export async function addSlaFixtures(org: TestOrg): Promise<SlaFixtures> {
  const cal = await aCalendar(org.handle, { name: `24x7 ${randomUUID().slice(0, 6)}` });
  await anSlaPolicy(org.handle, { engagementId: org.engagementId, calendarId: cal.id });
  const opened = Date.UTC(2026, 0, 5, 9);
  const hour = 3_600_000;
  const { import: imp, tickets } = await someTickets(org.handle, {
    engagementId: org.engagementId,
    tickets: [{ priority: 'P1', openedAt: opened, events: [{ at: opened, status: 'New' }, { at: opened + 6 * hour, status: 'Resolved' }], resolvedAt: opened + 6 * hour }],
  });
  const outage = await anOutage(org.handle, { engagementId: org.engagementId, startAt: new Date(opened).toISOString(), endAt: new Date(opened + hour).toISOString() });
  const mapping = await aTicketMapping(org.handle, { name: 'Vendor export' });
  return { calendarId: cal.id, ticketId: tickets[0].id, outageId: outage.id, importId: imp.id, mappingId: mapping.id };
}
