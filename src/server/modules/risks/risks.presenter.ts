import { aboveAppetite, annualLoss, levelOf, scoreOf, type Cell, type RiskMatrix } from '../../../domain/risk/matrix.ts';
import { ruleOf } from '../../../domain/risk/signals/index.ts';
import { RISK_CATEGORY_LABELS, type Risk } from '../../../shared/contracts/risks.ts';
import type { RiskActionRow, RiskSignalRow, RiskWithNames } from './risks.repo.ts';

export function presentCell(m: RiskMatrix, c: Cell) {
  const level = levelOf(m, c);
  const at = (labels: string[], v: number) => labels[Math.min(Math.max(v, 1), m.size) - 1] ?? String(v);
  return { likelihood: c.likelihood, impact: c.impact, likelihoodLabel: at(m.likelihoodLabels, c.likelihood), impactLabel: at(m.impactLabels, c.impact), annualLoss: annualLoss(m, c), level, levelLabel: m.levels[level]?.label ?? '', color: m.levels[level]?.color ?? 'gray', score: scoreOf(c), aboveAppetite: aboveAppetite(m, c) };
}

const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/** A risk in words, on the organisation's matrix; `today` decides review due and acceptance expired. */
export function presentRisk(r: RiskWithNames, m: RiskMatrix, today: string): Risk {
  const x = r.risk;
  const accepted = x.acceptedAt !== null;
  return {
    id: x.id,
    title: x.title,
    description: x.description,
    category: x.category as Risk['category'],
    categoryLabel: RISK_CATEGORY_LABELS[x.category as Risk['category']] ?? x.category,
    vendor: ref(x.vendorId, r.vendorName),
    engagement: ref(x.engagementId, r.engagementName),
    contract: ref(x.contractId, r.contractTitle),
    finding: ref(x.findingId, r.findingTitle),
    owner: ref(x.ownerId, r.ownerName),
    inherent: presentCell(m, { likelihood: x.inherentLikelihood, impact: x.inherentImpact }),
    residual: presentCell(m, { likelihood: x.residualLikelihood, impact: x.residualImpact }),
    treatment: x.treatment as Risk['treatment'],
    status: x.status as Risk['status'],
    reviewOn: x.reviewOn,
    reviewDue: x.status === 'open' && x.reviewOn !== null && x.reviewOn <= today,
    acceptance: accepted
      ? {
          approver: ref(x.acceptedById, r.approverName),
          acceptedAt: x.acceptedAt!.toISOString(),
          expiresOn: x.acceptanceExpiresOn,
          note: x.acceptanceNote,
          expired: x.acceptanceExpiresOn !== null && x.acceptanceExpiresOn < today,
          outOfDate: x.acceptedLikelihood !== x.residualLikelihood || x.acceptedImpact !== x.residualImpact,
        }
      : null,
    source: x.source as Risk['source'],
    signalActive: x.source === 'signal' ? Boolean(r.signalActive) : null,
    openActions: Number(r.openActions),
    closedAt: x.closedAt?.toISOString() ?? null,
    createdAt: x.createdAt.toISOString(),
    updatedAt: x.updatedAt.toISOString(),
  };
}

export function presentAction(a: RiskActionRow, ownerName: string | null, today: string) {
  return {
    id: a.id,
    riskId: a.riskId,
    title: a.title,
    owner: ref(a.ownerId, ownerName),
    dueOn: a.dueOn,
    status: a.status as 'open' | 'in_progress' | 'done' | 'cancelled',
    overdue: (a.status === 'open' || a.status === 'in_progress') && a.dueOn !== null && a.dueOn < today,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function presentSignal(s: RiskSignalRow) {
  return {
    id: s.id,
    rule: s.rule,
    ruleLabel: ruleOf(s.rule)?.label ?? 'A rule no longer in use',
    title: s.title,
    detail: s.detail,
    active: s.status === 'active',
    evidence: s.evidence,
    raisedAt: s.raisedAt.toISOString(),
    clearedAt: s.clearedAt?.toISOString() ?? null,
    riskId: s.riskId,
  };
}
