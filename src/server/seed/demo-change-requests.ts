import type { User } from '../../shared/contracts/users.ts';
import type { Ctx } from '../context.ts';
import { updateChangeRequest } from '../modules/costs/costs.public.ts';
import { listUsers } from '../modules/users/users.public.ts';
import type { OrgHandle } from './builders/core.ts';
import { aChangeRequest } from './builders/costs.ts';

/**
 * The demo's change requests, one in every state, on three vendors: Kestrel's weekend
 * rehearsal (approved, billed on an invoice line), its loyalty points (implemented: the
 * budget and the contract value were amended), its guest checkout (raised by Kestrel in the
 * portal, under review) and native app (raised by Kestrel, rejected); HelpPoint's Saturday
 * hours (proposed by the client) and self-service password reset (raised by HelpPoint's
 * contact — the demo's portal sign-in); Brightline's extra servers (approved, recurring) and the
 * retired print servers taken out of its scope (approved, a saving).
 * Returns the ids by title. Run after the budgets exist, before the invoices that bill them.
 */
export async function seedDemoChangeRequests(
  ctx: Ctx,
  at: (days: number) => OrgHandle,
  contractIds: Map<string, string>,
  engagementIds: Map<string, string>,
  milestoneIds: Map<string, string>,
): Promise<Map<string, string>> {
  const eng = (name: string) => engagementIds.get(name)!;
  const contract = (title: string) => contractIds.get(title)!;
  const milestone = (name: string) => milestoneIds.get(name);
  const users = (await listUsers(ctx, { limit: 200 })).items as User[];
  const contactOf = (email: string) => users.find((u) => u.email === email);
  const ids = new Map<string, string>();
  const add = async (days: number, o: Parameters<typeof aChangeRequest>[1]) => ids.set(o!.title!, (await aChangeRequest(at(days), o)).id);

  const portal = eng('Order portal development');
  const sow = contract('Kestrel order portal statement of work');
  await add(-95, {
    engagementId: portal,
    contractId: sow,
    title: 'Loyalty points in the order portal',
    reason: 'Sales wants repeat dealers rewarded from the spring campaign on.',
    scope: 'Earn and redeem points at checkout; a points balance on the account page; a monthly points export to the CRM. Hosting of the points service billed monthly.',
    currency: 'EUR',
    oneOffMinor: 2_400_000,
    recurringMinor: 45_000,
    recurringMonths: 12,
    scheduleDays: 20,
    milestoneIds: [milestone('Checkout and payments'), milestone('Go-live and hypercare')].filter((m): m is string => !!m),
    internalNote: 'Funded from the sales budget line; agreed with the CFO.',
    state: 'implemented',
  });
  await add(-12, {
    engagementId: portal,
    contractId: sow,
    title: 'Weekend go-live rehearsal',
    reason: 'The CIO wants a full rehearsal of the cut-over before the checkout release.',
    scope: 'Twelve hours of weekend work by two engineers: restore production data to staging, run the cut-over script, time it, roll back.',
    currency: 'EUR',
    oneOffMinor: 114_000,
    milestoneIds: [milestone('Checkout and payments')].filter((m): m is string => !!m),
    state: 'approved',
  });
  const arjun = contactOf('arjun.mehta@kestrel-labs.example');
  const guest = await add(-5, {
    engagementId: portal,
    title: 'Guest checkout without an account',
    reason: 'Dealers ordering once a year drop out at the sign-up step (38 % of abandoned carts).',
    scope: 'Let a dealer order with an e-mail address only; an account can be made from the order later.',
    currency: 'EUR',
    oneOffMinor: 1_800_000,
    scheduleDays: 15,
    contact: arjun,
    raisedBy: 'vendor',
    state: 'under_review',
  });
  // Under review, the client names the contract the change would amend (the vendor cannot see contracts).
  await updateChangeRequest(at(-4).ctx(), guest.get('Guest checkout without an account')!, { contractId: sow, internalNote: 'Worth it if the abandoned carts number holds; ask sales.' });
  await add(-40, {
    engagementId: portal,
    title: 'Native mobile ordering app',
    reason: 'Field sales would order from the road.',
    scope: 'iOS and Android apps on top of the order portal API.',
    currency: 'EUR',
    oneOffMinor: 9_500_000,
    recurringMinor: 120_000,
    recurringMonths: 24,
    scheduleDays: 90,
    contact: arjun,
    raisedBy: 'vendor',
    state: 'rejected',
    rejectReason: 'Not this year: the mobile ordering pilot in the responsive portal comes first. Raise it again after the pilot review.',
  });

  const desk = eng('24/7 service desk');
  await add(-3, {
    engagementId: desk,
    contractId: contract('HelpPoint service desk agreement'),
    title: 'Saturday service desk hours',
    reason: 'The plants run a Saturday shift from next quarter.',
    scope: 'Staffed desk on Saturdays 06:00–14:00 CET, same SLA as weekdays.',
    currency: 'EUR',
    recurringMinor: 280_000,
    recurringMonths: 12,
  });
  await add(-8, {
    engagementId: desk,
    title: 'Self-service password reset',
    reason: 'A third of our tickets are password resets; self-service would cut them and the cost of tickets above the volume.',
    scope: 'Set up the vendor’s self-service reset portal against our directory, with enrolment by SMS.',
    currency: 'EUR',
    oneOffMinor: 650_000,
    scheduleDays: 0,
    contact: contactOf('contact@demo.outsight.test'),
    raisedBy: 'vendor',
  });

  await add(-30, {
    engagementId: eng('Network and server operations'),
    contractId: contract('Brightline statement of work 2026'),
    title: 'Monitor the 20 new plant servers',
    reason: 'The new plant in Brno brings 20 servers into operations.',
    scope: 'Add the servers to monitoring, patching and backup under the same service levels.',
    currency: 'EUR',
    recurringMinor: 150_000,
    recurringMonths: 24,
    state: 'approved',
  });
  // Descoping: the retired Leipzig print servers leave monitoring — a saving, approved, that lowers the budget, the contract value and scope creep.
  await add(-10, {
    engagementId: eng('Network and server operations'),
    contractId: contract('Brightline statement of work 2026'),
    title: 'Stop monitoring the retired Leipzig print servers',
    reason: 'The six print servers in Leipzig were switched off when printing moved to the cloud service.',
    scope: 'Remove the six servers from monitoring, patching and backup; archive their last backups for one year.',
    currency: 'EUR',
    oneOffMinor: 0,
    recurringMinor: -40_000,
    recurringMonths: 14,
    state: 'approved',
  });
  return ids;
}
