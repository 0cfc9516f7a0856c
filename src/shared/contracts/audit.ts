import { z } from 'zod';
import { PageQuery, IsoDateTime } from './common.ts';

export const AuditEvent = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  /** The object's name when it changed; null on rows written before names were kept. */
  objectLabel: z.string().nullable(),
  /** The action in words ("created vendor"). */
  actionLabel: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditListQuery = PageQuery.extend({
  objectType: z.string().max(50).optional(),
  objectId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(80).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});
