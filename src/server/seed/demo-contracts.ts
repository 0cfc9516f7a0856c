import { addDays, addMonths, civilDateIn, lastDayOfMonth } from '../../domain/civil-date.ts';
import { ContractInput, CustomKeyDateInput, NoticeInput } from '../../shared/contracts/contracts.ts';
import type { Ctx } from '../context.ts';
import { addCustomDate, createContract, recordNotice } from '../modules/contracts/contracts.public.ts';

/**
 * The demo organisation's contracts, through the services (dates relative to `ctx.now`, so
 * the demo always has notice deadlines ahead). Returns each contract's id by title, for the
 * clause review and the deliverables the other demo seeds add.
 *
 * Good and bad cases: Brightline's master agreement renews unless notice is given in about
 * six weeks; Nimbus's decide-by date has already passed with the notice deadline days away
 * (an exposure on the dashboard); DocuFlow's deadline has just passed (it renews, the next
 * chance is named); Atlas has been given notice and ends on 31 March 2027.
 */
export async function seedDemoContracts(ctx: Ctx, vendorIds: Map<string, string>, engagementIds: Map<string, string>): Promise<Map<string, string>> {
  const today = civilDateIn(ctx.now, 'UTC');
  const ids = new Map<string, string>();
  const vendor = (name: string) => vendorIds.get(name)!;
  const engagements = (...names: string[]) => names.map((n) => engagementIds.get(n)).filter((id): id is string => !!id);
  const add = async (input: Record<string, unknown>) => {
    const c = await createContract(ctx, ContractInput.parse({ internalOwnerId: ctx.actor.userId, ...input }));
    ids.set(c.title, c.id);
    return c;
  };
  /** A term end `months` ahead, on a month's last day, so the notice deadline is a month's last day too. */
  const monthEnd = (months: number) => lastDayOfMonth(addMonths(today, months));
  const started = (end: string, months: number) => addDays(addMonths(end, -months), 1);

  // Brightline: the master agreement renews in about four months; 3 months' notice puts the deadline some six weeks ahead.
  const blEnd = monthEnd(4);
  const blMsa = await add({
    vendorId: vendor('Brightline Managed Services'),
    type: 'master_agreement',
    title: 'Brightline master services agreement',
    reference: 'BL-MSA-2023',
    status: 'active',
    signedOn: addDays(started(blEnd, 36), -20),
    effectiveOn: started(blEnd, 36),
    initialTermEnd: blEnd,
    renewalKind: 'automatic',
    renewalMonths: 12,
    noticeUnit: 'months',
    noticeCount: 3,
    convenienceTermination: true,
    convenienceNoticeUnit: 'months',
    convenienceNoticeCount: 6,
    currency: 'EUR',
    annualValueMinor: 480_000_00,
    totalValueMinor: 1_440_000_00,
    engagementIds: engagements('Network and server operations', 'Patch management', 'Out-of-hours on-call'),
    notes: 'Framework for all infrastructure services; pricing per statement of work.',
  });
  await addCustomDate(ctx, blMsa.id, CustomKeyDateInput.parse({ title: 'Benchmarking window opens', date: addDays(today, 21), note: 'Clause 14.2: one price benchmark per contract year.' }));
  const yearStart = `${today.slice(0, 4)}-01-01`;
  await add({
    vendorId: vendor('Brightline Managed Services'),
    type: 'statement_of_work',
    parentId: blMsa.id,
    title: 'Brightline statement of work 2026',
    reference: 'BL-SOW-2026-01',
    status: 'active',
    signedOn: addDays(yearStart, -14),
    effectiveOn: yearStart,
    initialTermEnd: `${today.slice(0, 4)}-12-31`,
    currency: 'EUR',
    totalValueMinor: 360_000_00,
    engagementIds: engagements('Network and server operations'),
  });

  // Kestrel: a master agreement, a statement of work with its value, and an amendment.
  const kEnd = addDays(today, 200);
  const kMsa = await add({
    vendorId: vendor('Kestrel Software Labs'),
    type: 'master_agreement',
    title: 'Kestrel master agreement',
    reference: 'KSL-MA-01',
    status: 'active',
    signedOn: '2024-01-15',
    effectiveOn: '2024-02-01',
    initialTermEnd: kEnd,
    renewalKind: 'automatic',
    renewalMonths: 24,
    noticeUnit: 'days',
    noticeCount: 90,
    engagementIds: engagements('Order portal development', 'Order portal maintenance'),
  });
  await add({
    vendorId: vendor('Kestrel Software Labs'),
    type: 'statement_of_work',
    parentId: kMsa.id,
    title: 'Kestrel order portal statement of work',
    reference: 'KSL-SOW-07',
    status: 'active',
    signedOn: addDays(today, -150),
    effectiveOn: addDays(today, -140),
    initialTermEnd: addDays(today, 120),
    currency: 'EUR',
    totalValueMinor: 240_000_00,
    engagementIds: engagements('Order portal development'),
    notes: 'Fixed price, paid by milestone.',
  });
  await add({
    vendorId: vendor('Kestrel Software Labs'),
    type: 'amendment',
    parentId: kMsa.id,
    title: 'Kestrel amendment 1: extended warranty',
    reference: 'KSL-MA-01-A1',
    status: 'signed',
    signedOn: addDays(today, -30),
    effectiveOn: addDays(today, -30),
    engagementIds: engagements('Order portal development', 'Order portal maintenance'),
    notes: 'Warranty on delivered software extended from 3 to 12 months.',
  });

  // Nimbus: the bad case — the date to decide by has passed, the notice deadline is a few days away.
  const nDeadline = addDays(today, 6);
  const nimbus = await add({
    vendorId: vendor('Nimbus Cloud Hosting'),
    type: 'master_agreement',
    title: 'Nimbus hosting agreement',
    reference: 'NCH-2022-118',
    status: 'active',
    signedOn: '2022-05-10',
    effectiveOn: '2022-06-01',
    initialTermEnd: addMonths(nDeadline, 6),
    renewalKind: 'automatic',
    renewalMonths: 12,
    noticeUnit: 'months',
    noticeCount: 6,
    currency: 'EUR',
    annualValueMinor: 156_000_00,
    engagementIds: engagements('ERP hosting', 'Customer portal hosting'),
  });
  await add({
    vendorId: vendor('Nimbus Cloud Hosting'),
    type: 'data_processing_agreement',
    parentId: nimbus.id,
    title: 'Nimbus data processing agreement',
    reference: 'NCH-DPA-2022',
    status: 'active',
    signedOn: '2022-05-10',
    effectiveOn: '2022-06-01',
    engagementIds: engagements('ERP hosting', 'Customer portal hosting'),
  });

  // HelpPoint: the vendor contact's company; a price review the user added.
  const hp = await add({
    vendorId: vendor('HelpPoint Service Desk'),
    type: 'master_agreement',
    title: 'HelpPoint service desk agreement',
    reference: 'HP-SDA-2023',
    status: 'active',
    signedOn: '2023-03-01',
    effectiveOn: '2023-04-01',
    initialTermEnd: addDays(today, 150),
    renewalKind: 'automatic',
    renewalMonths: 12,
    noticeUnit: 'days',
    noticeCount: 60,
    currency: 'EUR',
    annualValueMinor: 222_000_00,
    engagementIds: engagements('24/7 service desk', 'Onboarding and offboarding'),
  });
  await addCustomDate(ctx, hp.id, CustomKeyDateInput.parse({ title: 'Price review (index clause)', date: addDays(today, 45), note: 'Prices may rise by the consumer price index, at most 4 %.' }));

  await add({
    vendorId: vendor('Sentinel SOC'),
    type: 'master_agreement',
    title: 'Sentinel managed detection agreement',
    reference: 'SOC-FR-2024-03',
    status: 'active',
    signedOn: '2023-12-01',
    effectiveOn: '2024-01-01',
    initialTermEnd: '2026-12-31' > today ? '2026-12-31' : lastDayOfMonth(addMonths(today, 14)),
    renewalKind: 'automatic',
    renewalMonths: 36,
    noticeUnit: 'months',
    noticeCount: 6,
    currency: 'EUR',
    annualValueMinor: 198_000_00,
    engagementIds: engagements('Managed detection and response', 'Quarterly vulnerability scans'),
    notes: 'No exit assistance clause: the critical security service has no agreed way out.',
  });

  await add({
    vendorId: vendor('PayrollCloud'),
    type: 'order_form',
    title: 'PayrollCloud subscription',
    reference: 'PC-ORD-55120',
    status: 'active',
    signedOn: '2021-08-20',
    effectiveOn: '2021-09-01',
    initialTermEnd: addDays(today, 75),
    renewalKind: 'automatic',
    renewalMonths: 12,
    noticeUnit: 'days',
    noticeCount: 30,
    currency: 'USD',
    annualValueMinor: 48_000_00,
    engagementIds: engagements('Payroll platform'),
    notes: 'Click-through terms; no data processing agreement signed.',
  });

  // DocuFlow: the notice deadline passed a few days ago, so it renews; the next chance is a year on.
  await add({
    vendorId: vendor('DocuFlow'),
    type: 'order_form',
    title: 'DocuFlow order form',
    reference: 'DF-2022-0042',
    status: 'active',
    signedOn: '2022-01-10',
    effectiveOn: '2022-01-15',
    initialTermEnd: addDays(today, 25),
    renewalKind: 'automatic',
    renewalMonths: 12,
    noticeUnit: 'months',
    noticeCount: 1,
    currency: 'SEK',
    annualValueMinor: 96_000_00,
    engagementIds: engagements('Document management'),
  });

  // Atlas: notice of non-renewal given; the services end on 31 March 2027.
  const atlas = await add({
    vendorId: vendor('Atlas Field Services'),
    type: 'master_agreement',
    title: 'Atlas field services agreement',
    reference: 'AFS-2020-07',
    status: 'active',
    signedOn: '2020-04-15',
    effectiveOn: '2020-05-01',
    initialTermEnd: '2021-03-31',
    renewalKind: 'automatic',
    renewalMonths: 12,
    noticeUnit: 'months',
    noticeCount: 3,
    currency: 'GBP',
    annualValueMinor: 64_000_00,
    engagementIds: engagements('Plant desktop support', 'Printer fleet support'),
  });
  const givenOn = '2026-11-14' < today ? '2026-11-14' : today;
  await recordNotice(ctx, atlas.id, NoticeInput.parse({ kind: 'non_renewal', givenOn, method: 'letter', givenBy: ctx.actor.name, note: 'Registered letter to Atlas Field Services Ltd; receipt confirmed by Tom Hughes.' }));

  // Copperleaf: a prospect; the NDA is still being negotiated.
  await add({ vendorId: vendor('Copperleaf Consulting'), type: 'nda', title: 'Copperleaf non-disclosure agreement', status: 'in_negotiation', engagementIds: engagements('ERP upgrade assessment') });
  return ids;
}
