/**
 * The audit trail in words: "created vendor", "saved SLA policy", "internal owner". Codes
 * stay in the data (auditors filter on them); people read these. A new module adds its
 * nouns here; verbs and fields fall back to readable forms of the code.
 */
const VERBS: Record<string, string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  archive: 'archived',
  restore: 'restored',
  save: 'saved',
  send: 'sent',
  submit: 'submitted',
  review: 'reviewed an answer of',
  complete: 'completed',
  cancel: 'cancelled',
  comment: 'commented on',
  link: 'sent a new link for',
  accept: 'accepted',
  revoke: 'withdrew',
  upload: 'uploaded',
  import: 'imported',
  version: 'saved a new version of',
  answer: 'answered',
  confirm: 'confirmed the carried-over answers of',
  retire: 'retired',
  copy: 'copied the review of',
  reject: 'rejected',
  resubmit: 'resubmitted',
  mark_paid: 'marked paid',
  override_paid: 'overrode the milestone hold and marked paid',
  mark_checked: 'marked checked',
  approve: 'approved',
  dispute: 'disputed',
  override_check: 'overrode a failing check of',
  raise: 'raised',
  start_review: 'took under review',
  mark_implemented: 'marked implemented',
  amend_own: 'corrected their own',
  withdraw: 'withdrew',
  amend_value: 'amended the value of',
  amend_by_change: 'added an approved change to',
  waive: 'waived',
  withdraw_waiver: 'took back the waiver of',
  set: 'set',
  // Sourcing (choosing a vendor).
  answer_check: 'answered the should-we-outsource check of',
  set_criteria: 'set the criteria and weights of',
  add_candidate: 'added a candidate to',
  record_proposal: 'recorded the proposal of',
  open_proposal: 'opened the proposal of',
  send_rfi: 'sent a request for information to',
  score: 'scored',
  add_reference: 'recorded a reference check of',
  add_interview: 'recorded an interview with',
  go: 'decided go on',
  no_go: 'decided no-go on',
  // Governance.
  hold: 'held',
  skip: 'recorded as skipped the',
  vendor_update: 'updated, for the vendor, the',
  share: 'shared with the vendor the',
  survey: 'sent the stakeholder survey of the',
  survey_answer: 'answered the stakeholder survey of the',
  // Sign-in security (auth and users modules).
  enable: 'turned on',
  disable: 'turned off',
  reset: 'reset',
  renew: 'made new',
  use: 'used',
  lock: 'locked',
  unlock: 'signed in with a second factor past the lock of',
  request: 'asked for',
  end_others: 'signed out of the other',
  switch: 'switched into this organisation with their',
  // Exit readiness.
  verify: 'verified the access of',
  record: 'recorded',
  start: 'started',
  deliver: 'handed in',
  mark_reviewed: 'marked reviewed',
  mark_revoked: 'marked revoked',
  // Risks: closing and reopening a risk; signals cleared by the rules (raised is above).
  close: 'closed',
  reopen: 'reopened',
  clear: 'cleared',
  // One row per evaluation of the risk signals, with its counts.
  evaluate: 'evaluated',
};

export const NOUNS: Record<string, string> = {
  vendor: 'vendor',
  engagement: 'engagement',
  user: 'user',
  org: 'organisation',
  invitation: 'invitation',
  token: 'API token',
  calendar: 'calendar',
  sla_policy: 'SLA policy',
  outage: 'outage',
  maintenance: 'maintenance window',
  tickets: 'tickets',
  ticket_mapping: 'ticket mapping',
  questionnaire: 'questionnaire',
  assessment: 'assessment',
  finding: 'finding',
  evidence: 'evidence',
  contract: 'contract',
  contract_notice: 'contract notice',
  contract_key_date: 'contract key date',
  contract_document: 'signed contract document',
  contract_settings: 'contract settings',
  clause: 'clause',
  clause_library: 'clause library',
  clause_review: 'clause review',
  clause_requirement: 'clause requirement',
  clause_settings: 'clause requirement settings',
  milestone: 'milestone',
  deliverable: 'deliverable',
  deliverable_file: 'file of a deliverable',
  payment: 'payment',
  cost_settings: 'cost settings',
  budget: 'budget',
  rate_card_item: 'rate card item',
  invoice: 'invoice',
  change_request: 'change request',
  service_credit: 'service credit',
  invoice_mapping: 'invoice mapping',
  exchange_rate: 'exchange rate',
  governance: 'governance settings (contacts, escalation, working hours)',
  meeting_cadence: 'meeting cadence',
  meeting: 'meeting',
  action_item: 'action item',
  status_report: 'status report',
  performance_review: 'performance review',
  mfa: 'two-step sign-in',
  recovery_codes: 'recovery codes',
  recovery_code: 'a recovery code',
  password: 'password',
  password_reset: 'a password reset link',
  account: 'account',
  sessions: 'sessions',
  session: 'session',
  org_security: 'sign-in rules',
  exit_settings: 'exit settings',
  exit_profile: 'recovery objectives and in-house fallback',
  exit_asset: 'exit asset',
  exit_account: 'vendor account in our systems',
  exit_plan: 'exit plan',
  exit_step: 'exit step',
  exit_drill: 'exit drill',
  exit_action: 'exit action',
  exit_step_file: 'file handed over with an exit step',
  risk: 'risk',
  risk_action: 'risk action',
  risk_signal: 'risk signal',
  risk_settings: 'risk settings',
  fourth_party: 'fourth party',
  sourcing_project: 'sourcing project',
  sourcing_candidate: 'candidate',
  sourcing_pilot: 'pilot',
};

const words = (code: string) => code.replace(/_/g, ' ');

/** "vendor.create" → "created"; an unknown verb still reads. */
export function verbInWords(action: string): string {
  const verb = action.split('.', 2)[1];
  return VERBS[verb ?? ''] ?? (verb ? words(verb) : 'changed');
}

/**
 * The verb on the object's own page, where the object goes unnamed: "approved", and a verb
 * that needs its object gets it ("overrode a failing check of" → "… of this invoice").
 */
export function verbOnItsPage(action: string): string {
  const verb = verbInWords(action);
  return /\s(of|to|for|on|with|from)$/.test(verb) ? `${verb} this ${nounInWords(action.split('.', 1)[0])}` : verb;
}

/** "vendor.create" → "created vendor"; an unknown code still reads ("frobnicated widget"). */
export function actionInWords(action: string): string {
  return `${verbInWords(action)} ${nounInWords(action.split('.', 1)[0])}`;
}

export function nounInWords(objectType: string): string {
  return NOUNS[objectType] ?? words(objectType);
}

const FIELDS: Record<string, string> = {
  internalOwnerId: 'internal owner',
  vendorId: 'vendor',
  engagementId: 'engagement',
  calendarId: 'calendar',
  reviewerId: 'reviewer',
  contactUserId: 'vendor contact',
  templateVersionId: 'questionnaire version',
  dataAccess: 'data access',
  tierReason: 'reason for the tier',
  archivedAt: 'archived',
  disabledAt: 'disabled',
  passwordHash: 'password',
  contactEmail: 'contact e-mail',
  weakReason: 'why it is weak',
  weakWhen: 'what makes it weak',
  quote: 'quoted wording',
  reviewedAt: 'reviewed',
  reviewedById: 'reviewer',
  clauseId: 'clause',
  doraEnabled: 'DORA Article 30 requirements',
  overrideReason: 'reason for the override',
  heldBecause: 'what the payment was waiting for',
  amountMinor: 'amount (in cents)',
  graceDays: 'grace days',
  rejectionReason: 'reason for the rejection',
  disputeReason: 'reason for the dispute',
  fiscalYearStartMonth: 'month the fiscal year starts',
  clientContactId: 'our point of contact',
  vendorContactId: "the vendor's point of contact",
  requiredOverlapMinutes: 'required shared working time (minutes a week)',
  clientCalendarId: 'our working hours',
  vendorCalendarId: "the vendor's working hours",
  ownerSide: 'side',
  dueOn: 'due date',
  vendorNote: "vendor's note",
  statusReportRrule: 'status reports asked for',
  statusReportFrom: 'status reports due from',
  baseCurrency: 'base currency',
  monthlyMinor: 'monthly amounts (in cents)',
  unitPriceMinor: 'unit price (in cents)',
  totalMinor: 'total (in cents)',
  subtotalMinor: 'net total (in cents)',
  taxMinor: 'tax (in cents)',
  spendType: 'CAPEX or OPEX',
  successMeasures: 'measures of success',
  hoursNeeded: 'working hours needed',
  decideBy: 'decide by',
  budgetMinor: 'budget (in cents)',
  weightsLockedAt: 'weights locked',
  proposalPriceMinor: 'proposed price (in cents)',
  proposalOpenedAt: 'proposal opened',
  rfiAssessmentId: 'request for information',
  slaTargetPct: 'SLA target (%)',
  budgetCeilingMinor: 'budget ceiling (in cents)',
};

/** "internalOwnerId" → "internal owner", "contactTimeZone" → "contact time zone". */
export function fieldInWords(field: string): string {
  if (FIELDS[field]) return FIELDS[field];
  return field
    .replace(/(Id|At)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}
