import { randomUUID } from 'node:crypto';
import { addDays, civilDateIn, MONTH_NAMES } from '../../domain/civil-date.ts';
import type { User } from '../../shared/contracts/users.ts';
import type { Ctx } from '../context.ts';
import { getEngagement } from '../modules/engagements/engagements.public.ts';
import { listUsers } from '../modules/users/users.public.ts';
import type { OrgHandle } from './builders/core.ts';
import { aUser } from './builders/core.ts';
import { aDeliverable, aMilestone, aPayment, type DeliverableOptions } from './builders/deliverables.ts';
import { handleOf } from './builders/due-diligence.ts';

const DAY = 86_400_000;

/**
 * The demo's deliverables and payment plan, through the builders (so the services): the
 * Kestrel order portal statement of work with milestones, accepted, rejected and late
 * deliverables, a payment blocked by its milestone and one paid by override; HelpPoint's
 * monthly reports waiting in the demo vendor contact's portal; a few more vendors, in
 * several currencies, so the on-time rates and the schedule differ. Dates are relative to
 * `ctx.now`, so the demo always has something due and something late.
 */
/** Returns the Kestrel statement of work's milestones by name (the demo's invoices bill them). */
export async function seedDemoDeliverables(ctx: Ctx, contractIds: Map<string, string>, engagementIds: Map<string, string>): Promise<Map<string, string>> {
  const owner: User = { id: ctx.actor.userId, email: ctx.actor.email, name: ctx.actor.name, role: 'owner', vendorId: null, disabled: false, createdAt: ctx.now.toISOString() } as User;
  /** The organisation as it was `days` from now (negative: in the past), for history. */
  const at = (days: number): OrgHandle => handleOf({ ...ctx, now: new Date(ctx.now.getTime() + days * DAY) }, owner);
  const today = civilDateIn(ctx.now, 'UTC');
  const d = (days: number) => addDays(today, days);
  const eng = (name: string) => engagementIds.get(name)!;
  const contract = (title: string) => contractIds.get(title) ?? null;
  const now = at(0);
  const deliverable = (days: number, o: DeliverableOptions) => aDeliverable(at(days), o);

  // The vendors' own contacts, who hand deliverables in (the HelpPoint one is the demo sign-in).
  const users = await listUsers(ctx, { limit: 200 });
  const helppointContact = users.items.find((u) => u.email === 'contact@demo.outsight.test') as User | undefined;
  const contactOf = async (vendorEngagement: string, email: string, name: string) => {
    const { vendorId } = await getEngagement(ctx, eng(vendorEngagement));
    return aUser(now, { role: 'vendor_contact', vendorId, email, name, password: randomUUID() });
  };
  const kestrel = await contactOf('Order portal development', 'arjun.mehta@kestrel-labs.example', 'Arjun Mehta (Kestrel)');
  const brightline = await contactOf('Network and server operations', 'k.vogel@brightline.example', 'Katrin Vogel (Brightline)');
  const sentinel = await contactOf('Managed detection and response', 'e.martin@sentinel-soc.example', 'Élodie Martin (Sentinel)');

  // ---- Kestrel: the order portal statement of work, milestone by milestone.
  const portal = eng('Order portal development');
  const sow = contract('Kestrel order portal statement of work');
  const design = await aMilestone(now, { engagementId: portal, contractId: sow, name: 'Design and architecture', dueDate: d(-75), position: 1 });
  await deliverable(-80, {
    engagementId: portal,
    milestoneId: design.id,
    title: 'Solution architecture document',
    description: 'Components, interfaces to the ERP, hosting on Nimbus, security design.',
    criteria: ['Covers every interface to the ERP', 'Security design reviewed by our architect', 'Hosting sizing agreed with Nimbus'],
    dueDate: d(-82),
    graceDays: 5,
    state: 'accepted',
    contact: kestrel,
    withFile: true,
    note: 'Architecture document v1.2 attached.',
  });
  await deliverable(-70, {
    engagementId: portal,
    milestoneId: design.id,
    title: 'Clickable UX prototype',
    criteria: ['Checkout in at most four steps', 'Tested with five customers'],
    dueDate: d(-80),
    graceDays: 5,
    state: 'accepted',
    contact: kestrel,
    note: 'Prototype link and test notes.',
  });
  await aPayment(at(-68), { engagementId: portal, milestoneId: design.id, label: 'Design milestone instalment', amountMinor: 1_800_000, currency: 'EUR', dueDate: d(-70), paidOn: d(-66), note: 'Invoice KSL-2026-031.' });

  const checkout = await aMilestone(now, { engagementId: portal, contractId: sow, name: 'Checkout and payments', dueDate: d(-5), position: 2 });
  await deliverable(-12, { engagementId: portal, milestoneId: checkout.id, title: 'Checkout flow release 1.0', criteria: ['All acceptance tests pass', 'No open high-severity defects'], dueDate: d(-14), graceDays: 3, state: 'accepted', contact: kestrel, withFile: true });
  await deliverable(-3, {
    engagementId: portal,
    milestoneId: checkout.id,
    title: 'Payment provider integration',
    description: 'Card and invoice payments through the payment provider, with refunds.',
    criteria: ['Card payments and 3-D Secure work', 'Refunds work for full and partial orders', 'Penetration test findings fixed'],
    dueDate: d(-8),
    graceDays: 5,
    state: 'rejected',
    contact: kestrel,
    withFile: true,
    rejectionReason: 'Refunds fail for partial orders (test report TR-14, cases 7–9). Fix and hand in again with the re-test.',
    internalNote: 'Do not release the checkout instalment before the re-test.',
  });
  await deliverable(-20, { engagementId: portal, milestoneId: checkout.id, title: 'Load test report', criteria: ['500 concurrent users at under 2 s per page'], dueDate: d(-12), graceDays: 5, state: 'in_progress' });
  await aPayment(now, { engagementId: portal, milestoneId: checkout.id, label: 'Checkout milestone instalment', amountMinor: 2_400_000, currency: 'EUR', dueDate: d(10), note: 'Invoice expected with the milestone.' });

  const mobile = await aMilestone(now, { engagementId: portal, contractId: sow, name: 'Mobile ordering pilot', dueDate: d(-25), position: 3 });
  await deliverable(-22, { engagementId: portal, milestoneId: mobile.id, title: 'Mobile pilot acceptance test', criteria: ['Orders from iOS and Android reach the ERP', 'Twenty pilot customers ordered'], dueDate: d(-25), graceDays: 3, state: 'rejected', contact: kestrel, rejectionReason: 'Only eleven pilot customers ordered; Android orders lose the delivery note.' });
  await aPayment(at(-15), {
    engagementId: portal,
    milestoneId: mobile.id,
    label: 'Mobile pilot instalment',
    amountMinor: 850_000,
    currency: 'EUR',
    dueDate: d(-18),
    paidOn: d(-15),
    overrideReason: "Paid on the CFO's instruction to keep the pilot team; the acceptance test is re-run in January.",
  });

  const golive = await aMilestone(now, { engagementId: portal, contractId: sow, name: 'Go-live and hypercare', dueDate: d(45), position: 4 });
  await deliverable(0, { engagementId: portal, milestoneId: golive.id, title: 'Production go-live', criteria: ['Cut-over plan rehearsed', 'Rollback tested'], dueDate: d(40), graceDays: 2 });
  await deliverable(0, { engagementId: portal, milestoneId: golive.id, title: 'Hypercare report', criteria: ['Incidents of the first 30 days with causes'], dueDate: d(75), graceDays: 5 });
  await aPayment(now, { engagementId: portal, milestoneId: golive.id, label: 'Go-live instalment', amountMinor: 3_000_000, currency: 'EUR', dueDate: d(50) });
  await aPayment(now, { engagementId: eng('Order portal maintenance'), contractId: contract('Kestrel master agreement'), label: 'Maintenance retainer – this quarter', amountMinor: 960_000, currency: 'EUR', dueDate: d(20) });

  // ---- HelpPoint: monthly reports; the demo vendor contact hands in last month's in the portal.
  const desk = eng('24/7 service desk');
  const deskAgreement = contract('HelpPoint service desk agreement');
  const monthName = (back: number) => {
    const m = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth() - back, 1));
    return MONTH_NAMES[m.getUTCMonth()];
  };
  const reportCriteria = ['Ticket volumes per priority', 'SLA attainment per priority, each breach explained', 'Customer satisfaction score and comments'];
  if (helppointContact) {
    await deliverable(-30, { engagementId: desk, contractId: deskAgreement, title: `Monthly service report – ${monthName(2)}`, criteria: reportCriteria, dueDate: d(-31), graceDays: 5, state: 'accepted', contact: helppointContact, withFile: true });
    await deliverable(-10, {
      engagementId: desk,
      contractId: deskAgreement,
      title: 'Quarterly knowledge-base review',
      criteria: ['Every article older than a year reviewed', 'Outdated articles retired'],
      dueDate: d(-6),
      graceDays: 10,
      state: 'rejected',
      contact: helppointContact,
      rejectionReason: 'The VPN articles still describe the old client; retire them or rewrite them.',
    });
  }
  await deliverable(0, {
    engagementId: desk,
    contractId: deskAgreement,
    title: `Monthly service report – ${monthName(1)}`,
    description: 'The service report the agreement asks for by the fifth working day of the month.',
    criteria: reportCriteria,
    dueDate: d(3),
    graceDays: 5,
    internalNote: 'Compare the SLA numbers with our own measurement on the SLA tab.',
  });
  await deliverable(0, { engagementId: eng('Onboarding and offboarding'), title: 'Leaver checklist audit – this quarter', criteria: ['Every leaver disabled on the last day', 'Hardware returned'], dueDate: d(20), graceDays: 0, state: 'in_progress' });
  await aPayment(now, { engagementId: desk, contractId: deskAgreement, label: `Service desk fee – ${monthName(0)}`, amountMinor: 1_450_000, currency: 'EUR', dueDate: d(10) });
  await aPayment(at(-25), { engagementId: desk, contractId: deskAgreement, label: `Service desk fee – ${monthName(1)}`, amountMinor: 1_450_000, currency: 'EUR', dueDate: d(-20), paidOn: d(-19) });

  // ---- Brightline, Sentinel, PayrollCloud, Atlas: more vendors, other currencies.
  const ops = eng('Network and server operations');
  const brightSow = contract('Brightline statement of work 2026');
  await deliverable(-40, { engagementId: ops, contractId: brightSow, title: 'Disaster recovery test report', criteria: ['ERP restored within four hours', 'Lessons learned with owners'], dueDate: d(-55), graceDays: 10, state: 'accepted', contact: brightline, withFile: true });
  await deliverable(-28, { engagementId: ops, contractId: brightSow, title: 'Firewall rule review', criteria: ['Every rule has an owner', 'Unused rules removed'], dueDate: d(-27), graceDays: 5, state: 'accepted', contact: brightline });
  await deliverable(0, { engagementId: ops, contractId: brightSow, title: 'Capacity plan for next year', criteria: ['Storage and network growth per site'], dueDate: d(30), graceDays: 10 });
  await aPayment(now, { engagementId: ops, contractId: brightSow, label: 'Operations fee – next quarter', amountMinor: 4_200_000, currency: 'EUR', dueDate: d(27) });

  const mdr = eng('Managed detection and response');
  const mdrAgreement = contract('Sentinel managed detection agreement');
  await deliverable(-35, { engagementId: mdr, contractId: mdrAgreement, title: 'Threat report – quarter before last', criteria: ['Incidents with response times', 'Detection rule changes'], dueDate: d(-50), graceDays: 5, state: 'accepted', contact: sentinel });
  await deliverable(-1, { engagementId: mdr, contractId: mdrAgreement, title: `Monthly threat report – ${monthName(1)}`, criteria: ['Incidents with response times', 'Top ten alerts and their tuning'], dueDate: d(1), graceDays: 5, state: 'submitted', contact: sentinel, withFile: true });
  await deliverable(0, { engagementId: eng('Quarterly vulnerability scans'), contractId: mdrAgreement, title: 'Vulnerability scan – this quarter', criteria: ['Every internet-facing host scanned', 'Critical findings retested'], dueDate: d(-21), graceDays: 7 });

  await aPayment(now, { engagementId: eng('Payroll platform'), contractId: contract('PayrollCloud subscription'), label: 'Annual subscription', amountMinor: 3_600_000, currency: 'USD', dueDate: d(25) });
  await aPayment(now, { engagementId: eng('Plant desktop support'), contractId: contract('Atlas field services agreement'), label: 'On-site support – this month', amountMinor: 320_000, currency: 'GBP', dueDate: d(12) });
  return new Map([design, checkout, mobile, golive].map((m) => [m.name, m.id]));
}
