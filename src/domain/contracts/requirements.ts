/**
 * Clause requirements and gaps. An organisation states which clauses it demands for which
 * engagements (by criticality, data access, service type); a required clause that no
 * contract covering the engagement has — or has only weakly — is a gap.
 */
export const CRITICALITY_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const DATA_ACCESS_LEVELS = ['none', 'internal', 'confidential', 'personal_data', 'special_category_personal_data'] as const;
export type Criticality = (typeof CRITICALITY_LEVELS)[number];
export type DataAccess = (typeof DATA_ACCESS_LEVELS)[number];

export interface RequirementCondition {
  /** Empty or absent: any. */
  criticality?: Criticality[];
  dataAccess?: DataAccess[];
  serviceType?: string[];
}

export interface RequirementRule {
  clauseKey: string;
  when: RequirementCondition;
  /** Why the organisation demands it, in its words ("DORA Art. 30(3)(f)"). */
  reason: string;
}

const PERSONAL: DataAccess[] = ['personal_data', 'special_category_personal_data'];
const CRITICAL: Criticality[] = ['high', 'critical'];

/** What Outsight proposes to a new organisation; it edits them freely. */
export const DEFAULT_REQUIREMENTS: readonly RequirementRule[] = [
  ...['scope_deliverables', 'confidentiality', 'payment_terms', 'termination_rights', 'governing_law'].map((clauseKey) => ({
    clauseKey,
    when: {},
    reason: 'Every outsourcing contract needs it.',
  })),
  { clauseKey: 'data_protection', when: { dataAccess: PERSONAL }, reason: 'The vendor handles personal data: a data processing agreement is required by law.' },
  ...['service_levels', 'exit_assistance', 'audit_rights', 'business_continuity', 'information_security', 'subcontracting', 'liability'].map((clauseKey) => ({
    clauseKey,
    when: { criticality: CRITICAL },
    reason: 'A high or critical service must be measurable, auditable and leavable.',
  })),
  { clauseKey: 'source_escrow', when: { serviceType: ['application_development'] }, reason: 'We must keep the source code of software built for us.' },
];

/**
 * An optional set for EU financial entities, following DORA (Regulation (EU) 2022/2554)
 * Article 30: what every contract for ICT services must contain (30(2)), and the extra
 * terms for services supporting critical or important functions (30(3)), mapped onto the
 * clause library. A reading aid, not legal advice.
 */
export const DORA_REQUIREMENTS: readonly RequirementRule[] = [
  { clauseKey: 'scope_deliverables', when: {}, reason: 'DORA Art. 30(2)(a): a clear and complete description of the services.' },
  { clauseKey: 'data_protection', when: {}, reason: 'DORA Art. 30(2)(b)–(d): where data is processed; availability, integrity and confidentiality; access to and return of data.' },
  { clauseKey: 'service_levels', when: {}, reason: 'DORA Art. 30(2)(e): service level descriptions.' },
  { clauseKey: 'information_security', when: {}, reason: 'DORA Art. 30(2)(f), (i): assistance in ICT incidents; security awareness.' },
  { clauseKey: 'termination_rights', when: {}, reason: 'DORA Art. 30(2)(h): termination rights and minimum notice periods.' },
  { clauseKey: 'audit_rights', when: { criticality: CRITICAL }, reason: 'DORA Art. 30(3)(e): unrestricted rights of access, inspection and audit.' },
  { clauseKey: 'business_continuity', when: { criticality: CRITICAL }, reason: 'DORA Art. 30(3)(c): business contingency plans, tested.' },
  { clauseKey: 'governance_reporting', when: { criticality: CRITICAL }, reason: 'DORA Art. 30(3)(b): notice periods and reporting obligations.' },
  { clauseKey: 'exit_assistance', when: { criticality: CRITICAL }, reason: 'DORA Art. 30(3)(f): exit strategies with a mandatory adequate transition period.' },
  { clauseKey: 'subcontracting', when: { criticality: CRITICAL }, reason: 'DORA Art. 30(3)(a) and Art. 29: conditions for subcontracting critical functions.' },
];

export interface EngagementFacts {
  id: string;
  criticality: Criticality;
  dataAccess: DataAccess;
  serviceType: string;
}

export function applies(rule: RequirementRule, e: EngagementFacts): boolean {
  const w = rule.when;
  return (!w.criticality?.length || w.criticality.includes(e.criticality)) && (!w.dataAccess?.length || w.dataAccess.includes(e.dataAccess)) && (!w.serviceType?.length || w.serviceType.includes(e.serviceType));
}

export const CLAUSE_STATUSES = ['present', 'weak', 'missing', 'not_applicable'] as const;
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

/** One in-force contract covering the engagement, with the reviewed status of a clause (none: not reviewed). */
export interface CoveringClause {
  contractId: string;
  contractTitle: string;
  status: ClauseStatus | null;
  weakReason: string | null;
}

export interface Gap {
  engagementId: string;
  clauseKey: string;
  /** missing: no covering contract has it; weak: the best has it only weakly; unreviewed: nobody has looked. */
  kind: 'missing' | 'weak' | 'unreviewed';
  reasons: string[];
  /** The covering contracts and what each says of the clause. */
  contracts: CoveringClause[];
}

/**
 * The gaps of one engagement: every clause its requirements demand that no covering
 * contract in force has as present (or marks not applicable). With no contract at all,
 * every required clause is missing.
 */
export function gapsOf(e: EngagementFacts, rules: readonly RequirementRule[], covering: (clauseKey: string) => CoveringClause[]): Gap[] {
  const required = new Map<string, string[]>();
  for (const r of rules) {
    if (!applies(r, e)) continue;
    required.set(r.clauseKey, [...(required.get(r.clauseKey) ?? []), r.reason]);
  }
  const gaps: Gap[] = [];
  for (const [clauseKey, reasons] of required) {
    const contracts = covering(clauseKey);
    if (contracts.some((c) => c.status === 'present' || c.status === 'not_applicable')) continue;
    const kind = contracts.some((c) => c.status === 'weak') ? 'weak' : contracts.length > 0 && contracts.every((c) => c.status === null) ? 'unreviewed' : 'missing';
    gaps.push({ engagementId: e.id, clauseKey, kind, reasons, contracts });
  }
  return gaps;
}
