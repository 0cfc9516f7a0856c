import { z } from 'zod';
import { CADENCE_KINDS } from '../../domain/governance/kinds.ts';
import { IsoDate, PageQuery, patchOf, requiredText, text } from './common.ts';

export { CADENCE_KINDS };
const uuidField = (what: string) => z.uuid({ message: `Expected ${what}` });

export const CADENCE_KIND_LABELS: Record<(typeof CADENCE_KINDS)[number], string> = {
  weekly_operations: 'Weekly operations',
  monthly_service_review: 'Monthly service review',
  quarterly_business_review: 'Quarterly business review',
};
export const SIDES = ['client', 'vendor'] as const;
export const SIDE_LABELS: Record<(typeof SIDES)[number], string> = { client: 'Our side', vendor: 'Vendor' };
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };
export const MEETING_STATUSES = ['held', 'skipped'] as const;
export const AGENDA_SOURCES = ['sla', 'deliverable', 'change_request', 'finding', 'risk', 'action', 'other'] as const;
export const AGENDA_SOURCE_LABELS: Record<(typeof AGENDA_SOURCES)[number], string> = {
  sla: 'Service levels',
  deliverable: 'Deliverables',
  change_request: 'Change requests',
  finding: 'Findings',
  risk: 'Risks',
  action: 'Actions',
  other: 'Other',
};

// ---------- contacts, escalation, channels, team, working hours ----------
const Hours = z.number('Expected a number of hours').min(0, 'Expected 0 hours or more').max(168, 'A week has 168 hours');
export const EscalationLevel = z
  .object({
    clientPerson: requiredText(200),
    vendorPerson: requiredText(200),
    afterHours: z.number('Expected hours').min(0, 'Expected 0 hours or more').max(24 * 90, 'Expected at most 90 days'),
  })
  .strict();
export const GovernanceSettingsInput = z
  .object({
    clientContactId: uuidField('a user id').nullable().optional(),
    vendorContactId: uuidField('a user id').nullable().optional(),
    escalation: z.array(EscalationLevel).max(10, 'At most ten levels').optional(),
    chatChannel: text(300).nullable().optional(),
    meetingLink: z.url({ message: 'Expected a link (https://…)', protocol: /^https?$/ }).max(1000).nullable().optional(),
    vendorTeamSize: z.number().int('Expected a whole number of people').min(0).max(100_000).nullable().optional(),
    vendorLocations: z.array(requiredText(120)).max(20, 'At most twenty locations').optional(),
    clientCalendarId: uuidField('a calendar id').nullable().optional(),
    vendorCalendarId: uuidField('a calendar id').nullable().optional(),
    requiredOverlapHours: Hours.nullable().optional(),
    /** The status reports the contract asks for, as a recurrence rule of due dates (FREQ=WEEKLY;BYDAY=MO: weekly, due Monday). */
    statusReportRrule: requiredText(300).nullable().optional(),
    statusReportFrom: IsoDate.nullable().optional(),
  })
  .strict();

const Person = z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable();
export const GovernanceSettings = z.object({
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  clientContact: Person,
  vendorContact: Person,
  escalation: z.array(z.object({ level: z.number().int(), clientPerson: z.string(), vendorPerson: z.string(), afterHours: z.number() })),
  chatChannel: z.string().nullable(),
  meetingLink: z.string().nullable(),
  vendorTeamSize: z.number().nullable(),
  vendorLocations: z.array(z.string()),
  clientCalendar: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  vendorCalendar: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  requiredOverlapHours: z.number().nullable(),
  statusReportRrule: z.string().nullable(),
  /** The reporting asked for, in words ("every week on Monday"). */
  statusReportWords: z.string().nullable(),
  statusReportFrom: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type GovernanceSettings = z.infer<typeof GovernanceSettings>;

// ---------- overlap ----------
const Span = z.object({ from: z.string(), to: z.string() });
export const OverlapQuery = z.object({ week: IsoDate.optional() });
export const Overlap = z.object({
  /** False until both teams' calendars are set. */
  configured: z.boolean(),
  clientZone: z.string().nullable(),
  vendorZone: z.string().nullable(),
  weekOf: z.string().nullable(),
  /** Per weekday, times as HH:MM in the client's zone; the vendor's own clock for the shared time. */
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int(),
      client: z.array(Span),
      vendor: z.array(Span),
      overlap: z.array(Span.extend({ vendorFrom: z.string(), vendorTo: z.string() })),
      hours: z.number(),
    }),
  ),
  hoursThisWeek: z.number(),
  typicalHours: z.number(),
  requiredHours: z.number().nullable(),
  /** The usual week gives fewer shared hours than the engagement requires. */
  belowRequired: z.boolean(),
  /** Runs of weeks in the year whose overlap differs from the usual week (clock changes). */
  shiftedWeeks: z.array(z.object({ from: z.string(), to: z.string(), hours: z.number() })),
});
export type Overlap = z.infer<typeof Overlap>;

// ---------- cadences ----------
const StartTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM');
export const CadenceInput = z
  .object({
    engagementId: uuidField('an engagement id'),
    kind: z.enum(CADENCE_KINDS),
    title: requiredText(200).optional(),
    /** Left out: the usual rule of the kind (weekly on Tuesday, first Thursday of the month, second Wednesday of the quarter). */
    rrule: requiredText(300).optional(),
    startsOn: IsoDate,
    startTime: StartTime,
    durationMinutes: z.number().int('Expected whole minutes').min(5, 'At least 5 minutes').max(480, 'At most 8 hours').default(60),
    timeZone: requiredText(64),
  })
  .strict();
export const CadenceUpdate = patchOf(CadenceInput.omit({ engagementId: true, kind: true }));
const Occ = z.object({ date: z.string(), startsAt: z.string(), clientTime: z.string(), vendorTime: z.string().nullable(), vendorDate: z.string().nullable() });
export const Cadence = z.object({
  id: z.string(),
  engagementId: z.string(),
  kind: z.enum(CADENCE_KINDS),
  title: z.string(),
  rrule: z.string(),
  /** The rule in words ("every week on Tuesday"). */
  ruleWords: z.string(),
  startsOn: z.string(),
  startTime: z.string(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  next: z.array(Occ),
  /** The last quarter (91 days): due, held, skipped and missed dates. */
  health: z.object({ expected: z.number(), held: z.number(), skipped: z.array(z.string()), missed: z.array(z.string()), decaying: z.boolean() }),
});
export type Cadence = z.infer<typeof Cadence>;
export const CadenceList = z.object({ items: z.array(Cadence), vendorZone: z.string().nullable() });

// ---------- meetings ----------
export const AgendaItem = z.object({ source: z.enum(AGENDA_SOURCES), text: requiredText(1000) }).strict();
export const Agenda = z.object({ since: z.string().nullable(), items: z.array(z.object({ source: z.enum(AGENDA_SOURCES), text: z.string() })) });
export const Attendee = z.object({ name: requiredText(200), side: z.enum(SIDES) }).strict();
const NewAction = z
  .object({
    title: requiredText(500),
    ownerSide: z.enum(SIDES),
    ownerId: uuidField('a user id').nullable().optional(),
    dueOn: IsoDate,
  })
  .strict();
export const MeetingInput = z
  .object({
    engagementId: uuidField('an engagement id'),
    cadenceId: uuidField('a cadence id').nullable().optional(),
    title: requiredText(200).optional(),
    occursOn: IsoDate,
    status: z.enum(MEETING_STATUSES).default('held'),
    agenda: z.array(AgendaItem).max(100).default([]),
    attendees: z.array(Attendee).max(100).default([]),
    notes: text(20_000).nullable().optional(),
    decisions: z.array(requiredText(1000)).max(50).default([]),
    skipReason: text(1000).nullable().optional(),
    actions: z.array(NewAction).max(50).default([]),
  })
  .strict();
export const MeetingListQuery = PageQuery.extend({ engagementId: uuidField('an engagement id') });
export const Meeting = z.object({
  id: z.string(),
  engagementId: z.string(),
  cadenceId: z.string().nullable(),
  title: z.string(),
  occursOn: z.string(),
  status: z.enum(MEETING_STATUSES),
  agenda: z.array(z.object({ source: z.enum(AGENDA_SOURCES), text: z.string() })),
  attendees: z.array(z.object({ name: z.string(), side: z.enum(SIDES) })),
  notes: z.string().nullable(),
  decisions: z.array(z.string()),
  skipReason: z.string().nullable(),
  actionCount: z.number().int(),
  createdAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

// ---------- action items ----------
export const ActionInput = NewAction.extend({
  engagementId: uuidField('an engagement id'),
  meetingId: uuidField('a meeting id').nullable().optional(),
  internalNote: text(4000).nullable().optional(),
}).strict();
export const ActionUpdate = patchOf(
  z.object({
    title: requiredText(500),
    ownerSide: z.enum(SIDES),
    ownerId: uuidField('a user id').nullable(),
    dueOn: IsoDate,
    status: z.enum(ACTION_STATUSES),
    internalNote: text(4000).nullable(),
  }),
);
const csv = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(3));
export const ActionListQuery = PageQuery.extend({
  engagementId: uuidField('an engagement id').optional(),
  /** "true": only the signed-in user's own items. */
  mine: z.enum(['true', 'false']).optional(),
  status: csv(z.enum(ACTION_STATUSES)).optional(),
});
export const ActionItem = z.object({
  id: z.string(),
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  meetingId: z.string().nullable(),
  title: z.string(),
  ownerSide: z.enum(SIDES),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  doneOn: z.string().nullable(),
  vendorNote: z.string().nullable(),
  internalNote: z.string().nullable(),
});
export type ActionItem = z.infer<typeof ActionItem>;

/** What a vendor contact sees of an item its side owns: no internal note. */
export const PortalActionItem = ActionItem.omit({ internalNote: true, vendorId: true, vendorName: true });
export type PortalActionItem = z.infer<typeof PortalActionItem>;
export const PortalActionListQuery = PageQuery.extend({ status: csv(z.enum(ACTION_STATUSES)).optional() });
export const PortalActionUpdate = z
  .object({ status: z.enum(['open', 'done']), vendorNote: text(4000).nullable().optional() })
  .strict();

// ---------- status reports ----------
export const REPORT_STATES = ['on_time', 'late', 'missing', 'upcoming'] as const;
export const REPORT_STATE_LABELS: Record<(typeof REPORT_STATES)[number], string> = { on_time: 'On time', late: 'Late', missing: 'Missing', upcoming: 'Due' };
export const StatusReport = z.object({
  id: z.string(),
  engagementId: z.string(),
  dueOn: z.string(),
  text: z.string(),
  submittedAt: z.string(),
  submittedByName: z.string().nullable(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
});
export type StatusReport = z.infer<typeof StatusReport>;
export const ReportSlot = z.object({ dueOn: z.string(), state: z.enum(REPORT_STATES), report: StatusReport.nullable() });
export const EngagementStatusReports = z.object({
  engagementId: z.string(),
  engagementName: z.string(),
  /** Null while the engagement asks for no reports. */
  scheduleWords: z.string().nullable(),
  /** The last twelve due dates and the next one, newest first. */
  slots: z.array(ReportSlot),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
});
export type EngagementStatusReports = z.infer<typeof EngagementStatusReports>;
export const PortalStatusReports = z.object({ items: z.array(EngagementStatusReports) });
export const StatusReportInput = z.object({ engagementId: uuidField('an engagement id'), dueOn: IsoDate, text: requiredText(20_000) }).strict();
export const StatusReportFileQuery = z.object({ fileName: requiredText(255) });

// ---------- performance reviews (scorecards) ----------
export const CRITERIA = ['sla', 'deliverables', 'actions', 'reports', 'findings', 'invoices', 'quality', 'communication', 'expertise', 'proactiveness'] as const;
/** The rated criteria: what internal stakeholders answer in the survey, 1–5. */
export const SURVEY_CRITERIA = ['quality', 'communication', 'expertise', 'proactiveness'] as const;
const Weight = z.number().int('Expected a whole weight').min(0).max(100);
export const ReviewInput = z
  .object({
    engagementId: uuidField('an engagement id'),
    period: z.string().regex(/^\d{4}-Q[1-4]$/, 'Expected a quarter as YYYY-Qn, e.g. 2026-Q3'),
    /** Weights per criterion (default SLA 40, deliverables 30, actions 20, status reports 10, findings 10, invoices 10). */
    weights: z.object({ sla: Weight, deliverables: Weight, actions: Weight, reports: Weight, findings: Weight, invoices: Weight }).partial().strict().optional(),
  })
  .strict();
export const ReviewListQuery = PageQuery.extend({ engagementId: uuidField('an engagement id').optional() });
export const Review = z.object({
  id: z.string(),
  engagementId: z.string(),
  engagementName: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  period: z.string(),
  criteria: z.array(z.object({ key: z.enum(CRITERIA), label: z.string(), source: z.string(), weight: z.number(), value: z.number().nullable(), detail: z.string() })),
  score: z.number().nullable(),
  shared: z.boolean(),
  createdAt: z.string(),
});
export type Review = z.infer<typeof Review>;
export const PortalReviews = z.object({ items: z.array(Review) });

// ---------- the client's own side, measured (issue 15 §6) ----------
export const ClientSideQuery = z.object({
  period: z.string().regex(/^\d{4}-Q[1-4]$/, 'Expected a quarter as YYYY-Qn, e.g. 2026-Q3'),
});
const DecisionSpeed = z.object({
  decided: z.number().int(),
  /** Days, one decimal; null: not measured (nothing decided in the period). */
  medianDays: z.number().nullable(),
  worstDays: z.number().nullable(),
  waiting: z.number().int(),
  longestWaitingDays: z.number().nullable(),
  /** The figure in words ("3 decided in 2 days on median (worst 5 days)" or "Not measured: …"). */
  words: z.string(),
});
export const ClientSide = z.object({
  engagementId: z.string(),
  period: z.string(),
  /** From handed in to accepted or rejected. */
  deliverables: DecisionSpeed,
  /** From proposed to approved or rejected. */
  changeRequests: DecisionSpeed,
  /** The vendor's clarification questions on its questionnaires, from asked to answered (the client's next message in the thread, or the questionnaire closed). */
  questions: DecisionSpeed,
  meetings: z.object({
    held: z.number().int(),
    withClient: z.number().int(),
    /** 0–1; null: not measured (no meeting held). */
    share: z.number().nullable(),
    /** Due by the cadences in the period; null: no cadence due. */
    due: z.number().int().nullable(),
    skipped: z.number().int(),
    missed: z.number().int(),
    words: z.string(),
  }),
});
export type ClientSide = z.infer<typeof ClientSide>;

// ---------- survey of internal stakeholders (the rated criteria) ----------
export const SurveySend = z
  .object({
    /** Internal people of the organisation, chosen per review. */
    userIds: z.array(uuidField('a user id')).min(1, 'Choose at least one person').max(50),
    /** How long the links work (default 14 days). */
    expiresInDays: z.number().int().min(1).max(60).optional(),
  })
  .strict();
export const ReviewSurvey = z.object({
  /** Who was asked, and whether they answered (the answers themselves are not attributed). */
  recipients: z.array(z.object({ name: z.string(), sentAt: z.string(), expiresAt: z.string(), answered: z.boolean() })),
  criteria: z.array(z.object({ key: z.enum(SURVEY_CRITERIA), label: z.string(), average: z.number().nullable(), answers: z.number().int(), comments: z.array(z.string()) })),
  /** Without SMTP the links come back here once, to hand over another way. */
  links: z.array(z.object({ name: z.string(), url: z.string() })).optional(),
});
export const SurveyForm = z.object({
  personName: z.string(),
  vendorName: z.string(),
  engagementName: z.string(),
  period: z.string(),
  expiresAt: z.string(),
  questions: z.array(z.object({ key: z.enum(SURVEY_CRITERIA), label: z.string(), help: z.string() })),
});
const Rating = z.object({ rating: z.number().int('Expected a whole rating').min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5'), comment: z.string().trim().max(2000).optional() }).strict();
export const SurveyAnswer = z.object({ quality: Rating, communication: Rating, expertise: Rating, proactiveness: Rating }).strict();
