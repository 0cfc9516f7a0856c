import { addDays, civilDateIn } from '../../domain/civil-date.ts';
import type { Template } from '../../domain/questionnaire/template.ts';
import { CheckInput } from '../../shared/contracts/sourcing.ts';
import type { User } from '../../shared/contracts/users.ts';
import type { Ctx } from '../context.ts';
import { answerCheck, decidePilot, getProject, setCriteria } from '../modules/sourcing/sourcing.public.ts';
import { aVendor, type OrgHandle } from './builders/core.ts';
import { anAssessment, answerAll, aQuestionnaire, handleOf } from './builders/due-diligence.ts';
import { anSlaPolicy, someTickets, type TicketSpec } from './builders/sla.ts';
import { aCandidate, aPilot, aProposal, aReference, anInterview, anRfi, aSourcingProject, GOOD_CHECK, scoresBy } from './builders/sourcing.ts';
import { aDeliverable } from './builders/deliverables.ts';
import { aFourthParty } from './builders/risks.ts';
import { aBudget, anInvoice } from './builders/costs.ts';
import { fiscalYearOf } from '../../domain/costs/fiscal.ts';
import { getCostSettings } from '../modules/costs/costs.public.ts';

const DAY = 86_400_000;
const H = 3_600_000;
const WEEKDAYS = [1, 2, 3, 4, 5];

/** A short request for information, sent through the portal to a candidate. */
const RFI: Template = {
  name: 'Request for information: service desk',
  sections: [
    {
      id: 'rfi',
      title: 'About you',
      questions: [
        { id: 'iso', type: 'yes_no', text: 'Are you certified to ISO 27001?', required: true, weight: 2, topic: 'compliance', severity: 'high' },
        { id: 'itil', type: 'yes_no', text: 'Do your agents work to ITIL?', required: true, weight: 1, topic: 'compliance', severity: 'medium' },
        { id: 'languages', type: 'long_text', text: 'Which languages do your agents speak on the phone?', required: false, weight: 0, topic: 'data_security', severity: 'info' },
      ],
    },
  ],
};

export interface DemoPeople {
  manager: User;
  analyst: User;
}

/**
 * Choosing a vendor in the demo, through the builders (so the services):
 * - "Service desk for the Porto plant": evaluated — three prospects, proposals opened, two
 *   evaluators who disagree on one of them, references, interviews, due-diligence scores, a
 *   request for information in the portal, a weight changed with its reason after the
 *   proposals were opened, a ranking that is not robust;
 * - "Cloud backup operations": a pilot measured by the SLA engine, deliverables and invoices,
 *   decided "go" (the vendor active, the engagement running on, a draft contract);
 * - "Payroll processing": a pilot that missed its service levels, decided "no-go" — back to the matrix;
 * - "Plant website hosting": a pilot running, ending in five days (a decision is due);
 * - "Shop-floor data entry": the check said "do not outsource" (it can be automated).
 */
export async function seedDemoSourcing(ctx: Ctx, people: DemoPeople): Promise<void> {
  const owner = { id: ctx.actor.userId, email: ctx.actor.email, name: ctx.actor.name, role: 'owner', vendorId: null } as User;
  const at = (days: number): OrgHandle => handleOf({ ...ctx, now: new Date(ctx.now.getTime() + days * DAY) }, owner);
  const today = civilDateIn(ctx.now, 'UTC');
  const day = (d: number) => addDays(today, d);
  const prospect = (name: string, country: string, timeZone: string, start: string, end: string, contact: string, contactEmail: string) =>
    aVendor(at(-70), {
      name,
      country,
      kind: 'help_desk',
      status: 'prospect',
      tier: 3,
      dataAccess: 'internal',
      contactName: contact,
      contactEmail,
      contactTimeZone: timeZone,
      contactWorkingHours: { days: WEEKDAYS, start, end },
    });

  // ---------------------------------------------------------------- evaluated: three candidates, two evaluators
  const porto = await aSourcingProject(at(-60), {
    name: 'Service desk for the Porto plant',
    scope: 'First-line support by phone and e-mail for 400 staff at the Porto plant, in Portuguese and English; password resets, printers, the ERP client.',
    goals: 'Answer 90 % of calls within a minute; resolve 70 % at first contact.',
    deliverables: 'A knowledge base for the plant, monthly reports, a handover plan at the end.',
    successMeasures: 'First-contact resolution of 70 %, user satisfaction of 4 out of 5.',
    budgetMinor: 18_000_000,
    currency: 'EUR',
    startOn: day(30),
    decideBy: day(9),
    hoursNeeded: { timeZone: 'Europe/Lisbon', days: WEEKDAYS, start: '07:00', end: '19:00' },
  });
  const luso = await prospect('Lusodesk Serviços', 'PT', 'Europe/Lisbon', '07:00', '19:00', 'Inês Carvalho', 'ines@lusodesk.example');
  const atlantico = await prospect('Atlântico IT Services', 'PT', 'Europe/Lisbon', '09:00', '18:00', 'Rui Almeida', 'rui@atlantico-it.example');
  const deskforce = await prospect('DeskForce Global', 'PH', 'Asia/Manila', '08:00', '20:00', 'Paolo Reyes', 'paolo@deskforce.example');
  const c = {
    luso: await aCandidate(at(-55), { projectId: porto.id, vendorId: luso.id }),
    atlantico: await aCandidate(at(-55), { projectId: porto.id, vendorId: atlantico.id }),
    deskforce: await aCandidate(at(-55), { projectId: porto.id, vendorId: deskforce.id }),
  };
  // Who each prospect runs on, from their proposals: the matrix shows which would deepen a dependency
  // we already have — DeskForce on the same night-shift staffing firm and telephony as HelpPoint,
  // Atlântico on the cloud four vendors already use, Lusodesk on nobody we already depend on.
  await aFourthParty(at(-45), { vendorId: deskforce.id, name: 'TeleTech Staffing Inc.', service: 'Agents for the night shift', country: 'PH', dataAccess: 'personal_data' });
  await aFourthParty(at(-45), { vendorId: deskforce.id, name: 'Microsoft Ireland Operations Limited', service: 'Telephony (Teams)', country: 'IE', dataAccess: 'personal_data' });
  await aFourthParty(at(-45), { vendorId: atlantico.id, name: 'Amazon Web Services', service: 'Ticketing platform hosting', country: 'DE', dataAccess: 'personal_data' });
  await aFourthParty(at(-45), { vendorId: luso.id, name: 'Altice Portugal', service: 'Contact-centre telephony', country: 'PT', dataAccess: 'internal' });
  const rfi = await aQuestionnaire(at(-56), { name: RFI.name, definition: RFI });
  await anRfi(at(-54), c.deskforce.id, { templateId: rfi.id, contactEmail: 'paolo@deskforce.example', dueDate: day(5) });
  // Due diligence done for all three: Lusodesk careful, Atlântico and DeskForce with gaps.
  await anAssessment(at(-50), { vendorId: luso.id, state: 'completed', contact: { email: 'ines@lusodesk.example', name: 'Inês Carvalho' } });
  const questionnaire = await aQuestionnaire(at(-50), { name: 'Security review for service desks' });
  // MFA for administrators only: a gap, not a failure.
  const weak = answerAll(questionnaire.definition as Template, (q) => q.id !== 'mfa_scope');
  await anAssessment(at(-50), { vendorId: deskforce.id, questionnaireId: questionnaire.id, state: 'completed', answers: weak, contact: { email: 'security@deskforce.example', name: 'Mara Santos' } });
  await anAssessment(at(-48), { vendorId: atlantico.id, questionnaireId: questionnaire.id, state: 'completed', answers: answerAll(questionnaire.definition as Template, (q) => q.id !== 'mfa'), contact: { email: 'security@atlantico-it.example', name: 'Rui Almeida' } });

  await aProposal(at(-40), c.luso.id, { priceMinor: 16_800_000, receivedOn: day(-42), team: '6 agents, a team lead in Porto', approach: 'On site two days a week, the rest remote from Braga.', files: ['Lusodesk – proposal for the Porto service desk.pdf', 'Lusodesk – team CVs.pdf'] });
  await aProposal(at(-40), c.atlantico.id, { priceMinor: 14_400_000, receivedOn: day(-41), team: '5 agents', approach: 'Remote from Lisbon; a shared team with two other clients.', files: ['Atlântico IT – offer.pdf'] });
  await aProposal(at(-40), c.deskforce.id, { priceMinor: 9_600_000, receivedOn: day(-43), team: '8 agents in Manila, Portuguese speakers from Brazil', approach: 'Follow-the-sun; night shift covers Porto mornings.', files: ['DeskForce proposal v2.pdf', 'DeskForce price sheet.pdf'] });
  // A weight changed after the proposals were opened, with its reason.
  const locked = await getProject(ctx, porto.id);
  await setCriteria(at(-38).ctx(), porto.id, {
    criteria: locked.criteria.map((x) => ({ id: x.id, name: x.name, weight: x.name === 'Cost' ? 20 : x.name === 'Financial stability' ? 5 : x.weight, source: x.source })),
    reason: 'The board asked to weigh cost more after the budget round; financial stability is covered by the parent company guarantee.',
  });

  const scored = [
    [people.manager, c.luso, { 'Expertise for this need': 5, 'Certifications (ISO 27001, ITIL)': 4, 'Financial stability': 4 }],
    [people.analyst, c.luso, { 'Expertise for this need': 4, 'Certifications (ISO 27001, ITIL)': 4, 'Financial stability': 4 }],
    [people.manager, c.atlantico, { 'Expertise for this need': 4, 'Certifications (ISO 27001, ITIL)': 3, 'Financial stability': 5 }],
    [people.analyst, c.atlantico, { 'Expertise for this need': 4, 'Certifications (ISO 27001, ITIL)': 3, 'Financial stability': 4 }],
    // The evaluators disagree on DeskForce's expertise: 2 against 5.
    [people.manager, c.deskforce, { 'Expertise for this need': 2, 'Certifications (ISO 27001, ITIL)': 2, 'Financial stability': 3 }],
    [people.analyst, c.deskforce, { 'Expertise for this need': 5, 'Certifications (ISO 27001, ITIL)': 3, 'Financial stability': 3 }],
  ] as const;
  for (const [who, cand, scores] of scored) await scoresBy(at(-30), who, { projectId: porto.id, candidateId: cand.id }, scores);
  await aReference(at(-35), c.luso.id, { calledOn: day(-35), client: 'Fábrica de Papel do Douro', contactName: 'Helena Costa, IT manager', rating: 5, questions: [{ question: 'Would you sign again?', answer: 'Yes, without hesitation.' }, { question: 'How do they handle a bad week?', answer: 'They call us before we notice.' }] }, people.manager);
  await aReference(at(-35), c.atlantico.id, { calledOn: day(-35), client: 'Banco Meridional', contactName: 'Jorge Pinto, service owner', rating: 3, questions: [{ question: 'Staff turnover?', answer: 'High: three team leads in a year.' }] }, people.manager);
  await aReference(at(-34), c.deskforce.id, { calledOn: day(-34), client: 'Orion Retail', contactName: 'Sam Lee, CIO', rating: 4, questions: [{ question: 'Languages?', answer: 'English excellent, Portuguese from the Brazil team.' }] }, people.analyst);
  await anInterview(at(-33), c.luso.id, { heldOn: day(-33), communication: 5, clientFeedback: 5, hoursFit: 5, costEffective: 3, notes: 'Knew our ERP client already.' }, people.manager);
  await anInterview(at(-33), c.atlantico.id, { heldOn: day(-33), communication: 4, clientFeedback: 3, hoursFit: 3, costEffective: 4, notes: 'Shared team: our calls wait behind two other clients at peak.' }, people.analyst);
  await anInterview(at(-32), c.deskforce.id, { heldOn: day(-32), communication: 3, clientFeedback: 4, hoursFit: 4, costEffective: 5, notes: 'Cheapest by far; the night shift is new.' }, people.analyst);

  // ---------------------------------------------------------------- pilots
  const pilotOf = async (o: { name: string; scope: string; vendor: string; country: string; zone: string; contact: string; startDays: number; endDays: number; within: number; breached: number; ceiling: number; spent: number }) => {
    const p = await aSourcingProject(at(o.startDays - 20), { name: o.name, scope: o.scope, currency: 'EUR', budgetMinor: o.ceiling * 10, decideBy: day(o.endDays + 25) });
    const v = await aVendor(at(o.startDays - 20), { name: o.vendor, country: o.country, kind: 'managed_service_provider', status: 'prospect', tier: 2, dataAccess: 'confidential', contactName: o.contact, contactTimeZone: o.zone, contactWorkingHours: { days: WEEKDAYS, start: '08:00', end: '18:00' } });
    // Due diligence done before the pilot (and so none due this week on the dashboard).
    await anAssessment(at(o.startDays - 18), { vendorId: v.id, state: 'completed', contact: { email: `security@${o.vendor.split(' ')[0].toLowerCase()}.example`, name: o.contact } });
    const cand = await aCandidate(at(o.startDays - 15), { projectId: p.id, vendorId: v.id });
    await aProposal(at(o.startDays - 10), cand.id, { priceMinor: o.ceiling * 8, receivedOn: day(o.startDays - 12) });
    await scoresBy(at(o.startDays - 5), people.manager, { projectId: p.id, candidateId: cand.id }, { 'Expertise for this need': 4, 'Certifications (ISO 27001, ITIL)': 4, 'Financial stability': 4 });
    const pilot = await aPilot(at(o.startDays), p.id, {
      candidateId: cand.id,
      startsOn: day(o.startDays),
      endsOn: day(o.endDays),
      engagementName: `Pilot: ${o.name}`,
      serviceType: 'infrastructure_operations',
      slaTargetPct: 95,
      deliverablesDueBy: day(o.endDays),
      budgetCeilingMinor: o.ceiling,
    });
    // The pilot's tickets, measured by the SLA engine: P1 resolved within 4 hours, or not.
    await anSlaPolicy(at(o.startDays), { engagementId: pilot.engagementId! });
    const first = ctx.now.getTime() + (o.startDays + 2) * DAY;
    const tickets: TicketSpec[] = Array.from({ length: o.within + o.breached }, (_, i) => {
      const opened = first + i * 2 * DAY + 9 * H;
      const resolved = opened + (i < o.breached ? 7 : 2) * H;
      return { title: i < o.breached ? 'Backup job failed overnight' : 'Restore request', openedAt: opened, events: [{ at: opened, status: 'New' }, { at: resolved, status: 'Resolved' }], resolvedAt: resolved };
    });
    await someTickets(at(o.endDays), { engagementId: pilot.engagementId!, tickets, fileName: 'pilot-tickets.csv' });
    await aDeliverable(at(o.startDays + 10), { engagementId: pilot.engagementId!, title: 'Runbook for the pilot scope', dueDate: day(o.endDays - 5), state: 'accepted' });
    await anInvoice(at(o.endDays), { vendorId: v.id, engagementId: pilot.engagementId!, invoiceDate: day(o.endDays), number: `PILOT-${o.vendor.slice(0, 3).toUpperCase()}-1`, lines: [{ description: 'Pilot fixed fee', quantity: '1', unit: 'fixed', unitPriceMinor: o.spent, amountMinor: o.spent, taxMinor: 0 }], state: 'approved', user: owner, overrideReason: 'Pilot fee agreed in the pilot letter; no rate card yet.' });
    return { p, pilot };
  };

  const backup = await pilotOf({ name: 'Cloud backup operations', scope: 'Run and test the nightly backups of the ERP and file servers; restore on request.', vendor: 'Vaultline Backup Services', country: 'IE', zone: 'Europe/Dublin', contact: 'Niamh Walsh', startDays: -62, endDays: -6, within: 24, breached: 1, ceiling: 2_000_000, spent: 1_750_000 });
  await decidePilot({ ...ctx, now: new Date(ctx.now.getTime() - 3 * DAY) }, backup.pilot.id, { decision: 'go', rationale: 'Met the service levels (96 %), the runbook was accepted early and the pilot stayed under its ceiling.', contractReference: 'VBS-MSA-2026' });

  const payroll = await pilotOf({ name: 'Payroll processing', scope: 'Monthly payroll for 1,200 staff in three countries.', vendor: 'PayStream Outsourcing', country: 'PL', zone: 'Europe/Warsaw', contact: 'Tomasz Nowak', startDays: -75, endDays: -15, within: 16, breached: 4, ceiling: 1_500_000, spent: 1_720_000 });
  // Its engagement's budget is the pilot's ceiling, which the fee went past: "over budget" on the Costs page.
  const { fiscalYearStartMonth } = await getCostSettings(ctx);
  await aBudget(at(-75), { engagementId: payroll.pilot.engagementId!, fiscalYear: fiscalYearOf(day(-15), fiscalYearStartMonth), label: 'Pilot ceiling', amountMinor: 1_500_000, currency: 'EUR', spendType: 'opex', note: 'The ceiling agreed in the pilot letter.' });
  await decidePilot({ ...ctx, now: new Date(ctx.now.getTime() - 10 * DAY) }, payroll.pilot.id, { decision: 'no_go', rationale: 'Missed the service levels (80 % against 95 %) and went over the pilot budget; back to the comparison for another bidder.' });

  await pilotOf({ name: 'Plant website hosting', scope: 'Host and patch the plant’s public website and its CMS.', vendor: 'Harbour Web Hosting', country: 'NL', zone: 'Europe/Amsterdam', contact: 'Pieter Bakker', startDays: -25, endDays: 5, within: 9, breached: 0, ceiling: 600_000, spent: 300_000 });

  // ---------------------------------------------------------------- a check that said "do not outsource"
  const entry = await aSourcingProject(at(-12), { name: 'Shop-floor data entry', scope: 'Typing the paper shift reports into the ERP.', currency: 'EUR', checked: false });
  await answerCheck(
    at(-11).ctx(),
    entry.id,
    CheckInput.parse({
      ...GOOD_CHECK,
      answers: { ...GOOD_CHECK.answers, automatable: { answer: true, note: 'The terminals on the line can record shifts directly.' }, peopleTold: { answer: false, note: 'The shift leads have not been asked.' } },
      decision: 'do_not_outsource',
      rationale: 'Automate it with the line terminals instead of paying someone to type.',
    }),
  );
}
