import type { z } from 'zod';
import type { AuditEvent, AuditListQuery } from '../../../shared/contracts/audit.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage } from '../../paging.ts';
import { auditPolicy } from './audit.policy.ts';
import { presentAuditEvent } from './audit.presenter.ts';
import { listAuditEvents } from './audit.repo.ts';

const BY_ID = { arity: 1, key: (r: { id: bigint }) => [r.id.toString()] };

/** A page of the organisation's audit trail, filtered, newest first. */
export async function listAudit(ctx: Ctx, q: z.output<typeof AuditListQuery>) {
  auditPolicy.check(ctx.actor, 'list');
  return keysetPage(
    q,
    BY_ID,
    (after, limit) => {
      if (after && !/^\d{1,19}$/.test(String(after[0]))) throw AppError.invalid('cursor', 'The cursor is not valid; start again from the first page.');
      return listAuditEvents(ctx.db, ctx.actor.orgId, { ...q, beforeId: after ? BigInt(String(after[0])) : undefined, limit });
    },
    presentAuditEvent,
  );
}

/** The newest changes, for a home screen; empty for roles that may not read the trail. */
export async function recentAudit(ctx: Ctx, limit: number): Promise<AuditEvent[]> {
  if (!auditPolicy.can(ctx.actor, 'list')) return [];
  return (await listAuditEvents(ctx.db, ctx.actor.orgId, { limit })).map(presentAuditEvent);
}
