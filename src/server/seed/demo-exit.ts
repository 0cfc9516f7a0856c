import { Readable } from 'node:stream';
import type { z } from 'zod';
import { civilDateIn } from '../../domain/civil-date.ts';
import { BUILTIN_STEPS } from '../../domain/exit/template.ts';
import { ActionInput, AssetInput, DrillInput, PlanInput, ProfileInput, VendorAccountInput } from '../../shared/contracts/exit.ts';
import type { Ctx } from '../context.ts';
import { getEngagement } from '../modules/engagements/engagements.public.ts';
import { createAction, createAsset, createPlan, createVendorAccount, deliverStep, engagementExit, recordDrill, reviewPlan, saveProfile, startExit, updateAction, updateStep, uploadStepFile, verifyAsset } from '../modules/exit/exit.public.ts';
import { createUser, internalUsersByNames } from '../modules/users/users.public.ts';
import { actorOf } from './builders/core.ts';
import { SMALL_PDF } from './builders/due-diligence.ts';

const DAY = 86_400_000;
type Result = 'done' | 'problem' | 'not_possible';
type Asset = z.input<typeof AssetInput>;

/** The demo's vendor contact of Atlas, to see the handover steps of the exit in progress in the portal. */
export const ATLAS_CONTACT = { email: 'atlas@demo.outsight.test', name: 'Tom Hughes (Atlas)' };

/**
 * Exit readiness in the demo, through the services, with dates relative to `ctx.now` so the
 * history reads like a year of work: Nimbus's ERP hosting well prepared (assets ours and
 * checked, skills covered, a recent live drill with the data export); BackupVault fair;
 * Brightline's network operations with an out-of-date plan, most assets in the vendor's
 * hands and a drill whose source handover and data export failed (the gaps are open
 * actions); Kestrel's source code in the vendor's repositories and an old drill; Sentinel
 * with no plan at all (and no exit clause); Atlas's desktop support being exited now, its
 * contact handing in steps in the portal.
 */
export async function seedDemoExit(ctx: Ctx, engagementIds: Map<string, string>, password: string): Promise<void> {
  const at = (days: number): Ctx => ({ ...ctx, now: new Date(ctx.now.getTime() + days * DAY) });
  const on = (days: number) => civilDateIn(at(days).now, 'UTC');
  const eng = (name: string) => engagementIds.get(name)!;
  const people = new Map((await internalUsersByNames(ctx, ['Adam Admin', 'Maria Manager', 'Ana Analyst'])).map((u) => [u.name, u.id]));
  const admin = people.get('Adam Admin')!;
  const manager = people.get('Maria Manager')!;
  const analyst = people.get('Ana Analyst')!;

  const assets = async (days: number, engagementId: string, list: Asset[]) => {
    const ids: string[] = [];
    for (const a of list) ids.push((await createAsset(at(days), engagementId, AssetInput.parse(a))).id);
    return ids;
  };
  const accounts = async (engagementId: string, list: Array<z.input<typeof VendorAccountInput>>) => {
    for (const a of list) await createVendorAccount(at(-300), engagementId, VendorAccountInput.parse(a));
  };
  const profile = (days: number, engagementId: string, p: z.input<typeof ProfileInput>) => saveProfile(at(days), engagementId, ProfileInput.parse(p));
  const plan = async (days: number, engagementId: string, p: z.input<typeof PlanInput>) => createPlan(at(days), engagementId, PlanInput.parse(p));
  const drill = (days: number, engagementId: string, d: Omit<z.input<typeof DrillInput>, 'results' | 'heldOn'>, results: Record<string, Result | { result: Result; minutesTaken?: number; note?: string }>) =>
    recordDrill(at(days), engagementId, DrillInput.parse({
      ...d,
      heldOn: on(days),
      results: Object.entries(results).map(([key, r]) => ({ stepKey: key, title: BUILTIN_STEPS.find((s) => s.key === key)!.title, ...(typeof r === 'string' ? { result: r } : r) })),
    }));

  // Nimbus, ERP hosting: the model case.
  const erp = eng('ERP hosting');
  await plan(-400, erp, { target: 'vendor', alternativeName: 'Contoso Cloud', budgetMinor: 6_000_000, currency: 'EUR', timelineDays: 120, notes: 'Contoso quoted in March; the VM images and database dumps move as they are.' });
  await profile(-390, erp, { rtoHours: 8, rpoHours: 1, substitutability: 'moderate', substitutabilityReason: 'Standard virtual machines and managed PostgreSQL; two other providers quoted.' });
  const erpAssets = await assets(-380, erp, [
    { kind: 'cloud_account', name: 'ERP production tenant', holder: 'shared', clientAdminAccess: true, lastVerifiedOn: on(-380), location: 'Nimbus console, tenant northwind-erp' },
    { kind: 'domain_dns', name: 'erp.northwind.example', holder: 'client', clientAdminAccess: true, lastVerifiedOn: on(-380), location: 'Our registrar account' },
    { kind: 'certificate', name: 'ERP TLS certificate', holder: 'client', clientAdminAccess: true, lastVerifiedOn: on(-380), location: 'Our certificate authority account' },
    { kind: 'data_store', name: 'ERP database backups', holder: 'shared', clientAdminAccess: true, lastVerifiedOn: on(-380), location: 'Nightly dump to our own storage account' },
    { kind: 'documentation', name: 'Hosting runbook and architecture', holder: 'client', clientAdminAccess: true, lastVerifiedOn: on(-380), location: 'Wiki › ERP › Hosting' },
    { kind: 'monitoring', name: 'ERP uptime monitoring', holder: 'client', clientAdminAccess: true, lastVerifiedOn: on(-380), location: 'Our Grafana' },
  ]);
  await accounts(erp, [
    { system: 'Active Directory', account: 'nimbus-ops', mfaEnforced: true },
    { system: 'Finance VPN', account: 'nimbus-support', mfaEnforced: true },
  ]);
  const early = await drill(-200, erp, { scenario: 'Nimbus raises prices by 40 % at renewal', kind: 'tabletop', participants: ['Olivia Owner', 'Adam Admin', 'Maria Manager'] }, { give_notice: 'done', documentation_handover: 'done', data_export: { result: 'problem', minutesTaken: 540, note: 'The dump restored, but attachments were missing.' } });
  await profile(-35, erp, {
    backupOwnerIds: [admin, manager],
    skills: [
      { name: 'PostgreSQL administration', coverage: 'can_run', coveredById: admin },
      { name: 'Linux server operations', coverage: 'can_run', coveredById: admin },
      { name: 'ERP application support', coverage: 'basic', coveredById: manager },
    ],
    runbooks: [
      { title: 'Restore the ERP from the nightly dump', location: 'Wiki › ERP › Runbooks', lastReviewedOn: on(-35) },
      { title: 'Move the ERP to another provider', location: 'Wiki › ERP › Exit', lastReviewedOn: on(-35) },
    ],
    daysAlone: 10,
    lastPractisedOn: on(-35),
  });
  await drill(-30, erp, { scenario: 'Nimbus stops service with a week’s notice', kind: 'live', participants: ['Adam Admin', 'Maria Manager'], notes: 'Restored to a Contoso trial tenant.' }, {
    give_notice: 'done',
    knowledge_transfer: 'done',
    documentation_handover: 'done',
    data_export: { result: 'done', minutesTaken: 95, note: 'Complete, attachments included.' },
    revoke_accounts: { result: 'done', minutesTaken: 20 },
  });
  for (const a of early.actions) await updateAction(at(-30), a.id, { status: 'done' });
  for (const id of erpAssets) await verifyAsset(at(-20), id, { clientAdminAccess: true });
  const erpPlan = (await engagementExit(ctx, erp)).plan!;
  await reviewPlan(at(-10), erpPlan.id);

  // Nimbus, customer portal hosting: the restore was drilled, but nobody wrote the plan yet.
  const customerPortal = eng('Customer portal hosting');
  await assets(-60, customerPortal, [{ kind: 'cloud_account', name: 'Customer portal tenant', holder: 'shared', clientAdminAccess: true, lastVerifiedOn: on(-60), location: 'Nimbus console, tenant northwind-web' }]);
  await profile(-60, customerPortal, { rtoHours: 12, rpoHours: 4, substitutability: 'easy', skills: [{ name: 'Web server operations', coverage: 'basic', coveredById: admin }] });
  await drill(-60, customerPortal, { scenario: 'Restore the customer portal elsewhere', kind: 'live', participants: ['Adam Admin'] }, { data_export: { result: 'done', minutesTaken: 180 }, documentation_handover: 'done' });

  // BackupVault, off-site backup: fair.
  const backup = eng('Off-site backup');
  await plan(-150, backup, { target: 'vendor', alternativeName: 'Northwind’s second data centre', timelineDays: 60 });
  await assets(-100, backup, [
    { kind: 'data_store', name: 'Backup repository', holder: 'shared', clientAdminAccess: true, lastVerifiedOn: on(-100), location: 'BackupVault, vault NW-01' },
    { kind: 'credentials_vault', name: 'Backup encryption keys', holder: 'client', clientAdminAccess: true, lastVerifiedOn: on(-100), location: 'Our key vault' },
    { kind: 'software_licence', name: 'Backup agent licences', holder: 'vendor', clientAdminAccess: false, location: 'BackupVault contract schedule 2' },
  ]);
  await profile(-100, backup, { rtoHours: 24, rpoHours: 24, substitutability: 'easy', skills: [{ name: 'Backup and restore', coverage: 'can_run', coveredById: admin }], backupOwnerIds: [admin], daysAlone: 30 });
  await drill(-100, backup, { scenario: 'BackupVault loses our vault', kind: 'live', participants: ['Adam Admin'] }, { data_export: { result: 'done', minutesTaken: 300 }, revoke_accounts: 'done' });

  // Brightline, network and server operations: critical and not ready.
  const network = eng('Network and server operations');
  await plan(-430, network, { target: 'in_house', timelineDays: 180, budgetMinor: 25_000_000, currency: 'EUR', triggers: ['insolvency', 'sla_breach', 'contract_end'] });
  await assets(-300, network, [
    { kind: 'source_repository', name: 'Network device configurations', holder: 'vendor', clientAdminAccess: false, location: 'Brightline jump host only', notes: 'No copy on our side.' },
    { kind: 'credentials_vault', name: 'Server and switch admin passwords', holder: 'vendor', clientAdminAccess: false, location: 'Brightline password manager' },
    { kind: 'monitoring', name: 'Network monitoring', holder: 'vendor', clientAdminAccess: false, location: 'Brightline NOC' },
    { kind: 'cloud_account', name: 'Virtualisation cluster', holder: 'shared', clientAdminAccess: true, lastVerifiedOn: on(-300), location: 'vCenter in our data centre' },
    { kind: 'documentation', name: 'Network diagrams', holder: 'vendor', clientAdminAccess: false, location: 'Brightline SharePoint', notes: 'Last copy we received is from 2023.' },
  ]);
  await accounts(network, [
    { system: 'Active Directory', account: 'bl-admin', mfaEnforced: false, notes: 'Domain admin.' },
    { system: 'Firewall management', account: 'brightline-noc', mfaEnforced: true },
  ]);
  await profile(-300, network, {
    rtoHours: 4,
    rpoHours: 4,
    substitutability: 'hard',
    substitutabilityReason: 'A custom network design that three Brightline engineers know.',
    skills: [
      { name: 'Network engineering', coverage: 'none' },
      { name: 'Linux and Windows server administration', coverage: 'basic', coveredById: analyst },
      { name: 'Backup restore', coverage: 'can_run', coveredById: admin },
    ],
    runbooks: [{ title: 'Server restart order', location: 'Wiki › Infrastructure', lastReviewedOn: on(-500) }],
    daysAlone: 1,
  });
  const failed = await drill(-45, network, { scenario: 'Brightline becomes insolvent overnight', kind: 'tabletop', participants: ['Olivia Owner', 'Adam Admin', 'Ana Analyst'], notes: 'We could not get at the device configurations without Brightline.' }, {
    give_notice: 'done',
    knowledge_transfer: { result: 'problem', note: 'Only one engineer could be reached.' },
    documentation_handover: { result: 'problem', note: 'Diagrams are three years old.' },
    source_handover: { result: 'not_possible', note: 'Configurations live only on Brightline’s jump host.' },
    data_export: { result: 'not_possible', minutesTaken: 600, note: 'No export of the monitoring history exists.' },
    revoke_accounts: { result: 'done', minutesTaken: 45 },
  });
  // One gap already closed since: the admin account now needs a second factor.
  if (failed.actions[0]) await updateAction(at(-20), failed.actions[0].id, { status: 'done' });
  // The rest get owners; one more gap was found in an audit, not a drill.
  for (const a of failed.actions.slice(1)) await updateAction(at(-40), a.id, { ownerUserId: admin, dueOn: on(10) });
  await createAction(at(-15), network, ActionInput.parse({ title: 'Get a copy of the switch and firewall configurations every month', detail: 'The internal audit found no copy on our side; ask Brightline to push them to our Git server.', ownerUserId: analyst, dueOn: on(-3) }));

  // Kestrel, order portal development: our source code sits in the vendor's repositories.
  const portal = eng('Order portal development');
  await plan(-320, portal, { target: 'in_house', timelineDays: 90 });
  await assets(-320, portal, [
    { kind: 'source_repository', name: 'Order portal source code', holder: 'vendor', clientAdminAccess: false, location: 'Kestrel GitLab', notes: 'Escrow asked for, not signed.' },
    { kind: 'build_pipeline', name: 'Order portal build and deploy', holder: 'vendor', clientAdminAccess: false, location: 'Kestrel Jenkins' },
    { kind: 'domain_dns', name: 'orders.northwind.example', holder: 'client', clientAdminAccess: true, lastVerifiedOn: on(-320), location: 'Our registrar account' },
  ]);
  await profile(-320, portal, { rtoHours: 48, rpoHours: 24, substitutability: 'moderate', substitutabilityReason: 'A standard web stack, but undocumented business rules.', skills: [{ name: 'TypeScript development', coverage: 'basic', coveredById: manager }], backupOwnerIds: [manager] });
  await drill(-320, portal, { scenario: 'Kestrel’s team is reassigned', kind: 'tabletop', participants: ['Maria Manager'] }, { source_handover: { result: 'problem', note: 'A copy of the code, but the build needs Kestrel’s Jenkins.' }, documentation_handover: 'done' });

  // Sentinel, managed detection and response: critical, no plan, no exit clause.
  const mdr = eng('Managed detection and response');
  await assets(-200, mdr, [
    { kind: 'monitoring', name: 'SIEM and detection rules', holder: 'vendor', clientAdminAccess: false, location: 'Sentinel platform' },
    { kind: 'data_store', name: 'Security logs (13 months)', holder: 'vendor', clientAdminAccess: false, location: 'Sentinel platform' },
  ]);
  await accounts(mdr, [{ system: 'Azure AD', account: 'sentinel-svc', mfaEnforced: false, notes: 'Global reader plus security admin.' }]);
  await profile(-200, mdr, { rtoHours: 2, substitutability: 'hard', substitutabilityReason: 'Detection rules and log history stay on Sentinel’s platform.', skills: [{ name: 'Security monitoring', coverage: 'none' }] });

  // Atlas, plant desktop support: the exit is running; Atlas's contact hands steps in through the portal.
  const desktop = eng('Plant desktop support');
  const vendorId = (await getEngagement(ctx, desktop)).vendorId;
  const contact = await createUser(ctx, { ...ATLAS_CONTACT, role: 'vendor_contact', password, vendorId });
  const asContact = (days: number): Ctx => ({ ...at(days), actor: actorOf(contact, ctx.actor.orgId) });
  await accounts(desktop, [{ system: 'Plant Active Directory', account: 'atlas-desk', mfaEnforced: false }]);
  await assets(-60, desktop, [{ kind: 'documentation', name: 'Plant PC images and build notes', holder: 'vendor', clientAdminAccess: false, location: 'Atlas file share' }]);
  const exitPlan = await plan(-60, desktop, { target: 'vendor', alternativeName: 'Ferrum IT Services', budgetMinor: 3_500_000, currency: 'GBP', timelineDays: 120, notes: 'Ferrum starts on 1 April; keep Atlas cordial until the images are handed over.' });
  await startExit(at(-40), exitPlan.id);
  const steps = new Map((await engagementExit(ctx, desktop)).plan!.steps.map((s) => [s.key, s.id]));
  await updateStep(at(-40), steps.get('give_notice')!, { status: 'done', internalNote: 'Notice letter sent by registered post.' });
  await deliverStep(asContact(-12), steps.get('knowledge_transfer')!, 'Three sessions held with Ferrum; recordings on the shared drive, folder Handover/KT.');
  await updateStep(at(-10), steps.get('knowledge_transfer')!, { status: 'done' });
  await uploadStepFile(asContact(-3), steps.get('documentation_handover')!, { name: 'plant-pc-build-notes.pdf', stream: Readable.from([SMALL_PDF]), declaredBytes: SMALL_PDF.length });
  await deliverStep(asContact(-3), steps.get('documentation_handover')!, 'PC images and build notes uploaded to the shared drive, folder Handover/Images.');
  await updateStep(at(-2), steps.get('licence_transfer')!, { ownerUserId: manager, internalNote: 'Check the imaging tool licence is in our name.' });
}
