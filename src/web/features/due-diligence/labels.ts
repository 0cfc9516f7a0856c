import type { MantineColor } from '@mantine/core';
import type { RiskLevel } from '../../../domain/questionnaire/risk.ts';
import type { QuestionType, Severity } from '../../../domain/questionnaire/template.ts';
import { EVIDENCE_TYPE_LABELS } from '../../../shared/contracts/due-diligence.ts';
import type { AssessmentStatus, EvidenceT, FindingSeverity, FindingStatus, ReviewStatus } from './types.ts';

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  sent: 'Sent',
  in_progress: 'In progress',
  submitted: 'Awaiting review',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
export const ASSESSMENT_STATUS_COLORS: Record<AssessmentStatus, MantineColor> = {
  sent: 'gray',
  in_progress: 'blue',
  submitted: 'violet',
  completed: 'teal',
  cancelled: 'dark',
};

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: 'Not reviewed',
  accepted: 'Accepted',
  clarification: 'Clarification asked',
  updated: 'Changed after clarification',
  finding: 'Finding raised',
};
export const REVIEW_STATUS_COLORS: Record<ReviewStatus, MantineColor> = {
  pending: 'gray',
  accepted: 'teal',
  clarification: 'yellow',
  updated: 'blue',
  finding: 'red',
};

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  accepted_risk: 'Risk accepted',
};

export const SEVERITY_LABELS: Record<Severity, string> = { info: 'Info', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const SEVERITY_COLORS: Record<Severity, MantineColor> = { info: 'gray', low: 'blue', medium: 'yellow', high: 'orange', critical: 'red' };

/** A template's severity "info" has no finding equivalent; it becomes "low". */
export function findingSeverityOf(s: Severity): FindingSeverity {
  return s === 'info' ? 'low' : s;
}

export const RISK_LABELS: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const RISK_COLORS: Record<RiskLevel, MantineColor> = { low: 'gray', medium: 'blue', high: 'orange', critical: 'red' };

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  yes_no: 'Yes / no',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  short_text: 'Short text',
  long_text: 'Long text',
  number: 'Number',
  date: 'Date',
  file: 'File upload',
};

export function evidenceTypeLabel(type: string): string {
  return (EVIDENCE_TYPE_LABELS as Record<string, string>)[type] ?? type;
}

/** Whole days from today (local calendar) to a YYYY-MM-DD date; negative when past. */
export function daysUntil(date: string, today: Date = new Date()): number {
  const [y, m, d] = date.split('-').map(Number);
  const target = Date.UTC(y, m - 1, d);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - now) / 86_400_000);
}

/** "Expires in 12 days", "Expired 3 days ago", "No expiry date". */
export function expiryText(e: Pick<EvidenceT, 'validUntil'>): string {
  if (!e.validUntil) return 'No expiry date';
  const days = daysUntil(e.validUntil);
  if (days < 0) return `Expired ${-days === 1 ? 'yesterday' : `${-days} days ago`}`;
  if (days === 0) return 'Expires today';
  return `Expires in ${days === 1 ? '1 day' : `${days} days`}`;
}

/** The alert threshold a date falls in: 7, 30 or 60 days before expiry (null beyond 60, 'expired' after). */
export function expiryBucket(validUntil: string | null): 'expired' | 7 | 30 | 60 | null {
  if (!validUntil) return null;
  const days = daysUntil(validUntil);
  if (days < 0) return 'expired';
  if (days <= 7) return 7;
  if (days <= 30) return 30;
  if (days <= 60) return 60;
  return null;
}

/** Format bytes as "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The server's default upload limit (OUTSIGHT_MAX_UPLOAD_MB); it has the last word either way. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.ppt,.pptx,application/pdf,image/png,image/jpeg';

/** Today as YYYY-MM-DD in the browser's calendar. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDaysIso(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
