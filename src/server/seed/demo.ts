import type { FastifyBaseLogger } from 'fastify';
import { EngagementInput } from '../../shared/contracts/engagements.ts';
import type { Role } from '../../shared/contracts/auth.ts';
import { VendorInput } from '../../shared/contracts/vendors.ts';
import type { Config } from '../config.ts';
import type { Ctx } from '../context.ts';
import { createEngagement } from '../modules/engagements/engagements.public.ts';
import { createOrgWithOwner, needsSetup } from '../modules/setup/setup.public.ts';
import { createUser } from '../modules/users/users.public.ts';
import { createVendor } from '../modules/vendors/vendors.public.ts';
import type { Db } from '../db/client.ts';
import { DEMO_ENGAGEMENTS, DEMO_VENDORS } from './demo-data.ts';
import { seedDemoClauses } from './demo-clauses.ts';
import { seedDemoContracts } from './demo-contracts.ts';
import { seedDemoCosts } from './demo-costs.ts';
import { seedDemoDeliverables } from './demo-deliverables.ts';
import { seedDemoDueDiligence } from './demo-due-diligence.ts';
import { seedDemoExit } from './demo-exit.ts';
import { seedDemoFirstResponse } from './demo-first-response.ts';
import { seedDemoGovernance } from './demo-governance.ts';
import { seedDemoSecurity } from './demo-security.ts';
import { seedDemoImports } from './demo-imports.ts';
import { seedDemoRisks } from './demo-risks.ts';
import { seedDemoSla } from './demo-sla.ts';
import { seedDemoSourcing } from './demo-sourcing.ts';
import type { User } from '../../shared/contracts/users.ts';
import type { Mailer } from '../mail/mailer.ts';

export const DEMO_PASSWORD = 'outsight-demo';
export const DEMO_LOGINS: Array<{ email: string; role: Role; name: string }> = [
  { email: 'owner@demo.outsight.test', role: 'owner', name: 'Olivia Owner' },
  { email: 'admin@demo.outsight.test', role: 'admin', name: 'Adam Admin' },
  { email: 'manager@demo.outsight.test', role: 'manager', name: 'Maria Manager' },
  { email: 'analyst@demo.outsight.test', role: 'analyst', name: 'Ana Analyst' },
  { email: 'auditor@demo.outsight.test', role: 'auditor', name: 'Aaron Auditor' },
  { email: 'contact@demo.outsight.test', role: 'vendor_contact', name: 'Ciaran Byrne (HelpPoint)' },
];
const CONTACT_VENDOR = 'HelpPoint Service Desk';

/**
 * Creates the demo organisation when the database has no organisation at all. Goes
 * through the same services as the API, so the demo also shows a real audit trail.
 */
export async function seedDemoIfEmpty(db: Db, config: Config, log: FastifyBaseLogger, mailer: Mailer): Promise<boolean> {
  if (!(await needsSetup(db))) return false;
  const [ownerLogin, ...others] = DEMO_LOGINS;
  const { org, owner } = await createOrgWithOwner(
    db,
    { orgName: 'Northwind Manufacturing (demo)', name: ownerLogin.name, email: ownerLogin.email, password: DEMO_PASSWORD, isDemo: true },
    { requestId: 'demo-seed', via: 'session' },
  );
  const ctx: Ctx = {
    db,
    config,
    log,
    now: new Date(),
    requestId: 'demo-seed',
    actor: { userId: owner.id, orgId: org.id, role: 'owner', vendorId: null, email: owner.email, name: owner.name, via: 'session', sessionId: null, csrfToken: null },
  };
  const vendorIds = new Map<string, string>();
  for (const v of DEMO_VENDORS) {
    const created = await createVendor(ctx, VendorInput.parse({ ...v, internalOwnerId: owner.id }));
    vendorIds.set(v.name, created.id);
  }
  const engagementIds = new Map<string, string>();
  for (const { vendor, ...e } of DEMO_ENGAGEMENTS) {
    const created = await createEngagement(ctx, EngagementInput.parse({ ...e, vendorId: vendorIds.get(vendor), internalOwnerId: owner.id }));
    engagementIds.set(e.name, created.id);
  }
  const people = new Map<Role, User>();
  for (const login of others) {
    people.set(login.role, await createUser(ctx, { ...login, password: DEMO_PASSWORD, vendorId: login.role === 'vendor_contact' ? vendorIds.get(CONTACT_VENDOR) : null }));
  }
  await seedDemoSla(ctx, engagementIds.get('24/7 service desk')!);
  await seedDemoFirstResponse(ctx, engagementIds);
  await seedDemoImports(ctx, engagementIds.get('24/7 service desk')!);
  await seedDemoDueDiligence(ctx, vendorIds, mailer);
  const contractIds = await seedDemoContracts(ctx, vendorIds, engagementIds);
  await seedDemoClauses(ctx, contractIds);
  const milestoneIds = await seedDemoDeliverables(ctx, contractIds, engagementIds);
  await seedDemoCosts(ctx, contractIds, engagementIds, milestoneIds);
  await seedDemoRisks(ctx, vendorIds, engagementIds);
  await seedDemoSourcing(ctx, { manager: people.get('manager')!, analyst: people.get('analyst')! });
  await seedDemoGovernance(ctx, vendorIds, engagementIds, DEMO_PASSWORD);
  await seedDemoSecurity(ctx, DEMO_PASSWORD);
  await seedDemoExit(ctx, engagementIds, DEMO_PASSWORD);
  return true;
}
