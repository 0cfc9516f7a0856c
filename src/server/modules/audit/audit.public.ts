/** The audit module as other modules see it: every change goes through `change`. */
export { auditEach, change, changeAs, nameAuditObjects, type AuditChange, type AuditLabeller, type TxCtx } from './record.ts';
export { recentAudit } from './audit.service.ts';
