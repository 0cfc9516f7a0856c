import { actionInWords } from '../../../shared/audit-words.ts';
import type { AuditEvent } from '../../../shared/contracts/audit.ts';
import type { AuditEventRow } from './audit.repo.ts';

export function presentAuditEvent(r: AuditEventRow): AuditEvent {
  return {
    id: r.id.toString(),
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    objectLabel: r.objectLabel,
    actionLabel: actionInWords(r.action),
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.requestId,
    createdAt: r.createdAt.toISOString(),
  };
}
