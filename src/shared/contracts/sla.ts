import { z } from 'zod';
import { isCurrency } from '../../domain/money.ts';
import { IsoDate, requiredText, IsoMonth, IsoDateTime, queryText } from './common.ts';
import { TimeZone } from './vendors.ts';

const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Expected HH:MM (24:00 ends a day)');
export const WorkingInterval = z
  .object({ from: clockTime, to: clockTime })
  .strict()
  .refine((w) => w.from < w.to, { message: 'Must end after it starts', path: ['to'] });

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export const CalendarInput = z
  .object({
    name: requiredText(200),
    timeZone: TimeZone,
    /** ISO weekday "1" (Monday) … "7" (Sunday) → working intervals; a missing day is off. */
    week: z.partialRecord(z.enum(WEEKDAYS), z.array(WorkingInterval).max(6)),
    /** Local dates that are entirely off. */
    holidays: z.array(IsoDate).max(5000).default([]),
  })
  .strict();
export type CalendarInput = z.input<typeof CalendarInput>;
export const CalendarUpdate = CalendarInput.partial().strict();

export const Calendar = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  week: z.record(z.string(), z.array(z.object({ from: z.string(), to: z.string() }))),
  holidays: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Calendar = z.infer<typeof Calendar>;

export const HolidayImportResult = z.object({ calendar: Calendar, added: z.number(), problems: z.array(z.string()) });

const TEN_YEARS_MS = 10 * 366 * 86_400_000;
export const SlaTarget = z.object({ ms: z.number().int().min(0).max(TEN_YEARS_MS), clock: z.enum(['business', 'calendar']) }).strict();
const Share = z.number().min(0).max(1);
export const CreditTier = z.object({ shortfallOver: z.number().min(0).lt(1), creditPct: z.number().min(0).max(100) }).strict();

/** An engagement's SLA policy, in the engine's own terms (src/domain/sla/policy.ts): durations in ms, shares as fractions. */
export const SlaPolicyInput = z
  .object({
    calendarId: z.uuid({ message: 'Choose a calendar' }),
    priorities: z
      .record(z.string().trim().min(1).max(50), z.object({ response: SlaTarget.optional(), resolution: SlaTarget.optional(), monthlyAttainment: Share.optional() }).strict())
      .refine((r) => Object.keys(r).length > 0 && Object.keys(r).length <= 20, 'Between 1 and 20 priorities'),
    pauseStatuses: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    resolvedStatuses: z.array(z.string().trim().min(1).max(100)).min(1, 'At least one status resolves a ticket').max(50),
    availability: z.object({ target: Share, credits: z.array(CreditTier).max(20).optional() }).strict().optional(),
    attainmentCredits: z.array(CreditTier).max(20).optional(),
    creditCapPct: z.number().min(0).max(100).optional(),
    /** Monthly fee in minor currency units (cents), to turn credit % into money. */
    monthlyFeeMinor: z.number().int().min(0).max(1e13).optional(),
    /** ISO 4217 code of the fee and its credits; policies saved before it had one are in EUR. */
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrency, 'Not an ISO 4217 currency code (e.g. EUR, USD, GBP)')
      .optional(),
    atRiskShare: Share.optional(),
  })
  .strict();
export type SlaPolicyInput = z.input<typeof SlaPolicyInput>;

export const SlaPolicy = SlaPolicyInput.extend({
  currency: z.string(),
  id: z.string(),
  engagementId: z.string(),
  version: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const Month = IsoMonth;
export const SlaReportQuery = z.object({ from: Month.optional(), to: Month.optional(), version: z.coerce.number().int().min(1).optional() });

const PriorityMonth = z.object({
  priority: z.string(),
  tickets: z.number(),
  breached: z.number(),
  responseBreaches: z.number(),
  resolutionBreaches: z.number(),
  attainment: z.number().nullable(),
  target: z.number().nullable(),
  met: z.boolean().nullable(),
  creditPct: z.number(),
});
export const SlaReport = z.object({
  engagementId: z.string(),
  policyVersion: z.number(),
  timeZone: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      priorities: z.array(PriorityMonth),
      availability: z
        .object({ scheduledMs: z.number(), maintenanceMs: z.number(), downtimeMs: z.number(), availability: z.number(), target: z.number().nullable(), met: z.boolean().nullable(), creditPct: z.number() })
        .nullable(),
      creditPct: z.number(),
      creditMinor: z.number().nullable(),
    }),
  ),
  ticketCount: z.number(),
  problemCount: z.number(),
  /** The first tickets that could not be measured, with the reason. */
  problems: z.array(z.object({ externalId: z.string(), problem: z.string() })),
});
export type SlaReport = z.infer<typeof SlaReport>;

export const SlaTicket = z.object({
  id: z.string(),
  externalId: z.string(),
  title: z.string().nullable(),
  priority: z.string().nullable(),
  status: z.string().nullable(),
  state: z.enum(['open', 'paused', 'resolved']).nullable(),
  openedAt: z.string(),
  respondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  responseMs: z.number().nullable(),
  resolutionMs: z.number().nullable(),
  pausedMs: z.number().nullable(),
  responseTargetMs: z.number().nullable(),
  resolutionTargetMs: z.number().nullable(),
  responseBreached: z.boolean(),
  resolutionBreached: z.boolean(),
  breached: z.boolean(),
  atRisk: z.boolean(),
  /** Time left on the resolution clock of an open ticket. */
  leftMs: z.number().nullable(),
  dueAt: z.string().nullable(),
  reopenCount: z.number(),
  /** Why the ticket could not be measured; the verdict fields are empty then. */
  problem: z.string().nullable(),
});
export type SlaTicket = z.infer<typeof SlaTicket>;

export const SlaTicketQuery = z.object({
  filter: z.enum(['all', 'breached', 'at-risk', 'open', 'problems']).default('all'),
  priority: z.string().max(50).optional(),
  month: Month.optional(),
  q: queryText(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A ticket's clock over time: when it ran, when it was paused, when it was stopped. */
export const TicketTimeline = z.object({
  ticket: SlaTicket,
  history: z.array(z.object({ at: z.string(), status: z.string(), priority: z.string().nullable() })),
  segments: z.array(z.object({ from: z.string(), to: z.string(), clock: z.enum(['running', 'paused', 'stopped']), status: z.string() })),
});

export const OutageInput = z
  .object({ startAt: IsoDateTime, endAt: IsoDateTime, planned: z.boolean().default(false), description: z.string().trim().max(1000).nullable().optional() })
  .strict()
  .refine((o) => new Date(o.startAt) < new Date(o.endAt), { message: 'Must end after it starts', path: ['endAt'] });
export const Outage = z.object({ id: z.string(), engagementId: z.string(), startAt: z.string(), endAt: z.string(), planned: z.boolean(), description: z.string().nullable() });
export type Outage = z.infer<typeof Outage>;

export const SlaOverviewRow = z.object({
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  hasPolicy: z.boolean(),
  tickets: z.number(),
  breached: z.number(),
  attainment: z.number().nullable(),
  met: z.boolean().nullable(),
  creditPct: z.number(),
  creditMinor: z.number().nullable(),
  /** The currency of creditMinor: amounts of different rows are only added within one currency. */
  currency: z.string().nullable(),
});
export const SlaOverview = z.object({
  month: z.string(),
  items: z.array(SlaOverviewRow),
  /** Credits owed from January to `month`, one amount per currency (never summed across currencies). */
  yearToDate: z.object({ from: z.string(), to: z.string(), credits: z.array(z.object({ currency: z.string(), amountMinor: z.number().int() })) }),
});
