/**
 * The words of exit planning: what a service depends on (asset kinds), what can set an exit
 * off (triggers), and the built-in plan every organisation starts from and may edit. Pure
 * data, shared by the server, the web and the CLI through the exit contracts.
 */

export const ASSET_KINDS = [
  'source_repository',
  'build_pipeline',
  'cloud_account',
  'domain_dns',
  'certificate',
  'software_licence',
  'documentation',
  'credentials_vault',
  'data_store',
  'monitoring',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const ASSET_KIND_LABELS: Record<AssetKind, string> = {
  source_repository: 'Source repository',
  build_pipeline: 'Build pipeline',
  cloud_account: 'Cloud account',
  domain_dns: 'Domain and DNS',
  certificate: 'Certificate',
  software_licence: 'Software licence',
  documentation: 'Documentation',
  credentials_vault: 'Credentials vault',
  data_store: 'Data store',
  monitoring: 'Monitoring',
};

export const HOLDERS = ['client', 'vendor', 'shared'] as const;
export type Holder = (typeof HOLDERS)[number];
export const HOLDER_LABELS: Record<Holder, string> = { client: 'We hold it', vendor: 'The vendor holds it', shared: 'Shared' };

export const SUBSTITUTABILITY = ['easy', 'moderate', 'hard', 'not_substitutable'] as const;
export const SUBSTITUTABILITY_LABELS: Record<(typeof SUBSTITUTABILITY)[number], string> = {
  easy: 'Easy to replace',
  moderate: 'Replaceable with effort',
  hard: 'Hard to replace',
  not_substitutable: 'Not replaceable',
};

export const COVERAGE = ['none', 'basic', 'can_run'] as const;
export type Coverage = (typeof COVERAGE)[number];
export const COVERAGE_LABELS: Record<Coverage, string> = { none: 'Nobody in-house', basic: 'Basic knowledge', can_run: 'Can run it' };

export const TRIGGERS = ['insolvency', 'sla_breach', 'contract_end', 'strategic_change'] as const;
export type Trigger = (typeof TRIGGERS)[number];
export const TRIGGER_LABELS: Record<Trigger, string> = {
  insolvency: 'The vendor becomes insolvent',
  sla_breach: 'Service levels are breached again and again',
  contract_end: 'The contract ends',
  strategic_change: 'Our strategy changes',
};

export const STEP_OWNERS = ['us', 'vendor'] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];
export const STEP_OWNER_LABELS: Record<StepOwner, string> = { us: 'Us', vendor: 'The vendor' };

export interface TemplateStep {
  /** Stable within a plan: drills and readiness find "the data export" by it. */
  key: string;
  title: string;
  owner: StepOwner;
  /** Days after the exit starts by which the step should be done. */
  offsetDays: number;
  /** What shows the step was done. */
  evidence: string;
}

/** The key of the step readiness reads as "data export tested" when a drill gets it done. */
export const DATA_EXPORT_STEP = 'data_export';

/** The built-in exit plan, in the order an exit runs. */
export const BUILTIN_STEPS: readonly TemplateStep[] = [
  { key: 'give_notice', title: 'Give notice', owner: 'us', offsetDays: 0, evidence: 'The notice letter as sent, with the date the vendor received it.' },
  { key: 'knowledge_transfer', title: 'Knowledge-transfer sessions', owner: 'vendor', offsetDays: 30, evidence: 'Session agendas, recordings and who from our side attended.' },
  { key: 'documentation_handover', title: 'Hand over the documentation', owner: 'vendor', offsetDays: 30, evidence: 'Runbooks, architecture and operating documentation, current as of the handover.' },
  { key: 'source_handover', title: 'Hand over source code and build, with a verified build', owner: 'vendor', offsetDays: 45, evidence: 'The repositories and build scripts, and a build we ran ourselves from the handed-over source.' },
  { key: 'licence_transfer', title: 'Transfer the licences', owner: 'vendor', offsetDays: 45, evidence: 'Licence certificates or vendor portal access in our name.' },
  { key: DATA_EXPORT_STEP, title: 'Export the data in the agreed format, and verify it', owner: 'vendor', offsetDays: 60, evidence: 'The export files and our check that they are complete and readable.' },
  { key: 'deletion_certificate', title: 'Certificate of data deletion', owner: 'vendor', offsetDays: 90, evidence: 'A signed certificate that every copy of our data is deleted.' },
  { key: 'revoke_accounts', title: 'Revoke every vendor account', owner: 'us', offsetDays: 90, evidence: 'Each vendor account in our systems marked revoked, with the date.' },
  { key: 'transition_period', title: 'Transition period of continued service', owner: 'vendor', offsetDays: 90, evidence: 'Service reports for the transition period.' },
  { key: 'final_settlement', title: 'Settle the final invoice and credits', owner: 'us', offsetDays: 120, evidence: 'The final invoice paid and any service credits received.' },
];

export const BUILTIN_TRIGGERS: readonly Trigger[] = ['insolvency', 'sla_breach', 'contract_end'];
