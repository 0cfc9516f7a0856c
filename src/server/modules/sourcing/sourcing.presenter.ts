import {
  CHECK_DECISION_LABELS,
  CHECK_GOOD_ANSWER,
  CHECK_QUESTION_LABELS,
  CHECK_QUESTIONS,
  CRITERION_SOURCE_LABELS,
  PILOT_STATUS_LABELS,
  PROJECT_STATUS_LABELS,
  type CriterionSource,
  type ProjectStatus,
} from '../../../shared/contracts/sourcing.ts';
import type { PilotCriterionResult } from '../../../domain/sourcing/pilot.ts';
import { pilotVerdict } from '../../../domain/sourcing/pilot.ts';
import type { CriterionRow, InterviewWithName, PilotWithNames, ProjectRow, ProposalFileWithName, ReferenceWithName } from './sourcing.repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(p: ProjectRow, candidateCount: number) {
  return {
    id: p.id,
    name: p.name,
    status: p.status as ProjectStatus,
    statusLabel: PROJECT_STATUS_LABELS[p.status as ProjectStatus],
    budgetMinor: p.budgetMinor,
    currency: p.currency,
    decideBy: p.decideBy,
    candidateCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentCheck(p: ProjectRow) {
  const c = p.check;
  if (!c) return null;
  const answers = CHECK_QUESTIONS.map((q) => ({
    question: q,
    label: CHECK_QUESTION_LABELS[q],
    answer: c.answers[q]?.answer ?? false,
    note: c.answers[q]?.note ?? null,
    concern: (c.answers[q]?.answer ?? false) !== CHECK_GOOD_ANSWER[q],
  }));
  return {
    answers,
    decision: c.decision,
    decisionLabel: CHECK_DECISION_LABELS[c.decision],
    rationale: c.rationale,
    concerns: answers.filter((a) => a.concern).length,
    doneBy: c.doneByName,
    doneAt: c.doneAt,
  };
}

export const presentProposalFile = (f: ProposalFileWithName) => ({
  id: f.id,
  fileName: f.fileName,
  contentType: f.contentType,
  sizeBytes: f.sizeBytes,
  uploadedBy: f.uploadedByName,
  uploadedAt: f.createdAt.toISOString(),
});

export const presentCriterion = (c: CriterionRow) => ({
  id: c.id,
  name: c.name,
  weight: c.weight,
  source: c.source as CriterionSource,
  sourceLabel: CRITERION_SOURCE_LABELS[c.source as CriterionSource],
  position: c.position,
});

export const presentReference = (r: ReferenceWithName) => ({ id: r.id, client: r.client, contactName: r.contactName, calledOn: r.calledOn, calledBy: r.calledByName, questions: r.questions, rating: r.rating });
export const presentInterview = (i: InterviewWithName) => ({
  id: i.id,
  heldOn: i.heldOn,
  interviewer: i.interviewerName,
  communication: i.communication,
  clientFeedback: i.clientFeedback,
  hoursFit: i.hoursFit,
  costEffective: i.costEffective,
  notes: i.notes,
});

export function presentPilot(p: PilotWithNames, criteria: PilotCriterionResult[]) {
  const decided = p.status !== 'running';
  const shown = decided && p.measured ? p.measured : criteria;
  return {
    id: p.id,
    projectId: p.projectId,
    projectName: p.projectName,
    candidateId: p.candidateId,
    vendorId: p.vendorId,
    vendorName: p.vendorName,
    engagementId: p.engagementId,
    engagementName: p.engagementName,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status as 'running' | 'go' | 'no_go',
    statusLabel: PILOT_STATUS_LABELS[p.status as 'running'],
    slaTargetPct: p.slaTargetPct,
    deliverablesDueBy: p.deliverablesDueBy,
    budgetCeilingMinor: p.budgetCeilingMinor,
    currency: p.currency,
    scorecardThreshold: p.scorecardThreshold,
    criteria: shown,
    verdict: pilotVerdict(shown as PilotCriterionResult[]),
    decision: decided
      ? { decision: p.status as 'go' | 'no_go', rationale: p.rationale ?? '', approver: p.approverName, decidedAt: iso(p.decidedAt) ?? '', contractId: p.contractId }
      : null,
  };
}
