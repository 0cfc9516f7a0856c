import { z } from 'zod';
import { HHI_BAND_LABELS } from '../../domain/risk/concentration.ts';
import { RISK_CATEGORIES } from '../../domain/risk/signals/types.ts';
import { IsoDate, PageQuery, patchOf, queryText, requiredText, text } from './common.ts';
import { MoneyAmount } from './dashboard.ts';
import { Currency } from './deliverables.ts';
import { DATA_ACCESS } from './vendors.ts';

export { RISK_CATEGORIES, HHI_BAND_LABELS };
export const RISK_CATEGORY_LABELS: Record<(typeof RISK_CATEGORIES)[number], string> = {
  security: 'Security',
  data_protection: 'Data protection',
  service_delivery: 'Service delivery',
  financial: 'Financial',
  concentration: 'Concentration and dependency',
  contract_legal: 'Contract and legal',
  compliance: 'Compliance',
  fourth_party: 'Fourth party',
};
export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const TREATMENT_LABELS: Record<(typeof TREATMENTS)[number], string> = { mitigate: 'Mitigate', accept: 'Accept', transfer: 'Transfer', avoid: 'Avoid' };
export const RISK_STATUSES = ['open', 'closed'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

const uuidField = (what: string) => z.uuid({ message: `Expected ${what}` });
const Score = z.number().int('Expected a whole number').min(1, 'Expected 1 or more').max(5, 'Expected at most 5');

// ---------- settings ----------
const Label = requiredText(60);
export const RiskMatrixShape = z
  .object({
    size: z.number().int().min(3, 'The matrix is 3×3 to 5×5.').max(5, 'The matrix is 3×3 to 5×5.'),
    likelihoodLabels: z.array(Label).min(3).max(5),
    impactLabels: z.array(Label).min(3).max(5),
    levels: z.array(z.object({ label: Label, color: z.enum(['green', 'lime', 'yellow', 'orange', 'red', 'grape']) }).strict()).min(2).max(6),
    grid: z.array(z.array(z.number().int().min(0).max(5)).min(3).max(5)).min(3).max(5),
    appetite: z.number().int().min(0).max(5),
    loss: z
      .object({
        currency: Currency,
        impactMinor: z.array(z.number().int('Expected a whole number of minor units').min(0).max(Number.MAX_SAFE_INTEGER)).min(3).max(5),
        likelihoodPct: z.array(z.number().int('Expected a whole percentage').min(0).max(100)).min(3).max(5),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export const RuleSetting = z.object({ enabled: z.boolean().optional(), params: z.record(z.string().max(40), z.number().min(0).max(100_000)).optional() }).strict();
export const RiskSettingsInput = z.object({ matrix: RiskMatrixShape.optional(), rules: z.record(z.string().max(40), RuleSetting).optional() }).strict();
export const RiskRule = z.object({ key: z.string(), label: z.string(), describe: z.string(), enabled: z.boolean(), params: z.array(z.object({ key: z.string(), label: z.string(), value: z.number(), default: z.number() })) });
export const RiskSettings = z.object({ matrix: RiskMatrixShape.extend({ levels: z.array(z.object({ label: z.string(), color: z.string() })) }), rules: z.array(RiskRule) });
export type RiskSettings = z.infer<typeof RiskSettings>;

// ---------- risks ----------
export const RiskInput = z
  .object({
    title: requiredText(300),
    description: text(10_000).nullable().optional(),
    category: z.enum(RISK_CATEGORIES),
    vendorId: uuidField('a vendor id').nullable().optional(),
    engagementId: uuidField('an engagement id').nullable().optional(),
    contractId: uuidField('a contract id').nullable().optional(),
    findingId: uuidField('a finding id').nullable().optional(),
    ownerId: uuidField('a user id').nullable().optional(),
    inherentLikelihood: Score,
    inherentImpact: Score,
    residualLikelihood: Score.optional(),
    residualImpact: Score.optional(),
    treatment: z.enum(TREATMENTS).nullable().optional(),
    reviewOn: IsoDate.nullable().optional(),
  })
  .strict();
export const RiskUpdate = patchOf(RiskInput).extend({ scoreNote: text(500).optional() }).strict();
export const AcceptRiskInput = z.object({ expiresOn: IsoDate, note: text(2000).nullable().optional() }).strict();
export const CloseRiskInput = z.object({ note: text(2000).nullable().optional() }).strict();
export const RiskListQuery = PageQuery.extend({
  vendorId: z.uuid().optional(),
  category: z.enum(RISK_CATEGORIES).optional(),
  status: z.enum(RISK_STATUSES).optional(),
  /** Which score a cell filter reads. */
  score: z.enum(['inherent', 'residual']).optional(),
  likelihood: z.coerce.number().int().min(1).max(5).optional(),
  impact: z.coerce.number().int().min(1).max(5).optional(),
  aboveAppetite: z.enum(['true', 'false']).optional(),
  accepted: z.enum(['true', 'false']).optional(),
  source: z.enum(['manual', 'signal']).optional(),
  q: queryText().optional(),
});
export const RiskCell = z.object({ likelihood: z.number().int(), impact: z.number().int(), likelihoodLabel: z.string(), impactLabel: z.string(), annualLoss: MoneyAmount.nullable(), level: z.number().int(), levelLabel: z.string(), color: z.string(), score: z.number().int(), aboveAppetite: z.boolean() });
const Ref = z.object({ id: z.string(), name: z.string() });
export const Risk = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.enum(RISK_CATEGORIES),
  categoryLabel: z.string(),
  vendor: Ref.nullable(),
  engagement: Ref.nullable(),
  contract: Ref.nullable(),
  finding: Ref.nullable(),
  owner: Ref.nullable(),
  inherent: RiskCell,
  residual: RiskCell,
  treatment: z.enum(TREATMENTS).nullable(),
  status: z.enum(RISK_STATUSES),
  reviewOn: z.string().nullable(),
  reviewDue: z.boolean(),
  acceptance: z
    .object({
      approver: Ref.nullable(),
      acceptedAt: z.string(),
      expiresOn: z.string().nullable(),
      note: z.string().nullable(),
      expired: z.boolean(),
      /** The residual score changed after the acceptance. */
      outOfDate: z.boolean(),
    })
    .nullable(),
  source: z.enum(['manual', 'signal']),
  /** The signal that opened it still holds (null when no signal opened it). */
  signalActive: z.boolean().nullable(),
  openActions: z.number().int(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Risk = z.infer<typeof Risk>;
export const RiskAction = z.object({ id: z.string(), riskId: z.string(), title: z.string(), owner: Ref.nullable(), dueOn: z.string().nullable(), status: z.enum(ACTION_STATUSES), overdue: z.boolean(), updatedAt: z.string() });
export const RiskActionInput = z.object({ title: requiredText(300), ownerId: uuidField('a user id').nullable().optional(), dueOn: IsoDate.nullable().optional(), status: z.enum(ACTION_STATUSES).default('open') }).strict();
export const RiskActionUpdate = patchOf(RiskActionInput);
export const RiskScorePoint = z.object({ at: z.string(), inherent: RiskCell, residual: RiskCell, by: z.string().nullable(), note: z.string().nullable() });
export const RiskSignal = z.object({ id: z.string(), rule: z.string(), ruleLabel: z.string(), title: z.string(), detail: z.string(), active: z.boolean(), evidence: z.array(z.object({ label: z.string(), href: z.string() })), raisedAt: z.string(), clearedAt: z.string().nullable(), riskId: z.string().nullable() });
export const RiskDetail = Risk.extend({ actions: z.array(RiskAction), history: z.array(RiskScorePoint), signals: z.array(RiskSignal) });
export type RiskDetail = z.infer<typeof RiskDetail>;

export const HeatMapQuery = z.object({ vendorId: z.uuid().optional() });
export const HeatMap = z.object({
  likelihoodLabels: z.array(z.string()),
  impactLabels: z.array(z.string()),
  /** [likelihood-1][impact-1] */
  cells: z.array(z.array(z.object({ level: z.number().int(), levelLabel: z.string(), color: z.string(), aboveAppetite: z.boolean(), inherent: z.number().int(), residual: z.number().int() }))),
  appetiteLabel: z.string(),
  openRisks: z.number().int(),
});

export const SignalListQuery = PageQuery.extend({ active: z.enum(['true', 'false']).optional(), rule: z.string().max(40).optional() });
export const EvaluateResult = z.object({ raised: z.number().int(), updated: z.number().int(), cleared: z.number().int(), active: z.number().int(), sources: z.array(z.object({ name: z.string(), ok: z.boolean(), note: z.string().nullable() })) });

// ---------- fourth parties, concentration, what-if ----------
export const FourthPartyInput = z
  .object({ vendorId: uuidField('a vendor id'), name: requiredText(200), service: requiredText(200), country: text(2).toUpperCase().nullable().optional(), dataAccess: z.enum(DATA_ACCESS).default('none') })
  .strict();
export const FourthPartyUpdate = patchOf(FourthPartyInput.omit({ vendorId: true }));
export const FourthParty = z.object({ id: z.string(), vendor: Ref, name: z.string(), normalisedName: z.string(), service: z.string(), country: z.string().nullable(), dataAccess: z.string(), sharedWith: z.number().int() });
export const FourthPartyListQuery = PageQuery.extend({ vendorId: z.uuid().optional(), name: queryText().optional() });
export const SharedFourthParty = z.object({ normalisedName: z.string(), name: z.string(), vendors: z.array(Ref.extend({ service: z.string(), dataAccess: z.string() })), countries: z.array(z.string()) });

const ShareRow = Ref.extend({
  count: z.number().int(),
  share: z.number(),
  /** Business services that depend on the vendor (through any running engagement), and their share of all the organisation's business services. */
  businessServices: z.number().int(),
  businessServiceShare: z.number(),
});
export const Concentration = z.object({
  criticalEngagements: z.number().int(),
  businessServices: z.number().int(),
  byVendor: z.array(ShareRow),
  hhiServices: z.number().int(),
  hhiServicesBand: z.string(),
  spend: z.array(z.object({ currency: z.string(), totalMinor: z.number().int(), hhi: z.number().int(), band: z.string(), byVendor: z.array(Ref.extend({ amountMinor: z.number().int(), share: z.number() })) })),
  spendNote: z.string().nullable(),
  byCountry: z.array(z.object({ country: z.string(), count: z.number().int(), share: z.number() })),
  sharedFourthParties: z.array(SharedFourthParty),
});

export const WhatIfQuery = z.object({ vendorId: z.uuid().optional(), fourthParty: queryText(200).optional() });
export const WhatIf = z.object({
  subject: z.object({ kind: z.enum(['vendor', 'fourth_party']), name: z.string() }),
  vendors: z.array(Ref.extend({ tier: z.number().int(), service: z.string().nullable() })),
  engagements: z.array(
    Ref.extend({
      vendorName: z.string(),
      criticality: z.string(),
      serviceType: z.string(),
      businessServices: z.array(z.string()),
      status: z.string(),
      /** From the exit module: readiness and the in-house fallback in words; null when exit readiness cannot be read. */
      exit: z.object({ readiness: z.number().int().nullable(), band: z.enum(['good', 'fair', 'poor']).nullable(), belowThreshold: z.boolean(), planStatus: z.enum(['draft', 'running', 'done']).nullable(), fallback: z.string().nullable() }).nullable(),
    }),
  ),
  spendAtStake: z.array(MoneyAmount),
  /** Where the spend at stake comes from: the last twelve months' invoices, else this fiscal year's budgets. */
  spendSource: z.enum(['invoices', 'budgets']).nullable(),
  spendNote: z.string(),
  openDeliverables: z.number().int(),
  openPayments: z.array(MoneyAmount),
  exitClauses: z.array(z.object({ contract: Ref, clause: z.string(), status: z.string() })),
  contracts: z.array(Ref.extend({ status: z.string(), initialTermEnd: z.string().nullable() })),
  alternatives: z.array(z.object({ serviceType: z.string(), vendors: z.array(Ref) })),
  risks: z.array(z.object({ id: z.string(), title: z.string(), residual: RiskCell, status: z.string() })),
});
export type WhatIf = z.infer<typeof WhatIf>;

/** What choosing one more vendor (a sourcing candidate) would do to concentration. */
export const ConcentrationIfQuery = z.object({ vendorId: z.uuid(), spendMinor: z.number().int().nonnegative().nullable(), currency: z.string().nullable() });
export const ConcentrationIf = z.object({
  /** Its share of the critical and high engagements (0–1) and the HHI, before and with one more such engagement of it. */
  services: z.object({ shareBefore: z.number(), shareAfter: z.number(), hhiBefore: z.number().int(), hhiAfter: z.number().int(), bandAfter: z.string() }),
  /** The same for this fiscal year's budgeted spend in the proposal's currency, the proposal price added; null when it cannot be worked out (spendNote says why). */
  spend: z.object({ currency: z.string(), shareBefore: z.number(), shareAfter: z.number(), hhiBefore: z.number().int(), hhiAfter: z.number().int(), bandAfter: z.string() }).nullable(),
  spendNote: z.string().nullable(),
  /** Fourth parties recorded for this vendor that current vendors also name (matched as the risks module matches them). */
  sharedFourthParties: z.array(z.object({ name: z.string(), vendors: z.array(Ref) })),
});
export type ConcentrationIf = z.infer<typeof ConcentrationIf>;
