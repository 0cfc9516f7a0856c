import { addDays, addMonths, civilDateIn, isoWeekday } from '../../domain/civil-date.ts';
import { quarterBounds, quarterOf } from '../../domain/governance/scorecard.ts';
import type { User } from '../../shared/contracts/users.ts';
import type { Ctx } from '../context.ts';
import { answerSurvey, createReview, sendSurvey, shareReview, updateAction } from '../modules/governance/governance.public.ts';
import { createUser, allUsers } from '../modules/users/users.public.ts';
import { approveChangeRequest, rejectChangeRequest } from '../modules/costs/costs.public.ts';
import { acceptDeliverable, rejectDeliverable, submitDeliverable } from '../modules/deliverables/deliverables.public.ts';
import { aChangeRequest } from './builders/costs.ts';
import { aDeliverable } from './builders/deliverables.ts';
import type { OrgHandle } from './builders/core.ts';
import { handleOf } from './builders/due-diligence.ts';
import { aCadence, aMeeting, anActionItem, aStatusReport, governanceOf } from './builders/governance.ts';
import { aCalendar } from './builders/sla.ts';

const weekdays = (from: string, to: string) => Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ from, to }]]));

/**
 * The demo's governance, through the builders (so the services): contacts, ladders and
 * channels on four engagements; working hours in Berlin against Dublin, Bangalore and New
 * York (PayrollCloud's overlap is below what the engagement needs, and the clock changes
 * move it); weekly operations meetings kept at HelpPoint, a cadence decaying at
 * PayrollCloud, Kestrel's meetings mostly held with one skipped; actions open, overdue and
 * done on both sides — HelpPoint's contact (the demo's portal login) has its own to mark
 * done. Dates are relative to `ctx.now`.
 */
export async function seedDemoGovernance(ctx: Ctx, vendorIds: Map<string, string>, engagementIds: Map<string, string>, password: string): Promise<void> {
  const owner = { id: ctx.actor.userId, email: ctx.actor.email, name: ctx.actor.name, role: 'owner', vendorId: null, disabled: false, createdAt: ctx.now.toISOString() } as User;
  const org: OrgHandle = handleOf(ctx, owner);
  const today = civilDateIn(ctx.now, 'UTC');
  const eng = (name: string) => engagementIds.get(name)!;
  const users = await allUsers(ctx);
  const byEmail = (email: string) => users.find((u) => u.email === email);
  const manager = byEmail('manager@demo.outsight.test') ?? owner;
  const analyst = byEmail('analyst@demo.outsight.test') ?? owner;
  const contactOf = async (vendor: string, email: string, name: string) =>
    byEmail(email) ?? (await createUser(ctx, { email, name, role: 'vendor_contact', vendorId: vendorIds.get(vendor)!, password }));
  const ciaran = await contactOf('HelpPoint Service Desk', 'contact@demo.outsight.test', 'Ciaran Byrne (HelpPoint)');
  const arjun = await contactOf('Kestrel Software Labs', 'arjun.mehta@kestrel-labs.example', 'Arjun Mehta (Kestrel)');
  const megan = await contactOf('PayrollCloud', 'megan.lee@payrollcloud.example', 'Megan Lee (PayrollCloud)');
  const katrin = await contactOf('Brightline Managed Services', 'k.vogel@brightline.example', 'Katrin Vogel (Brightline)');

  // ---- Working hours.
  const office = await aCalendar(org, { name: 'Northwind IT, Berlin office hours', timeZone: 'Europe/Berlin', week: weekdays('08:00', '17:00') });
  const dublin = await aCalendar(org, { name: 'HelpPoint team, Dublin', timeZone: 'Europe/Dublin', week: weekdays('07:00', '19:00') });
  const bangalore = await aCalendar(org, { name: 'Kestrel team, Bangalore', timeZone: 'Asia/Kolkata', week: weekdays('09:30', '18:30') });
  const newYork = await aCalendar(org, { name: 'PayrollCloud support, New York', timeZone: 'America/New_York', week: weekdays('09:00', '17:00') });
  const brightline = await aCalendar(org, { name: 'Brightline NOC day shift, Berlin', timeZone: 'Europe/Berlin', week: weekdays('07:00', '19:00') });

  // ---- Contacts, ladders, channels.
  await governanceOf(org, eng('24/7 service desk'), {
    clientContactId: manager.id,
    vendorContactId: ciaran.id,
    escalation: [
      { clientPerson: 'Maria Manager, service owner', vendorPerson: 'Ciaran Byrne, service delivery manager', afterHours: 0 },
      { clientPerson: 'Olivia Owner, head of IT', vendorPerson: 'Aoife Walsh, operations director', afterHours: 8 },
      { clientPerson: 'CFO', vendorPerson: 'HelpPoint managing director', afterHours: 48 },
    ],
    chatChannel: '#helppoint-desk (Teams)',
    meetingLink: 'https://teams.example.com/l/meetup/helppoint-weekly',
    vendorTeamSize: 22,
    vendorLocations: ['Dublin', 'Cork'],
    clientCalendarId: office.id,
    vendorCalendarId: dublin.id,
    requiredOverlapHours: 30,
  });
  await governanceOf(org, eng('Order portal development'), {
    clientContactId: analyst.id,
    vendorContactId: arjun.id,
    escalation: [
      { clientPerson: 'Ana Analyst, product owner', vendorPerson: 'Arjun Mehta, delivery lead', afterHours: 0 },
      { clientPerson: 'Maria Manager', vendorPerson: 'Kestrel head of delivery', afterHours: 24 },
    ],
    chatChannel: '#order-portal (Slack Connect)',
    meetingLink: 'https://meet.example.com/kestrel-standup',
    vendorTeamSize: 9,
    vendorLocations: ['Bangalore', 'Pune'],
    clientCalendarId: office.id,
    vendorCalendarId: bangalore.id,
    requiredOverlapHours: 20,
  });
  await governanceOf(org, eng('Payroll platform'), {
    vendorContactId: megan.id,
    escalation: [{ clientPerson: 'HR systems lead', vendorPerson: 'Megan Lee, customer success', afterHours: 0 }],
    vendorTeamSize: 4,
    vendorLocations: ['New York'],
    clientCalendarId: office.id,
    vendorCalendarId: newYork.id,
    requiredOverlapHours: 15,
  });
  await governanceOf(org, eng('Network and server operations'), {
    clientContactId: manager.id,
    vendorContactId: katrin.id,
    escalation: [
      { clientPerson: 'Maria Manager', vendorPerson: 'Katrin Vogel, account manager', afterHours: 0 },
      { clientPerson: 'Olivia Owner', vendorPerson: 'Brightline service director', afterHours: 4 },
    ],
    chatChannel: '#brightline-noc',
    vendorTeamSize: 35,
    vendorLocations: ['Berlin', 'Leipzig'],
    clientCalendarId: office.id,
    vendorCalendarId: brightline.id,
    requiredOverlapHours: 35,
  });

  // ---- Cadences and the meetings of the last quarter.
  const lastTuesdays = (n: number) => {
    let d = addDays(today, -1);
    while (isoWeekday(d) !== 2) d = addDays(d, -1);
    return Array.from({ length: n }, (_, i) => addDays(d, -7 * i)).reverse();
  };
  const start = addDays(today, -120);
  const firstThursday = (back: number) => {
    let d = `${addDays(`${today.slice(0, 7)}-01`, -28 * back).slice(0, 7)}-01`;
    while (isoWeekday(d) !== 4) d = addDays(d, 1);
    return d;
  };
  const desk = eng('24/7 service desk');
  const deskWeekly = await aCadence(org, { engagementId: desk, kind: 'weekly_operations', startsOn: start, startTime: '10:00', timeZone: 'Europe/Berlin', durationMinutes: 45 });
  const deskMonthly = await aCadence(org, { engagementId: desk, kind: 'monthly_service_review', startsOn: start, startTime: '14:00', timeZone: 'Europe/Berlin', durationMinutes: 90 });
  const tuesdays = lastTuesdays(13);
  for (const [i, day] of tuesdays.entries()) {
    if (i === 9) {
      await aMeeting(org, { engagementId: desk, cadenceId: deskWeekly.id, occursOn: day, status: 'skipped', skipReason: 'Both service owners at the ITSM conference.' });
      continue;
    }
    await aMeeting(org, {
      engagementId: desk,
      cadenceId: deskWeekly.id,
      occursOn: day,
      agenda: [
        { source: 'sla', text: 'Last week: P1 and P2 within target; two P3 breaches on password resets' },
        { source: 'action', text: 'Open actions from last week' },
      ],
      attendees: [
        { name: 'Maria Manager', side: 'client' },
        { name: 'Ciaran Byrne', side: 'vendor' },
      ],
      notes: i === tuesdays.length - 1 ? 'Night shift still thin: we should raise it at the service review before renewal talks.' : 'Routine week.',
      decisions: i === tuesdays.length - 1 ? ['Knowledge base articles for the new VPN go live before the rollout'] : [],
    });
  }
  for (const back of [3, 2, 1, 0]) {
    const day = firstThursday(back);
    if (day >= today || day < start) continue;
    await aMeeting(org, {
      engagementId: desk,
      cadenceId: deskMonthly.id,
      occursOn: day,
      agenda: [{ source: 'sla', text: 'Monthly SLA report and service credits' }],
      attendees: [
        { name: 'Olivia Owner', side: 'client' },
        { name: 'Maria Manager', side: 'client' },
        { name: 'Ciaran Byrne', side: 'vendor' },
      ],
      notes: 'Service credits agreed as reported.',
      decisions: ['Credits are deducted from the next invoice'],
    });
  }
  const lastDesk = tuesdays[tuesdays.length - 1];
  await anActionItem(org, { engagementId: desk, title: 'Publish knowledge base articles for the new VPN client', ownerSide: 'vendor', ownerId: ciaran.id, dueOn: addDays(lastDesk, 10) });
  await anActionItem(org, { engagementId: desk, title: 'Send the night-shift staffing plan', ownerSide: 'vendor', ownerId: ciaran.id, dueOn: addDays(today, -6), internalNote: 'Second time we ask; escalate to level 2 if late again.' });
  await anActionItem(org, { engagementId: desk, title: 'Root-cause report for the password-reset breaches', ownerSide: 'vendor', ownerId: ciaran.id, dueOn: addDays(today, -12), vendorDone: ciaran, vendorNote: 'Uploaded to the shared folder; self-service reset goes live next month.' });
  await anActionItem(org, { engagementId: desk, title: 'Approve the updated escalation contacts', ownerSide: 'client', ownerId: manager.id, dueOn: addDays(today, 5) });
  await anActionItem(org, { engagementId: desk, title: 'Grant HelpPoint read access to the asset inventory', ownerSide: 'client', ownerId: manager.id, dueOn: addDays(today, -3) });
  await anActionItem(org, { engagementId: desk, title: 'Share the VPN rollout calendar', ownerSide: 'client', ownerId: manager.id, dueOn: addDays(today, -20), status: 'done' });

  const portal = eng('Order portal development');
  const kestrel = await aCadence(org, { engagementId: portal, kind: 'weekly_operations', startsOn: start, startTime: '09:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=TH', durationMinutes: 30 });
  await aCadence(org, { engagementId: portal, kind: 'quarterly_business_review', startsOn: start, startTime: '11:00', timeZone: 'Europe/Berlin', durationMinutes: 120 });
  const thursdays = lastTuesdays(12).map((d) => addDays(d, -5));
  for (const [i, day] of thursdays.entries()) {
    if (i % 4 === 1) continue; // not recorded: shows as missed against the cadence
    if (i === 6) {
      await aMeeting(org, { engagementId: portal, cadenceId: kestrel.id, occursOn: day, status: 'skipped', skipReason: 'Diwali holidays in Bangalore.' });
      continue;
    }
    await aMeeting(org, {
      engagementId: portal,
      cadenceId: kestrel.id,
      occursOn: day,
      agenda: [{ source: 'deliverable', text: 'Checkout release: progress against the milestone' }],
      attendees: [
        { name: 'Ana Analyst', side: 'client' },
        { name: 'Arjun Mehta', side: 'vendor' },
      ],
      notes: 'Sprint review and the next sprint’s scope.',
      decisions: i === thursdays.length - 1 ? ['Payment provider switch moves to the next release'] : [],
    });
  }
  await anActionItem(org, { engagementId: portal, title: 'Fix the failing end-to-end tests of the checkout', ownerSide: 'vendor', ownerId: arjun.id, dueOn: addDays(today, 4) });
  await anActionItem(org, { engagementId: portal, title: 'Hand over the load-test results', ownerSide: 'vendor', ownerId: arjun.id, dueOn: addDays(today, -9) });
  await anActionItem(org, { engagementId: portal, title: 'Decide on the payment provider', ownerSide: 'client', ownerId: analyst.id, dueOn: addDays(today, -2), internalNote: 'Waiting for procurement.' });

  // PayrollCloud: a monthly review agreed, then mostly forgotten.
  const payroll = eng('Payroll platform');
  const payrollMonthly = await aCadence(org, { engagementId: payroll, kind: 'monthly_service_review', startsOn: addDays(today, -200), startTime: '16:00', timeZone: 'Europe/Berlin' });
  await aMeeting(org, { engagementId: payroll, cadenceId: payrollMonthly.id, occursOn: firstThursday(3), notes: 'Year-end payroll run planned.', attendees: [{ name: 'Megan Lee', side: 'vendor' }] });
  await anActionItem(org, { engagementId: payroll, title: 'Confirm the year-end tax table update date', ownerSide: 'vendor', ownerId: megan.id, dueOn: addDays(today, -30) });

  // Brightline: monthly service review kept.
  const ops = eng('Network and server operations');
  const opsMonthly = await aCadence(org, { engagementId: ops, kind: 'monthly_service_review', startsOn: addDays(today, -150), startTime: '13:00', timeZone: 'Europe/Berlin', durationMinutes: 90 });
  for (const back of [3, 2, 1]) {
    const day = firstThursday(back);
    if (day >= today) continue;
    await aMeeting(org, { engagementId: ops, cadenceId: opsMonthly.id, occursOn: day, attendees: [{ name: 'Maria Manager', side: 'client' }, { name: 'Katrin Vogel', side: 'vendor' }], notes: 'Capacity and patch compliance reviewed.', decisions: ['Patch window stays Sunday 02:00–06:00'] });
  }
  await anActionItem(org, { engagementId: ops, title: 'Storage capacity forecast for next year', ownerSide: 'vendor', ownerId: katrin.id, dueOn: addDays(today, 14) });
  await anActionItem(org, { engagementId: ops, title: 'Review the firewall rule clean-up proposal', ownerSide: 'client', ownerId: manager.id, dueOn: addDays(today, 7) });

  // ---- Status reports: weekly from HelpPoint (mostly on time, two late, the last one missing), weekly from Kestrel, monthly from PayrollCloud (missing).
  const at = (date: string, hour: number) => handleOf({ ...ctx, now: new Date(Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000) }, owner);
  const mondays = lastTuesdays(16).map((d) => addDays(d, -1));
  await governanceOf(org, desk, { statusReportRrule: 'FREQ=WEEKLY;BYDAY=MO', statusReportFrom: mondays[0] });
  for (const [i, due] of mondays.entries()) {
    if (due >= today || i === mondays.length - 1) continue; // the last one is missing
    const late = i === 8 || i === 12;
    await aStatusReport(at(late ? addDays(due, 2) : due, late ? 15 : 8), {
      engagementId: desk,
      dueOn: due,
      contact: ciaran,
      text: late ? 'Ticket volume up 18 % after the VPN change; two P3 breaches, root cause in the attached report.' : 'All priorities within target. Backlog 41 tickets (−6). No escalations.',
      file: i % 3 === 0 ? `helppoint-weekly-${due}.pdf` : undefined,
    });
  }
  const fridays = lastTuesdays(7).map((d) => addDays(d, 3)).filter((d) => d < today);
  await governanceOf(org, portal, { statusReportRrule: 'FREQ=WEEKLY;BYDAY=FR', statusReportFrom: fridays[0] });
  for (const [i, due] of fridays.entries()) {
    await aStatusReport(at(i % 2 ? addDays(due, 3) : due, 12), { engagementId: portal, dueOn: due, contact: arjun, text: 'Sprint progress: checkout release on track; 3 open defects.' });
  }
  await governanceOf(org, payroll, { statusReportRrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1', statusReportFrom: addDays(today, -100) });

  // ---- Performance reviews: the last two quarters of the service desk (the older one shared with HelpPoint), the last one of Kestrel and PayrollCloud.
  const lastQuarter = quarterOf(addMonths(`${today.slice(0, 7)}-01`, -3));
  const quarterBefore = quarterOf(addMonths(`${today.slice(0, 7)}-01`, -6));
  await seedClientSide(at, desk, lastQuarter, ciaran);
  const older = await createReview(ctx, { engagementId: desk, period: quarterBefore });
  await shareReview(ctx, older.id);
  const latest = await createReview(ctx, { engagementId: desk, period: lastQuarter });
  await surveyOf(ctx, latest.id, users, password);
  await createReview(ctx, { engagementId: portal, period: lastQuarter });
  await createReview(ctx, { engagementId: payroll, period: lastQuarter });
  await createReview(ctx, { engagementId: ops, period: lastQuarter });
}

/**
 * The client's own side at the service desk in the last quarter (issue 15 §6), with the
 * real gaps between steps: four deliverables decided in 2¼, 9 (a rejection), 2¼ and 14 days
 * — 5.6 on median, 14.1 at worst — and two change requests, one raised by HelpPoint and
 * approved after 6 days, one of ours rejected after 23 days.
 */
async function seedClientSide(at: (date: string, hour: number) => OrgHandle, desk: string, quarter: string, ciaran: User) {
  const { from } = quarterBounds(quarter);
  const d = (n: number) => addDays(from, n);
  const all = [true, true];
  const handIn = (id: string, day: number, hour: number) => submitDeliverable(at(d(day), hour).ctx(ciaran), id, { note: 'Handed in for review.', fileIds: [] });
  const trend = await aDeliverable(at(d(5), 9), { engagementId: desk, title: 'Monthly ticket trend analysis', dueDate: d(25), criteria: ['Covers every priority', 'Root causes of the top five categories'] });
  await handIn(trend.id, 20, 9);
  await acceptDeliverable(at(d(22), 15).ctx(), trend.id, { criteriaMet: all });
  const kb = await aDeliverable(at(d(5), 9), { engagementId: desk, title: 'Knowledge base clean-up', dueDate: d(45), criteria: ['Outdated articles archived', 'Top 50 articles reviewed'] });
  await handIn(kb.id, 41, 10);
  await rejectDeliverable(at(d(50), 10).ctx(), kb.id, { reason: 'Twelve of the top 50 articles still describe the old VPN client.' });
  await handIn(kb.id, 54, 10);
  await acceptDeliverable(at(d(56), 16).ctx(), kb.id, { criteriaMet: all });
  const runbook = await aDeliverable(at(d(5), 9), { engagementId: desk, title: 'Major-incident runbook review', dueDate: d(70), criteria: ['Escalation contacts current', 'Tested in a drill'] });
  await handIn(runbook.id, 68, 9);
  await acceptDeliverable(at(d(82), 11).ctx(), runbook.id, { criteriaMet: all });

  // HelpPoint's actions agreed in the quarter's meetings: two done by their due date (one marked in the portal), one late.
  await anActionItem(at(d(20), 10), { engagementId: desk, title: 'Send the knowledge-base clean-up plan', ownerSide: 'vendor', ownerId: ciaran.id, dueOn: d(30), vendorDone: ciaran, vendorNote: 'Plan attached to the weekly report.' });
  const rota = await anActionItem(at(d(35), 10), { engagementId: desk, title: 'Send the night-shift rota for the stocktake', ownerSide: 'vendor', ownerId: ciaran.id, dueOn: d(45) });
  await updateAction(at(d(52), 9).ctx(), rota.id, { status: 'done' });
  const drill = await anActionItem(at(d(55), 10), { engagementId: desk, title: 'Run the major-incident drill', ownerSide: 'vendor', ownerId: ciaran.id, dueOn: d(70) });
  await updateAction(at(d(66), 15).ctx(), drill.id, { status: 'done' });

  const saturday = await aChangeRequest(at(d(10), 11), { engagementId: desk, contact: ciaran, title: 'Extended Saturday hours during the stocktake', oneOffMinor: 420_000 });
  await approveChangeRequest(at(d(16), 14).ctx(), saturday.id, {});
  const spanish = await aChangeRequest(at(d(30), 10), { engagementId: desk, title: 'Spanish-language support line', oneOffMinor: 1_250_000 });
  await rejectChangeRequest(at(d(53), 9).ctx(), spanish.id, { reason: 'The Madrid office closes next year.' });
}

/**
 * The stakeholder survey of the service desk's latest review: four internal people asked,
 * three answered (good expertise, weak proactiveness), one link still open. The demo has no
 * SMTP, so the links come back to the sender and are answered here as the people would.
 */
async function surveyOf(ctx: Ctx, reviewId: string, users: User[], password: string) {
  const people: { id: string }[] = users.filter((u) => u.role !== 'vendor_contact' && !u.disabled && u.id !== ctx.actor.userId).slice(0, 4);
  // A demo seeded on its own may have nobody else yet: the people who work with the desk every day.
  const extra = [
    { email: 'lena.hoffmann@demo.outsight.test', name: 'Lena Hoffmann (IT operations)' },
    { email: 'tobias.krause@demo.outsight.test', name: 'Tobias Krause (finance systems)' },
    { email: 'jana.weber@demo.outsight.test', name: 'Jana Weber (HR systems)' },
    { email: 'felix.braun@demo.outsight.test', name: 'Felix Braun (workplace IT)' },
  ];
  for (const e of extra.slice(0, 4 - people.length)) people.push(await createUser(ctx, { ...e, role: 'analyst', password }));
  const mail = { mailer: { outbox: [], delivers: false, send: async () => {} }, baseUrl: ctx.config.publicUrl };
  const sent = await sendSurvey(ctx, reviewId, { userIds: people.map((p) => p.id) }, mail);
  const answers: [number, number, number, number, string][] = [
    [4, 3, 5, 2, 'Solid fixes, but they wait for us to notice problems.'],
    [4, 4, 4, 3, 'Good service desk; the night shift answers slowly.'],
    [3, 3, 4, 2, 'Reopened tickets in October; nobody suggested a root-cause review.'],
  ];
  for (const [i, [quality, communication, expertise, proactiveness, comment]] of answers.entries()) {
    const token = sent.links![i].url.split('/survey/')[1];
    await answerSurvey(ctx, token, { quality: { rating: quality, comment }, communication: { rating: communication }, expertise: { rating: expertise }, proactiveness: { rating: proactiveness } });
  }
}
