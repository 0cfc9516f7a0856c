import type { Clause, ClauseReview, Requirement } from '../../../shared/contracts/clauses.ts';
import { SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import { DATA_ACCESS_LABELS } from '../../../shared/contracts/vendors.ts';
import type { ClauseRow, ReviewWithName } from './clauses.repo.ts';

export function presentClause(c: ClauseRow, reviewCount: number): Clause {
  return {
    id: c.id,
    key: c.builtinKey,
    title: c.title,
    guidance: c.guidance,
    weakWhen: c.weakWhen,
    builtIn: c.builtinKey !== null,
    retired: c.retiredAt !== null,
    reviewCount: Number(reviewCount),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentReview(r: ReviewWithName): ClauseReview {
  return {
    status: r.status as ClauseReview['status'],
    weakReason: r.weakReason,
    section: r.section,
    page: r.page,
    quote: r.quote,
    note: r.note,
    reviewedById: r.reviewedById,
    reviewedByName: r.reviewedByName,
    reviewedAt: r.reviewedAt.toISOString(),
  };
}

const CRITICALITY_WORDS: Record<string, string> = { low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

/** "a or b" / "a, b or c". */
function either(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** A requirement's condition in words: "Every engagement", "Engagements of high or critical criticality that touch personal data". */
export function appliesToInWords(when: Requirement['when']): string {
  const parts: string[] = [];
  if (when.criticality.length) parts.push(`of ${either(when.criticality.map((c) => CRITICALITY_WORDS[c] ?? c))} criticality`);
  if (when.dataAccess.length) parts.push(`with data access ${either(when.dataAccess.map((d) => DATA_ACCESS_LABELS[d].toLowerCase()))}`);
  if (when.serviceType.length) parts.push(`of type ${either(when.serviceType.map((s) => SERVICE_TYPE_LABELS[s].toLowerCase()))}`);
  return parts.length ? `Engagements ${parts.join(', ')}` : 'Every engagement';
}
