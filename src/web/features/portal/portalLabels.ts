import type { MantineColor } from '@mantine/core';
import type { AssessmentStatus } from '../due-diligence/types.ts';

/** Statuses as the vendor reads them: its own to-do list, not the reviewer's workflow. */
export const VENDOR_STATUS: Record<AssessmentStatus, { label: string; color: MantineColor }> = {
  sent: { label: 'To do', color: 'blue' },
  in_progress: { label: 'In progress', color: 'blue' },
  submitted: { label: 'Submitted', color: 'teal' },
  completed: { label: 'Reviewed', color: 'teal' },
  cancelled: { label: 'Withdrawn', color: 'gray' },
};

/** A document type guessed from a file question's text, as the upload form's starting point. */
export function guessEvidenceType(text: string): string {
  if (/iso\s*\/?\s*(iec\s*)?27001/i.test(text)) return 'iso27001_certificate';
  if (/soc\s*2/i.test(text)) return 'soc2_type2_report';
  if (/pen(etration)?[\s-]*test/i.test(text)) return 'penetration_test';
  if (/insurance/i.test(text)) return 'insurance_certificate';
  if (/\bNDA\b|non-disclosure/i.test(text)) return 'nda';
  if (/\bDPA\b|data processing agreement/i.test(text)) return 'dpa';
  if (/polic(y|ies)/i.test(text)) return 'policy';
  return 'other';
}
