import { addDays, daysBetween } from '../../../domain/civil-date.ts';
import { CURRENT_DAYS, DRILL_RESULT_LABELS, drillOutcome, type DrillResult } from '../../../domain/exit/readiness.ts';
import { ASSET_KIND_LABELS, COVERAGE_LABELS, HOLDER_LABELS, STEP_OWNER_LABELS, SUBSTITUTABILITY_LABELS, TRIGGER_LABELS, type AssetKind, type Coverage, type Holder, type StepOwner, type Trigger } from '../../../domain/exit/template.ts';
import {
  DRILL_KIND_LABELS,
  PLAN_STATUS_LABELS,
  STEP_STATUS_LABELS,
  TARGET_LABELS,
  type Asset,
  type Drill,
  type ExitAction,
  type Plan,
  type PortalStep,
  type Profile,
  type StepFile,
  type VendorAccount,
} from '../../../shared/contracts/exit.ts';
import type * as repo from './exit.repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export type FilesByStep = Map<string, repo.StepFileRow[]>;
export const filesByStep = (rows: repo.StepFileRow[]): FilesByStep => {
  const m: FilesByStep = new Map();
  for (const f of rows) m.set(f.stepId, [...(m.get(f.stepId) ?? []), f]);
  return m;
};
const presentFile = (f: repo.StepFileRow): StepFile => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, contentType: f.contentType, uploadedAt: f.createdAt.toISOString() });
const current = (today: string, d: string | null) => d !== null && d <= today && daysBetween(d, today) <= CURRENT_DAYS;

export function presentAsset(a: repo.AssetRow, today: string): Asset {
  return {
    id: a.id,
    engagementId: a.engagementId,
    kind: a.kind as Asset['kind'],
    kindLabel: ASSET_KIND_LABELS[a.kind as AssetKind] ?? a.kind,
    name: a.name,
    holder: a.holder as Asset['holder'],
    holderLabel: HOLDER_LABELS[a.holder as Holder] ?? a.holder,
    clientAdminAccess: a.clientAdminAccess,
    lastVerifiedOn: a.lastVerifiedOn,
    controlled: a.holder !== 'vendor' && a.clientAdminAccess && current(today, a.lastVerifiedOn),
    location: a.location,
    notes: a.notes,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function presentAccount(a: repo.VendorAccountRow): VendorAccount {
  return { id: a.id, engagementId: a.engagementId, system: a.system, account: a.account, mfaEnforced: a.mfaEnforced, revokedOn: a.revokedOn, notes: a.notes, updatedAt: a.updatedAt.toISOString() };
}

export function presentProfile(p: repo.ProfileRow | null, names: Map<string, string>, today: string): Profile {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? 'A former user' } : null);
  return {
    rtoHours: p?.rtoHours ?? null,
    rpoHours: p?.rpoHours ?? null,
    substitutability: (p?.substitutability ?? null) as Profile['substitutability'],
    substitutabilityLabel: p?.substitutability ? (SUBSTITUTABILITY_LABELS[p.substitutability as keyof typeof SUBSTITUTABILITY_LABELS] ?? null) : null,
    substitutabilityReason: p?.substitutabilityReason ?? null,
    backupOwners: (p?.backupOwnerIds ?? []).map((id) => person(id)!),
    skills: (p?.skills ?? []).map((s) => ({ name: s.name, coverage: s.coverage, coverageLabel: COVERAGE_LABELS[s.coverage as Coverage], coveredBy: person(s.coveredById) })),
    runbooks: (p?.runbooks ?? []).map((r) => ({ title: r.title, location: r.location, lastReviewedOn: r.lastReviewedOn, current: current(today, r.lastReviewedOn) })),
    daysAlone: p?.daysAlone ?? null,
    lastPractisedOn: p?.lastPractisedOn ?? null,
  };
}

export function presentStep(s: repo.StepRow, names: Map<string, string>, today: string, files: FilesByStep): Plan['steps'][number] {
  return {
    id: s.id,
    key: s.key,
    title: s.title,
    owner: s.owner as StepOwner,
    ownerLabel: STEP_OWNER_LABELS[s.owner as StepOwner],
    ownerUser: s.ownerUserId ? { id: s.ownerUserId, name: names.get(s.ownerUserId) ?? 'A former user' } : null,
    offsetDays: s.offsetDays,
    evidence: s.evidence,
    status: s.status as Plan['steps'][number]['status'],
    statusLabel: STEP_STATUS_LABELS[s.status as keyof typeof STEP_STATUS_LABELS],
    dueOn: s.dueOn,
    overdue: s.status !== 'done' && s.dueOn !== null && s.dueOn < today,
    doneOn: s.doneOn,
    vendorNote: s.vendorNote,
    deliveredAt: iso(s.deliveredAt),
    internalNote: s.internalNote,
    files: (files.get(s.id) ?? []).map(presentFile),
  };
}

export function presentPlan(p: repo.PlanRow, steps: repo.StepRow[], names: Map<string, string>, today: string, files: FilesByStep): Plan {
  return {
    id: p.id,
    engagementId: p.engagementId,
    triggers: p.triggers as Trigger[],
    triggerLabels: p.triggers.map((t) => TRIGGER_LABELS[t as Trigger] ?? t),
    target: p.target as Plan['target'],
    targetLabel: p.target === 'vendor' && p.alternativeName ? `Move to ${p.alternativeName}` : TARGET_LABELS[p.target as Plan['target']],
    alternativeName: p.alternativeName,
    budgetMinor: p.budgetMinor,
    currency: p.currency,
    timelineDays: p.timelineDays,
    reviewedOn: p.reviewedOn,
    reviewDue: p.status !== 'done' && (p.reviewedOn === null || addDays(p.reviewedOn, CURRENT_DAYS) < today),
    status: p.status as Plan['status'],
    statusLabel: PLAN_STATUS_LABELS[p.status as Plan['status']],
    startedOn: p.startedOn,
    finishedOn: p.finishedOn,
    notes: p.notes,
    steps: steps.map((s) => presentStep(s, names, today, files)),
  };
}

export function presentDrill(d: repo.DrillRow, rtoHours: number | null): Drill {
  return {
    id: d.id,
    engagementId: d.engagementId,
    scenario: d.scenario,
    kind: d.kind as Drill['kind'],
    kindLabel: DRILL_KIND_LABELS[d.kind as Drill['kind']],
    heldOn: d.heldOn,
    participants: d.participants,
    results: d.results.map((r) => ({
      stepKey: r.stepKey,
      title: r.title,
      result: r.result,
      resultLabel: DRILL_RESULT_LABELS[r.result as DrillResult],
      minutesTaken: r.minutesTaken,
      overRto: rtoHours !== null && r.minutesTaken !== null && r.minutesTaken > rtoHours * 60,
      note: r.note,
    })),
    outcome: Math.round(drillOutcome(d.results.map((r) => r.result)) * 100),
    notes: d.notes,
  };
}

export function presentAction(a: repo.ActionRow, names: Map<string, string>): ExitAction {
  const owner = a.ownerUserId ? { id: a.ownerUserId, name: names.get(a.ownerUserId) ?? 'A former user' } : null;
  return { id: a.id, engagementId: a.engagementId, drillId: a.drillId, title: a.title, detail: a.detail, status: a.status as ExitAction['status'], dueOn: a.dueOn, owner, createdAt: a.createdAt.toISOString() };
}

/** What a vendor contact sees of a handover step: never the internal note, the owner inside the client, or the plan's budget. */
export function presentPortalStep(s: repo.StepWithPlan, files: FilesByStep): PortalStep {
  return {
    id: s.id,
    engagementName: s.engagementName,
    title: s.title,
    evidence: s.evidence,
    status: s.status as PortalStep['status'],
    statusLabel: STEP_STATUS_LABELS[s.status as keyof typeof STEP_STATUS_LABELS],
    dueOn: s.dueOn,
    vendorNote: s.vendorNote,
    deliveredAt: iso(s.deliveredAt),
    files: (files.get(s.id) ?? []).map(presentFile),
    canHandIn: s.planStatus === 'running' && s.status !== 'done',
  };
}
