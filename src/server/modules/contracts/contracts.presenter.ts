import type { Contract, ContractType, ContractStatus } from '../../../shared/contracts/contracts.ts';
import type { ContractSummary } from './contracts.public.ts';
import { computeKeyDates, noticeEndsOn, type DateRules } from './contracts.dates.ts';
import type { ContractRow, ContractWithExtras, NoticeRow } from './contracts.repo.ts';

export function presentSummary(c: ContractRow, engagementIds: string[]): ContractSummary {
  return {
    id: c.id,
    vendorId: c.vendorId,
    type: c.type as ContractType,
    parentId: c.parentId,
    title: c.title,
    reference: c.reference,
    status: c.status as ContractStatus,
    engagementIds,
    effectiveOn: c.effectiveOn,
    initialTermEnd: c.initialTermEnd,
    currency: c.currency,
    totalValueMinor: c.totalValueMinor,
  };
}

export function presentContract(
  r: ContractWithExtras,
  engagements: Array<{ id: string; name: string }>,
  notice: { notice: NoticeRow; recordedByName: string | null } | null,
  rules: DateRules,
): Contract {
  const c = r.contract;
  return {
    id: c.id,
    vendorId: c.vendorId,
    vendorName: r.vendorName,
    type: c.type as Contract['type'],
    parentId: c.parentId,
    parentTitle: r.parentTitle,
    title: c.title,
    reference: c.reference,
    status: c.status as Contract['status'],
    signedOn: c.signedOn,
    effectiveOn: c.effectiveOn,
    initialTermEnd: c.initialTermEnd,
    renewalKind: c.renewalKind as Contract['renewalKind'],
    renewalMonths: c.renewalMonths,
    noticeUnit: c.noticeUnit as Contract['noticeUnit'],
    noticeCount: c.noticeCount,
    convenienceTermination: c.convenienceTermination,
    convenienceNoticeUnit: c.convenienceNoticeUnit as Contract['convenienceNoticeUnit'],
    convenienceNoticeCount: c.convenienceNoticeCount,
    currency: c.currency,
    totalValueMinor: c.totalValueMinor,
    annualValueMinor: c.annualValueMinor,
    internalOwnerId: c.internalOwnerId,
    internalOwnerName: r.internalOwnerName,
    notes: c.notes,
    engagements,
    keyDates: computeKeyDates(c, notice?.notice ?? null, rules),
    notice: notice
      ? {
          kind: notice.notice.kind as 'non_renewal' | 'termination',
          endsOn: noticeEndsOn(c, notice.notice, rules.today),
          givenOn: notice.notice.givenOn,
          method: notice.notice.method as 'letter' | 'email' | 'portal',
          givenBy: notice.notice.givenBy,
          note: notice.notice.note,
          recordedByName: notice.recordedByName,
          recordedAt: notice.notice.createdAt.toISOString(),
        }
      : null,
    archived: c.archivedAt !== null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
