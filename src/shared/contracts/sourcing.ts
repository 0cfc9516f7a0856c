import { z } from 'zod';
import { IsoDate, PageQuery, patchOf, requiredText, text } from './common.ts';
import { AmountMinor, Currency } from './deliverables.ts';
import { ServiceType } from './engagements.ts';
import { ConcentrationIf } from './risks.ts';
import { TimeZone, WorkingHours } from './vendors.ts';

const uuidField = (what: string) => z.uuid({ message: `Expected ${what}` });

// ---------- the project and its state ----------
export const PROJECT_STATUSES = ['draft', 'checked', 'evaluating', 'pilot', 'decided'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: 'Draft',
  checked: 'Check done',
  evaluating: 'Evaluating',
  pilot: 'Pilot',
  decided: 'Decided',
};

/** The should-we-outsource check (article 000): the questions asked before any vendor is named. */
export const CHECK_QUESTIONS = ['automatable', 'understood', 'core', 'toolsReady', 'peopleTold'] as const;
export type CheckQuestion = (typeof CHECK_QUESTIONS)[number];
export const CHECK_QUESTION_LABELS: Record<CheckQuestion, string> = {
  automatable: 'Could it be automated instead of outsourced?',
  understood: 'Do we understand it well enough to steer a vendor?',
  core: 'Is it core to the business?',
  toolsReady: 'Are the tools and remote access ready for a vendor?',
  peopleTold: 'Have the people affected been told?',
};
/** The answer that speaks for outsourcing, per question. */
export const CHECK_GOOD_ANSWER: Record<CheckQuestion, boolean> = { automatable: false, understood: true, core: false, toolsReady: true, peopleTold: true };
export const CHECK_DECISIONS = ['outsource', 'do_not_outsource'] as const;
export const CHECK_DECISION_LABELS: Record<(typeof CHECK_DECISIONS)[number], string> = { outsource: 'Outsource', do_not_outsource: 'Do not outsource' };

const CheckAnswer = z.object({ answer: z.boolean({ message: 'Answer yes or no' }), note: text(2000).nullable().optional() }).strict();
export const CheckInput = z
  .object({
    answers: z.object(Object.fromEntries(CHECK_QUESTIONS.map((q) => [q, CheckAnswer])) as Record<CheckQuestion, typeof CheckAnswer>).strict(),
    decision: z.enum(CHECK_DECISIONS),
    rationale: requiredText(5000),
  })
  .strict();
export const Check = z.object({
  answers: z.array(z.object({ question: z.enum(CHECK_QUESTIONS), label: z.string(), answer: z.boolean(), note: z.string().nullable(), concern: z.boolean() })),
  decision: z.enum(CHECK_DECISIONS),
  decisionLabel: z.string(),
  rationale: z.string(),
  concerns: z.number().int(),
  doneBy: z.string().nullable(),
  doneAt: z.string(),
});

export const NeedHours = z.object({ timeZone: TimeZone, days: WorkingHours.shape.days, start: z.string(), end: z.string() });
const needFields = z.object({
  name: requiredText(200),
  scope: requiredText(10000),
  goals: text(5000).nullable().optional(),
  deliverables: text(5000).nullable().optional(),
  successMeasures: text(5000).nullable().optional(),
  budgetMinor: AmountMinor.nullable().optional(),
  currency: Currency,
  startOn: IsoDate.nullable().optional(),
  decideBy: IsoDate.nullable().optional(),
  hoursNeeded: z
    .object({ timeZone: TimeZone, days: z.array(z.number().int().min(1).max(7)).min(1, 'Choose at least one weekday').max(7), start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:MM'), end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected HH:MM') })
    .strict()
    .refine((h) => h.start < h.end, { message: 'End must be after start', path: ['end'] })
    .nullable()
    .optional(),
});
export const ProjectInput = needFields.strict();
export const ProjectUpdate = patchOf(needFields);
/** `vendorId`: the projects the vendor is a candidate in. */
export const ProjectListQuery = PageQuery.extend({ status: z.enum(PROJECT_STATUSES).optional(), vendorId: z.uuid({ message: 'Expected a vendor id' }).optional() });

// ---------- criteria ----------
export const CRITERION_SOURCES = ['evaluators', 'proposal_price', 'due_diligence', 'hours_overlap', 'references', 'interviews'] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];
export const CRITERION_SOURCE_LABELS: Record<CriterionSource, string> = {
  evaluators: 'Scored by the evaluators',
  proposal_price: 'From the proposals’ prices',
  due_diligence: 'From the due-diligence score',
  hours_overlap: 'From the working-hours overlap',
  references: 'From the reference checks',
  interviews: 'From the interview scorecards',
};
export const CriterionInput = z
  .object({
    id: uuidField('a criterion id').optional(),
    name: requiredText(200),
    weight: z.number().int('Expected whole points').min(0, 'Must not be negative').max(1000),
    source: z.enum(CRITERION_SOURCES).default('evaluators'),
  })
  .strict();
export const CriteriaInput = z
  .object({ criteria: z.array(CriterionInput).min(1, 'Keep at least one criterion').max(20), reason: text(2000).nullable().optional() })
  .strict();
export const Criterion = z.object({ id: z.string(), name: z.string(), weight: z.number(), source: z.enum(CRITERION_SOURCES), sourceLabel: z.string(), position: z.number() });
export const WeightChange = z.object({ at: z.string(), by: z.string().nullable(), reason: z.string(), changes: z.array(z.object({ criterion: z.string(), from: z.number().nullable(), to: z.number().nullable() })) });

// ---------- candidates, proposals, RFI, scores ----------
export const CandidateInput = z.object({ vendorId: uuidField('a vendor id') }).strict();
export const ProposalInput = z
  .object({
    priceMinor: AmountMinor,
    currency: Currency,
    team: text(5000).nullable().optional(),
    approach: text(10000).nullable().optional(),
    receivedOn: IsoDate,
  })
  .strict();
export const RfiInput = z.object({ templateId: uuidField('a questionnaire id'), dueDate: IsoDate, contactEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()).optional() }).strict();
export const ScoresInput = z
  .object({
    scores: z
      .array(z.object({ criterionId: uuidField('a criterion id'), score: z.number().int('Expected a whole score from 0 to 5').min(0).max(5), note: text(2000).nullable().optional() }).strict())
      .min(1)
      .max(20),
  })
  .strict();
const Rating = z.number().int('Expected a rating from 1 to 5').min(1, 'Expected a rating from 1 to 5').max(5, 'Expected a rating from 1 to 5');
export const ReferenceInput = z
  .object({
    client: requiredText(200),
    contactName: requiredText(200),
    calledOn: IsoDate,
    questions: z.array(z.object({ question: requiredText(500), answer: text(5000) }).strict()).max(20).default([]),
    rating: Rating,
  })
  .strict();
export const INTERVIEW_ASPECTS = ['communication', 'clientFeedback', 'hoursFit', 'costEffective'] as const;
export const INTERVIEW_ASPECT_LABELS: Record<(typeof INTERVIEW_ASPECTS)[number], string> = {
  communication: 'Communicates effectively with our team',
  clientFeedback: 'Positive feedback from clients',
  hoursFit: 'Works the hours we need',
  costEffective: 'Cost-effective without losing quality',
};
export const InterviewInput = z
  .object({ heldOn: IsoDate, communication: Rating, clientFeedback: Rating, hoursFit: Rating, costEffective: Rating, notes: text(5000).nullable().optional() })
  .strict();

export const ProposalFile = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedBy: z.string().nullable(), uploadedAt: z.string() });
/** A proposal; sealed (price, team, approach null and its files unreadable) until it is opened, so no one reads one offer before the others. */
export const Proposal = z.object({
  priceMinor: z.number().int().nullable(),
  currency: z.string(),
  team: z.string().nullable(),
  approach: z.string().nullable(),
  files: z.array(ProposalFile),
  receivedOn: z.string(),
  opened: z.boolean(),
  openedAt: z.string().nullable(),
});
export const Reference = z.object({ id: z.string(), client: z.string(), contactName: z.string(), calledOn: z.string(), calledBy: z.string().nullable(), questions: z.array(z.object({ question: z.string(), answer: z.string() })), rating: z.number() });
export const Interview = z.object({
  id: z.string(),
  heldOn: z.string(),
  interviewer: z.string().nullable(),
  communication: z.number(),
  clientFeedback: z.number(),
  hoursFit: z.number(),
  costEffective: z.number(),
  notes: z.string().nullable(),
});
export const Candidate = z.object({
  id: z.string(),
  projectId: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  vendorStatus: z.string(),
  proposal: Proposal.nullable(),
  rfi: z.object({ assessmentId: z.string(), status: z.string(), dueDate: z.string() }).nullable(),
  references: z.array(Reference),
  interviews: z.array(Interview),
  /** The signed-in evaluator's own scores, by criterion. */
  myScores: z.array(z.object({ criterionId: z.string(), score: z.number(), note: z.string().nullable() })),
  addedAt: z.string(),
});

// ---------- pilots ----------
export const PILOT_STATUSES = ['running', 'go', 'no_go'] as const;
export const PILOT_STATUS_LABELS: Record<(typeof PILOT_STATUSES)[number], string> = { running: 'Running', go: 'Go', no_go: 'No-go' };
export const PilotInput = z
  .object({
    candidateId: uuidField('a candidate id'),
    startsOn: IsoDate,
    endsOn: IsoDate,
    engagementName: requiredText(200).optional(),
    serviceType: ServiceType.default('other'),
    slaTargetPct: z.number().min(0).max(100).nullable().optional(),
    deliverablesDueBy: IsoDate.nullable().optional(),
    budgetCeilingMinor: AmountMinor.nullable().optional(),
    currency: Currency.optional(),
    scorecardThreshold: z.number().min(0).max(5).nullable().optional(),
  })
  .strict()
  .refine((p) => p.startsOn <= p.endsOn, { message: 'The pilot must end on or after its start', path: ['endsOn'] });
export const DecisionInput = z
  .object({
    decision: z.enum(['go', 'no_go']),
    rationale: requiredText(5000),
    /** The draft contract's own reference (a "go" only). */
    contractReference: text(100).nullable().optional(),
  })
  .strict();
export const PilotCriterion = z.object({ key: z.string(), label: z.string(), target: z.string(), measured: z.string(), met: z.boolean().nullable(), by: z.string() });
export const Pilot = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  candidateId: z.string(),
  vendorId: z.string(),
  vendorName: z.string(),
  engagementId: z.string().nullable(),
  engagementName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(PILOT_STATUSES),
  statusLabel: z.string(),
  slaTargetPct: z.number().nullable(),
  deliverablesDueBy: z.string().nullable(),
  budgetCeilingMinor: z.number().nullable(),
  currency: z.string(),
  scorecardThreshold: z.number().nullable(),
  criteria: z.array(PilotCriterion),
  verdict: z.enum(['met', 'not_met', 'open']),
  decision: z.object({ decision: z.enum(['go', 'no_go']), rationale: z.string(), approver: z.string().nullable(), decidedAt: z.string(), contractId: z.string().nullable() }).nullable(),
});
export type Pilot = z.infer<typeof Pilot>;

// ---------- the project as read ----------
export const ProjectSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(PROJECT_STATUSES),
  statusLabel: z.string(),
  budgetMinor: z.number().nullable(),
  currency: z.string(),
  decideBy: z.string().nullable(),
  candidateCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const Project = ProjectSummary.extend({
  scope: z.string(),
  goals: z.string().nullable(),
  deliverables: z.string().nullable(),
  successMeasures: z.string().nullable(),
  startOn: z.string().nullable(),
  hoursNeeded: z.object({ timeZone: z.string(), days: z.array(z.number()), start: z.string(), end: z.string() }).nullable(),
  check: Check.nullable(),
  criteria: z.array(Criterion),
  weightsLockedAt: z.string().nullable(),
  weightChanges: z.array(WeightChange),
  candidates: z.array(Candidate),
  pilots: z.array(Pilot),
  outcome: z.object({ vendorId: z.string(), vendorName: z.string(), contractId: z.string().nullable(), engagementId: z.string().nullable() }).nullable(),
});
export type Project = z.infer<typeof Project>;

// ---------- the matrix ----------
export const MatrixCell = z.object({
  criterionId: z.string(),
  score: z.number().nullable(),
  source: z.enum(['computed', 'evaluators', 'missing']),
  basis: z.string().nullable(),
  evaluators: z.array(z.object({ evaluator: z.string(), score: z.number() })),
  spread: z.number().nullable(),
  disagreement: z.boolean(),
});
export const SourcingMatrix = z.object({
  projectId: z.string(),
  criteria: z.array(Criterion),
  rows: z.array(
    z.object({
      candidateId: z.string(),
      vendorId: z.string(),
      vendorName: z.string(),
      total: z.number(),
      rank: z.number().int(),
      cells: z.array(MatrixCell),
      byEvaluator: z.array(z.object({ evaluator: z.string(), total: z.number() })),
      spread: z.number().nullable(),
      disagreement: z.boolean(),
      missing: z.array(z.string()),
      /** If this candidate were chosen: its effect on concentration; null when the role does not see risks. */
      concentration: ConcentrationIf.nullable(),
    }),
  ),
  winner: z.object({ candidateId: z.string(), vendorName: z.string() }).nullable(),
  robust: z.boolean(),
  flips: z.array(z.object({ criterion: z.string(), change: z.string(), winner: z.string() })),
  /** In words: robust, or which weight moves would change the winner. */
  robustness: z.string(),
});
export type SourcingMatrix = z.infer<typeof SourcingMatrix>;
