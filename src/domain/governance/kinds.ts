/** The kinds of meeting cadence, apart from the recurrence engine so the web can name them without loading it. */
export const CADENCE_KINDS = ['weekly_operations', 'monthly_service_review', 'quarterly_business_review'] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];

/** The usual rule of each kind, offered when a cadence is added. */
export const DEFAULT_RULES: Record<CadenceKind, string> = {
  weekly_operations: 'FREQ=WEEKLY;BYDAY=TU',
  monthly_service_review: 'FREQ=MONTHLY;BYDAY=+1TH',
  quarterly_business_review: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=+2WE',
};
