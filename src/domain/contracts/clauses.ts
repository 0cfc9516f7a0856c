/**
 * The built-in clause library: the protective provisions an outsourcing contract should
 * hold, in the project's own words. An organisation starts from this list and edits its
 * own copy (titles, guidance, adding clauses); `key` is what requirements and clause
 * reviews refer to, so built-in keys never change.
 */
export interface ClauseDefinition {
  key: string;
  title: string;
  /** What a good clause says: the reviewer's yardstick. */
  guidance: string;
  /** What usually makes it weak: prompts for the reviewer's "why". */
  weakWhen: string;
}

export const BUILTIN_CLAUSES: readonly ClauseDefinition[] = [
  {
    key: 'scope_deliverables',
    title: 'Scope of work and deliverables',
    guidance: 'Names the services and each deliverable, with what "accepted" means and who accepts it.',
    weakWhen: 'Scope is described only in general terms, or deliverables have no acceptance criteria.',
  },
  {
    key: 'service_levels',
    title: 'Service levels and service credits',
    guidance: 'Measurable targets (response, resolution, availability) with how they are measured, reported and credited when missed.',
    weakWhen: 'Targets without a measurement method, or breaches without a credit or remedy.',
  },
  {
    key: 'confidentiality',
    title: 'Confidentiality',
    guidance: 'Binds the vendor and its staff to keep our information confidential during and after the contract.',
    weakWhen: 'Ends with the contract, or does not reach the vendor’s subcontractors.',
  },
  {
    key: 'ip_ownership',
    title: 'Intellectual property and licence back',
    guidance: 'What the vendor creates for us is ours; anything it reuses is licensed to us for as long as we need it.',
    weakWhen: 'The vendor keeps ownership of work it was paid to create, or the licence ends with the contract.',
  },
  {
    key: 'data_protection',
    title: 'Data protection',
    guidance: 'Processor obligations, approval of sub-processors, a breach-notification deadline, and return and deletion of data at the end.',
    weakWhen: 'No deadline for notifying a breach, or no obligation to return and delete data.',
  },
  {
    key: 'information_security',
    title: 'Information-security requirements',
    guidance: 'Concrete controls: multi-factor authentication, encryption in transit and at rest, no removable media, security incident handling.',
    weakWhen: 'Only "industry standard security" with no named controls.',
  },
  {
    key: 'audit_rights',
    title: 'Audit and inspection rights',
    guidance: 'We (and our auditors or regulators) may audit the vendor, on notice and after an incident, at a stated frequency.',
    weakWhen: 'No frequency, only the vendor’s own reports, or audits at our cost only with the vendor’s consent.',
  },
  {
    key: 'subcontracting',
    title: 'Subcontracting and fourth parties',
    guidance: 'Subcontractors only with our approval; the vendor stays responsible for them and lists them.',
    weakWhen: 'The vendor may subcontract freely or without telling us.',
  },
  {
    key: 'penalties',
    title: 'Penalties and liquidated damages',
    guidance: 'Agreed amounts for missed deadlines or obligations, beyond service credits.',
    weakWhen: 'Amounts too small to matter, or capped at a token sum.',
  },
  {
    key: 'liability',
    title: 'Liability cap and indemnities',
    guidance: 'A cap that matches what we could lose, with uncapped liability for data breaches, confidentiality and wilful misconduct.',
    weakWhen: 'The cap is a few months of fees, or data breaches fall under it.',
  },
  {
    key: 'insurance',
    title: 'Insurance',
    guidance: 'The vendor holds professional-indemnity and cyber insurance of stated amounts and proves it yearly.',
    weakWhen: 'No amounts, or no proof.',
  },
  {
    key: 'business_continuity',
    title: 'Business continuity and disaster recovery',
    guidance: 'A continuity plan with recovery objectives that the vendor tests at a stated frequency and reports on.',
    weakWhen: 'A plan exists but is never tested, or its objectives are not stated.',
  },
  {
    key: 'termination_rights',
    title: 'Termination rights',
    guidance: 'We may end the contract for cause, for convenience with notice, on a change of control and on the vendor’s insolvency.',
    weakWhen: 'Termination only for cause, or a very long notice for convenience.',
  },
  {
    key: 'exit_assistance',
    title: 'Exit assistance and transition',
    guidance: 'At the end the vendor helps hand the service over: a transition period at agreed rates, knowledge transfer, data returned in an agreed format.',
    weakWhen: 'No transition period, or assistance only "on reasonable request" at any price.',
  },
  {
    key: 'source_escrow',
    title: 'Access to source code, licences and documentation',
    guidance: 'We keep access to the source code, build instructions, licences and documentation — through escrow where the vendor owns them.',
    weakWhen: 'Access only while the contract runs, or no release event for escrow.',
  },
  {
    key: 'key_personnel',
    title: 'Key personnel',
    guidance: 'Named people stay on the engagement; replacing them needs our consent and a handover.',
    weakWhen: 'The vendor may swap key people without notice.',
  },
  {
    key: 'governance_reporting',
    title: 'Governance and reporting',
    guidance: 'A single point of contact on each side, regular service reviews and the reports the vendor delivers, with their content and cadence.',
    weakWhen: 'Reviews "as needed" with no cadence or report content.',
  },
  {
    key: 'change_control',
    title: 'Change control and pricing of changes',
    guidance: 'Scope changes go through a written change request with cost and schedule impact, priced from the rate card, approved before work starts.',
    weakWhen: 'Changes may be billed without prior written approval.',
  },
  {
    key: 'payment_terms',
    title: 'Payment terms',
    guidance: 'What is paid when, tied to milestones or periods, with invoice content and the right to withhold for disputed items.',
    weakWhen: 'Payment in advance with no link to delivery.',
  },
  {
    key: 'non_solicitation',
    title: 'Non-solicitation',
    guidance: 'Neither side hires the other’s staff on the engagement during it and for a period after, without consent.',
    weakWhen: 'One-sided, or so broad it would stop us taking the service in-house at exit.',
  },
  {
    key: 'governing_law',
    title: 'Governing law and disputes',
    guidance: 'The law that applies and where disputes are settled, ideally ours.',
    weakWhen: 'A foreign law or forum far from us.',
  },
];

export const BUILTIN_CLAUSE_KEYS = BUILTIN_CLAUSES.map((c) => c.key);
