import type { TicketFormat, TicketImportWarning, TicketRejection } from '../../shared/contracts/tickets.ts';

/**
 * What an import says besides its counts: a file that looks cut off (its complete rows are
 * imported, the incomplete last one is rejected), and a file that looks like another kind
 * of export than the format it was imported with.
 */

/** The reason on the rejected last row of a cut-off file; the warning is derived from it. */
export const CUT_OFF_REASON = 'The file looks cut off here: this last row is incomplete';

export function cutOffRejection(line: number, why: string): TicketRejection {
  return { line, field: '(file)', reason: CUT_OFF_REASON, value: why };
}

export function cutOffWarning(rejected: TicketRejection[]): TicketImportWarning | null {
  const r = rejected.find((x) => x.field === '(file)' && x.reason === CUT_OFF_REASON);
  if (!r) return null;
  return {
    kind: 'cut_off',
    line: r.line,
    message: `The file looks cut off at line ${r.line}${r.value ? ` (${r.value})` : ''}: that row was rejected and the rows before it imported. Export the file again if it should have more rows.`,
  };
}

const has = (lower: Set<string>, ...names: string[]) => names.every((n) => lower.has(n));

/**
 * A hint when the header shows a different kind of export than the chosen format reads,
 * e.g. a ServiceNow event log (one row per update) imported as an incident list.
 */
export function exportKindHint(header: string[], format: TicketFormat): TicketImportWarning | null {
  const lower = new Set(header.map((h) => h.trim().toLowerCase()));
  if (format !== 'servicenow-events' && has(lower, 'incident_state', 'sys_updated_at')) {
    return {
      kind: 'other_export',
      message: 'This file has `incident_state` and `sys_updated_at` columns: it looks like a ServiceNow event log (one row per update). Import it with the format "ServiceNow audit / event log" (servicenow-events).',
    };
  }
  if (format === 'servicenow-events' && has(lower, 'number', 'opened_at') && !lower.has('sys_updated_at') && !lower.has('sys_updated_on')) {
    return {
      kind: 'other_export',
      message: 'This file has `number` and `opened_at` but no `sys_updated_at` column: it looks like a ServiceNow incident list (one row per ticket). Import it with the format "ServiceNow incident list" (servicenow).',
    };
  }
  if (lower.has('field') && (has(lower, 'fromstring', 'tostring') || has(lower, 'from', 'to'))) {
    return {
      kind: 'other_export',
      message: 'This file has `field`, `from` and `to` columns: it looks like a Jira changelog (one row per field change), not an issue export. Export the issues (one row per issue) instead.',
    };
  }
  return null;
}
