import { ruleInWords } from '../../../domain/governance/cadence.ts';
import type { ActionItem, GovernanceSettings, Meeting, PortalActionItem } from '../../../shared/contracts/governance.ts';
import type { ActionWithNames, MeetingWithCount, SettingsWithNames } from './governance.repo.ts';

type Names = { engagementId: string; engagementName: string; vendorId: string; vendorName: string };

/** The settings as stored, or an empty set for an engagement nobody has described yet. */
export function presentSettings(found: SettingsWithNames | null, names: Names): GovernanceSettings {
  const s = found?.settings;
  return {
    ...names,
    clientContact: found?.clientContact ?? null,
    vendorContact: found?.vendorContact ?? null,
    escalation: (s?.escalation ?? []).map((l, i) => ({ level: i + 1, ...l })),
    chatChannel: s?.chatChannel ?? null,
    meetingLink: s?.meetingLink ?? null,
    vendorTeamSize: s?.vendorTeamSize ?? null,
    vendorLocations: s?.vendorLocations ?? [],
    clientCalendar: found?.clientCalendar ?? null,
    vendorCalendar: found?.vendorCalendar ?? null,
    requiredOverlapHours: s?.requiredOverlapMinutes == null ? null : s.requiredOverlapMinutes / 60,
    statusReportRrule: s?.statusReportRrule ?? null,
    statusReportWords: s?.statusReportRrule ? ruleInWords(s.statusReportRrule) : null,
    statusReportFrom: s?.statusReportFrom ?? null,
    updatedAt: s ? s.updatedAt.toISOString() : null,
  };
}

export function presentMeeting(r: MeetingWithCount): Meeting {
  const m = r.meeting;
  return {
    id: m.id,
    engagementId: m.engagementId,
    cadenceId: m.cadenceId,
    title: m.title,
    occursOn: m.occursOn,
    status: m.status as Meeting['status'],
    agenda: m.agenda as Meeting['agenda'],
    attendees: m.attendees as Meeting['attendees'],
    notes: m.notes,
    decisions: m.decisions,
    skipReason: m.skipReason,
    actionCount: Number(r.actionCount),
    createdAt: m.createdAt.toISOString(),
  };
}

/** An action is overdue while open past its due date (`today` in the organisation's zone). */
export function presentAction(r: ActionWithNames, today: string): ActionItem {
  const a = r.action;
  return {
    id: a.id,
    engagementId: a.engagementId,
    engagementName: r.engagementName,
    vendorId: a.vendorId,
    vendorName: r.vendorName,
    meetingId: a.meetingId,
    title: a.title,
    ownerSide: a.ownerSide as ActionItem['ownerSide'],
    ownerId: a.ownerId,
    ownerName: r.ownerName,
    dueOn: a.dueOn,
    status: a.status as ActionItem['status'],
    overdue: a.status === 'open' && a.dueOn < today,
    doneOn: a.doneOn,
    vendorNote: a.vendorNote,
    internalNote: a.internalNote,
  };
}

/** What a vendor contact sees: no internal note, nothing of the client's side. */
export function presentPortalAction(r: ActionWithNames, today: string): PortalActionItem {
  const { internalNote: _n, vendorId: _v, vendorName: _vn, ...rest } = presentAction(r, today);
  return rest;
}
