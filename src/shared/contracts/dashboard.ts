import { z } from 'zod';
import { AuditEvent } from './audit.ts';
import { IsoDate } from './common.ts';

/** Something named, with the page that shows it. */
const Ref = z.object({ id: z.string(), name: z.string() });

/** A date that matters, from whichever module owns it: an assessment due, evidence expiring, a notice deadline. */
export const DueItem = z.object({
  /** Stable across reads (kind and object), so reminders and lists can refer to it. */
  key: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  date: IsoDate,
  overdue: z.boolean(),
  vendor: Ref.nullable(),
  engagement: Ref.nullable(),
  /** The web page that opens it. */
  href: z.string(),
  /** The person of the organisation who owns it, where the module names one: lists "mine" by it; never shown. */
  ownerId: z.string().nullable().optional(),
});
export type DueItem = z.infer<typeof DueItem>;

/** A count of things that expose the organisation, opening the list it counts. */
export const Exposure = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  severity: z.enum(['high', 'medium', 'low']),
  href: z.string(),
  /** The first few, named; `count` says how many there are in all. */
  examples: z.array(z.object({ label: z.string(), href: z.string() })),
});
export type Exposure = z.infer<typeof Exposure>;

export const MoneyAmount = z.object({ currency: z.string(), amountMinor: z.number().int() });
/** Money the organisation pays or is owed, one amount per currency (never summed across currencies). */
export const MoneyFigure = z.object({
  key: z.string(),
  label: z.string(),
  period: z.string(),
  amounts: z.array(MoneyAmount),
  href: z.string(),
  note: z.string().nullable(),
});
export type MoneyFigure = z.infer<typeof MoneyFigure>;

export const DueList = z.object({ items: z.array(DueItem), total: z.number().int(), truncated: z.boolean() });

/** Everything due, past the dashboard's week: `days` ahead of today (and all overdue), optionally only what the signed-in person owns. */
export const DueQuery = z.object({
  days: z.coerce.number().int('Expected a whole number of days').min(1, 'At least one day').max(366, 'At most a year ahead').default(30),
  mine: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export const DueAhead = DueList.extend({
  from: IsoDate,
  to: IsoDate,
  /** Modules that could not be read just now (named). */
  unavailable: z.array(z.string()),
});
export type DueAhead = z.infer<typeof DueAhead>;

export const OwnerDashboard = z.object({
  /** The organisation's today, the day "this week" counts from. */
  today: IsoDate,
  /** Overdue, and due in the next seven days. */
  thisWeek: DueList,
  exposed: z.array(Exposure),
  payingFor: z.array(MoneyFigure),
  counts: z.object({
    vendors: z.object({ total: z.number(), byStatus: z.record(z.string(), z.number()), byTier: z.record(z.string(), z.number()) }),
    engagements: z.object({ total: z.number(), active: z.number() }),
    users: z.number(),
  }),
  recentChanges: z.array(AuditEvent),
  /** Parts that could not be read just now (named), rather than a dashboard that fails whole. */
  unavailable: z.array(z.string()),
});
