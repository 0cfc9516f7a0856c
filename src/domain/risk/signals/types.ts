/**
 * Signals: rules that watch the facts already in Outsight and raise a risk. A rule is a pure
 * function over a snapshot of facts; the risk module gathers the snapshot through other
 * modules' public surfaces (one fact source per module) and writes what changed.
 *
 * A module that brings new facts (costs: budget overrun and credits not received; exit:
 * readiness below a threshold) adds one file here — its facts slice, its rules — and one line
 * in `index.ts`, plus one fact source in the risk module (`facts/<module>.ts`).
 */
export const RISK_CATEGORIES = ['security', 'data_protection', 'service_delivery', 'financial', 'concentration', 'contract_legal', 'compliance', 'fourth_party'] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export interface VendorFact {
  id: string;
  name: string;
  /** 1 (critical) … 4 (low). */
  tier: number;
  dataAccess: string;
  status: string;
  /** Where it delivers from (ISO 3166 code), when known. */
  country?: string | null;
  /** Its internal owner, who owns a risk a signal opens about it. */
  ownerId?: string | null;
}
export interface EngagementFact {
  id: string;
  name: string;
  vendorId: string;
  criticality: string;
  serviceType: string;
  status: string;
  /** Where the service is delivered from (ISO 3166 code), when it differs from the vendor's country. */
  country?: string | null;
}

/** What every rule may read: today, the vendors in use and their running engagements. */
export interface CoreFacts {
  today: string;
  vendors: VendorFact[];
  engagements: EngagementFact[];
}

/** A link a person can follow from the risk to the fact that raised it. */
export interface SignalEvidence {
  label: string;
  href: string;
}

/** One raised signal: the rule, its subject (unique per rule), and what it says. */
export interface Signal {
  rule: string;
  /** Unique within the rule: the vendor, the engagement and clause, the finding … */
  subjectKey: string;
  vendorId: string | null;
  engagementId: string | null;
  findingId: string | null;
  category: RiskCategory;
  title: string;
  /** The fact in words; a change of these words updates the risk's description of it. */
  detail: string;
  /** Suggested on a 1–5 scale; scaled to the organisation's matrix when a risk is opened. */
  likelihood: number;
  impact: number;
  evidence: SignalEvidence[];
}

export type Params = Record<string, number>;

export interface RuleDef<F> {
  key: string;
  label: string;
  /** Words for the settings screen: what the rule watches. */
  describe: string;
  category: RiskCategory;
  defaults: Params;
  /** Words per parameter, for the settings screen. */
  paramLabels: Record<string, string>;
  evaluate(facts: F, params: Params): Signal[];
}

/** High tier: 1 (critical) and 2 (high). */
export const isHighTier = (v: VendorFact, maxTier = 2) => v.tier <= maxTier;
export const DAY_MS = 86_400_000;
export const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
