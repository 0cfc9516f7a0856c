import type { z } from 'zod';
import { addDays } from '../../../domain/civil-date.ts';
import type { Agenda, Meeting, MeetingInput, MeetingListQuery } from '../../../shared/contracts/governance.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { openFindingsForOverview } from '../assessments/assessments.public.ts';
import { formatMoney } from '../../../domain/money.ts';
import { change } from '../audit/audit.public.ts';
import { listChangeRequests } from '../costs/costs.public.ts';
import { deliverablesFeed } from '../deliverables/deliverables.public.ts';
import { getEngagement, referenceEngagement, requireEngagement } from '../engagements/engagements.public.ts';
import { listRisks } from '../risks/risks.public.ts';
import { slaReport } from '../sla/sla.public.ts';
import { insertActionsIn } from './actions.ts';
import { cadencePolicy, meetingPolicy } from './governance.policy.ts';
import { presentMeeting } from './governance.presenter.ts';
import * as repo from './governance.repo.ts';
import { allPages } from './reviews.ts';
import { todayOf } from './settings.ts';

/** How far back the agenda looks when no meeting was held yet. */
const FIRST_LOOK_BACK = 30;
/** How far ahead it looks for deliverables coming due. */
const LOOK_AHEAD = 14;
const FINDINGS_CAP = 200;
const RISKS_CAP = 50;
const UNDECIDED = new Set(['proposed', 'under_review']);

/** A source that cannot be read (no SLA policy yet) leaves its part of the agenda out, nothing more. */
async function orNothing<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'not_found' || err.code === 'forbidden')) return null;
    throw err;
  }
}

/**
 * The agenda of the next meeting, filled in from what matters since the last one held:
 * the service levels of the months since, breaches; deliverables due soon or late; change
 * requests decided since or waiting for a decision; the vendor's open findings; its open
 * risks (of this engagement or of the vendor as a whole); and action items past their due date.
 */
export async function agendaFor(ctx: Ctx, engagementId: string): Promise<z.output<typeof Agenda>> {
  meetingPolicy.check(ctx.actor, 'create');
  const eng = await getEngagement(ctx, engagementId);
  const today = todayOf(ctx);
  const last = await repo.lastHeldMeeting(ctx.db, ctx.actor.orgId, engagementId);
  const since = last?.occursOn ?? addDays(today, -FIRST_LOOK_BACK);
  const items: z.output<typeof Agenda>['items'] = [];

  const report = await orNothing(slaReport(ctx, engagementId, { from: since.slice(0, 7), to: today.slice(0, 7) }));
  for (const m of report?.months ?? []) {
    const tickets = m.priorities.reduce((s, p) => s + p.tickets, 0);
    const breached = m.priorities.reduce((s, p) => s + p.breached, 0);
    const missed = m.priorities.filter((p) => p.met === false).map((p) => p.priority);
    const words = `${m.month}: ${tickets} ticket${tickets === 1 ? '' : 's'}, ${breached} breached`;
    items.push({ source: 'sla', text: missed.length ? `${words}; target missed for ${missed.join(', ')}` : tickets ? `${words}; targets met` : `${m.month}: no tickets` });
    if (m.availability?.met === false) items.push({ source: 'sla', text: `${m.month}: availability ${(m.availability.availability * 100).toFixed(2)} % below the target` });
  }

  const due = await orNothing(deliverablesFeed.due!(ctx, { from: today, to: addDays(today, LOOK_AHEAD) }));
  for (const d of (due ?? []).filter((x) => x.kind === 'deliverable_due' && x.engagement?.id === engagementId)) {
    const what = d.title.replace(/^Deliverable due from [^:]+: /, '');
    items.push({ source: 'deliverable', text: d.overdue ? `Late since ${d.date}: ${what}` : `Due ${d.date}: ${what}${d.detail ? ` (${d.detail})` : ''}` });
  }

  // Change requests decided since the last meeting, and every one still waiting for a decision (proposed since, or older and still open).
  const crs = await orNothing(allPages((cursor) => listChangeRequests(ctx, { engagementId, limit: 200, cursor })));
  for (const c of (crs ?? []).slice().sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const amount = c.totalMinor ? ` (${formatMoney({ amountMinor: c.totalMinor, currency: c.currency })})` : '';
    const by = c.raisedBy === 'vendor' ? eng.vendorName : 'our side';
    if (UNDECIDED.has(c.status)) items.push({ source: 'change_request', text: `Awaiting our decision since ${c.createdAt.slice(0, 10)} (raised by ${by}): ${c.title}${amount}` });
    else if (c.decidedOn && c.decidedOn >= since) items.push({ source: 'change_request', text: `${c.status === 'rejected' ? 'Rejected' : 'Approved'} on ${c.decidedOn}: ${c.title}${amount}` });
  }

  const findings = await orNothing(openFindingsForOverview(ctx, FINDINGS_CAP));
  for (const f of (findings?.items ?? []).filter((x) => x.vendorId === eng.vendorId)) {
    items.push({ source: 'finding', text: `Open finding (${f.severity}): ${f.title}${f.dueDate ? `, due ${f.dueDate}` : ''}` });
  }

  // Open risks of the vendor: those of this engagement and those of the vendor as a whole (none of another engagement), highest residual level first.
  const risks = await orNothing(listRisks(ctx, { vendorId: eng.vendorId, status: 'open', limit: RISKS_CAP }));
  const mine = (risks?.items ?? []).filter((r) => r.engagement === null || r.engagement.id === engagementId).sort((a, b) => b.residual.score - a.residual.score);
  for (const r of mine) {
    items.push({ source: 'risk', text: `Open risk (${r.residual.levelLabel.toLowerCase()}${r.residual.aboveAppetite ? ', above appetite' : ''}${r.engagement ? '' : `, ${eng.vendorName} as a whole`}): ${r.title}` });
  }

  const overdue = await repo.listActions(ctx.db, ctx.actor.orgId, { engagementId, statuses: ['open'], dueBefore: today }, null, 50);
  for (const a of overdue) {
    const who = a.ownerName ?? (a.action.ownerSide === 'vendor' ? eng.vendorName : 'our side');
    items.push({ source: 'action', text: `Overdue action (${who}, due ${a.action.dueOn}): ${a.action.title}` });
  }
  return { since: last?.occursOn ?? null, items };
}

export async function listMeetings(ctx: Ctx, q: z.output<typeof MeetingListQuery>) {
  meetingPolicy.check(ctx.actor, 'list');
  await referenceEngagement(ctx, q.engagementId, 'engagementId');
  return keysetPage(q, repo.meetingSort, (after, limit) => repo.listMeetings(ctx.db, ctx.actor.orgId, q.engagementId, after, limit), presentMeeting);
}

export async function getMeeting(ctx: Ctx, id: string): Promise<Meeting> {
  const found = await repo.findMeeting(ctx.db, ctx.actor.orgId, id);
  meetingPolicy.authorize(ctx.actor, 'read', found?.meeting);
  return presentMeeting(found!);
}

/**
 * Records a meeting held (agenda, attendees, minutes, decisions and the actions out of it)
 * or skipped (with a reason), in one change. A cadence's date is recorded once.
 */
export async function recordMeeting(ctx: Ctx, input: z.output<typeof MeetingInput>): Promise<Meeting> {
  meetingPolicy.check(ctx.actor, 'create');
  const eng = await requireEngagement(ctx, 'read', input.engagementId);
  let title = input.title;
  if (input.cadenceId) {
    const c = cadencePolicy.reference(ctx.actor, 'reference', await repo.findCadence(ctx.db, ctx.actor.orgId, input.cadenceId), 'cadenceId', 'Choose one of the cadences of this engagement.');
    if (c.engagementId !== eng.id) throw AppError.invalid('cadenceId', 'Choose one of the cadences of this engagement.');
    title ??= c.title;
  }
  if (input.status === 'skipped' && input.actions.length) throw AppError.invalid('actions', 'A skipped meeting has no actions; record them on a meeting held.');
  const id = await change(ctx, async (tx) => {
    if (input.cadenceId) {
      const same = (await repo.meetingsSince(tx.db, ctx.actor.orgId, [eng.id], input.occursOn)).find((m) => m.cadenceId === input.cadenceId && m.occursOn === input.occursOn);
      if (same) throw new AppError('conflict', `The meeting of ${input.occursOn} is already recorded as ${same.status}.`);
    }
    const row = await repo.insertMeeting(tx.db, {
      orgId: ctx.actor.orgId,
      vendorId: eng.vendorId,
      engagementId: eng.id,
      cadenceId: input.cadenceId ?? null,
      title: title ?? 'Meeting',
      occursOn: input.occursOn,
      status: input.status,
      agenda: input.agenda,
      attendees: input.status === 'held' ? input.attendees : [],
      notes: input.status === 'held' ? (input.notes ?? null) : null,
      decisions: input.status === 'held' ? input.decisions : [],
      skipReason: input.status === 'skipped' ? (input.skipReason ?? null) : null,
      recordedBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await tx.audit({ action: input.status === 'held' ? 'meeting.hold' : 'meeting.skip', objectType: 'meeting', objectId: row.id, objectLabel: `${row.title} of ${eng.name} on ${row.occursOn}`, after: row });
    await insertActionsIn(ctx, tx, eng, row.id, input.actions, 'actions');
    return row.id;
  });
  return getMeeting(ctx, id);
}
