import { Badge, Tooltip } from '@mantine/core';
import type { RiskLevel } from '../../../domain/questionnaire/risk.ts';
import type { Severity } from '../../../domain/questionnaire/template.ts';
import { formatDate } from '../../lib/format.ts';
import {
  ASSESSMENT_STATUS_COLORS,
  ASSESSMENT_STATUS_LABELS,
  FINDING_STATUS_LABELS,
  REVIEW_STATUS_COLORS,
  REVIEW_STATUS_LABELS,
  RISK_COLORS,
  RISK_LABELS,
  SEVERITY_COLORS,
  SEVERITY_LABELS,
  expiryText,
} from './labels.ts';
import type { AssessmentStatus, EvidenceT, FindingStatus, ReviewStatus } from './types.ts';

export function AssessmentStatusBadge({ status, overdue }: { status: AssessmentStatus; overdue?: boolean }) {
  return (
    <>
      <Badge variant="light" color={ASSESSMENT_STATUS_COLORS[status]}>
        {ASSESSMENT_STATUS_LABELS[status]}
      </Badge>
      {overdue && (
        <Badge variant="filled" color="red" ml={4}>
          Overdue
        </Badge>
      )}
    </>
  );
}

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  return (
    <Badge variant="light" color={REVIEW_STATUS_COLORS[status]} style={{ flexShrink: 0 }}>
      {REVIEW_STATUS_LABELS[status]}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge variant="dot" color={SEVERITY_COLORS[severity]}>
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  const color = status === 'open' ? 'red' : status === 'in_progress' ? 'blue' : status === 'resolved' ? 'teal' : 'gray';
  return (
    <Badge variant="light" color={color}>
      {FINDING_STATUS_LABELS[status]}
    </Badge>
  );
}

export function RiskBadge({ level }: { level: RiskLevel }) {
  return (
    <Badge variant="light" color={RISK_COLORS[level]}>
      {RISK_LABELS[level]} risk
    </Badge>
  );
}

/** Score 0–100: red below 50, orange below 75, green from 75. */
export function ScoreBadge({ score, size = 'md' }: { score: number | null; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  if (score === null) {
    return (
      <Badge variant="outline" color="gray" size={size}>
        No score
      </Badge>
    );
  }
  const color = score < 50 ? 'red' : score < 75 ? 'orange' : 'teal';
  return (
    <Badge variant="light" color={color} size={size} aria-label={`Score ${score} of 100`}>
      {score} / 100
    </Badge>
  );
}

/** Valid / expiring within 60 days / expired / undated, with the date on hover. */
export function ValidityBadge({ evidence }: { evidence: Pick<EvidenceT, 'validity' | 'validUntil'> }) {
  const { validity } = evidence;
  const label = validity === 'valid' ? 'Valid' : validity === 'expiring' ? expiryText(evidence) : validity === 'expired' ? 'Expired' : 'No expiry date';
  const color = validity === 'valid' ? 'teal' : validity === 'expiring' ? 'orange' : validity === 'expired' ? 'red' : 'gray';
  const badge = (
    <Badge variant={validity === 'expired' ? 'filled' : 'light'} color={color}>
      {label}
    </Badge>
  );
  return evidence.validUntil ? (
    <Tooltip label={`Valid until ${formatDate(evidence.validUntil)}`}>
      <span>{badge}</span>
    </Tooltip>
  ) : (
    badge
  );
}
