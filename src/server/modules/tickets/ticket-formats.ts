import type { TicketFormat, TicketMapping } from '../../../shared/contracts/tickets.ts';

/**
 * Presets for the exports users actually have. Column names follow each tool's default
 * CSV export; where a tool has used several names over versions, the first that the
 * file's header contains wins (see resolveColumns).
 */
export const PRESETS: Record<Exclude<TicketFormat, 'generic'>, TicketMapping & { alternates?: Partial<Record<string, string[]>> }> = {
  servicenow: {
    shape: 'tickets',
    columns: { externalId: 'number', priority: 'priority', status: 'state', openedAt: 'opened_at', resolvedAt: 'resolved_at', closedAt: 'closed_at', eventAt: 'sys_updated_on', title: 'short_description' },
    alternates: { status: ['incident_state'], eventAt: ['sys_updated_at'] },
    dateOrder: 'ymd',
    timeZone: 'UTC',
    priorityMap: { '1 - Critical': 'P1', '2 - High': 'P2', '3 - Moderate': 'P3', '4 - Low': 'P4', '5 - Planning': 'P5' },
    statusMap: {},
    missingValues: [],
  },
  // One row per update of an incident, as in ServiceNow's audit/event log exports.
  'servicenow-events': {
    shape: 'events',
    columns: { externalId: 'number', priority: 'priority', status: 'incident_state', openedAt: 'opened_at', resolvedAt: 'resolved_at', closedAt: 'closed_at', eventAt: 'sys_updated_at', sequence: 'sys_mod_count' },
    alternates: { status: ['state'], eventAt: ['sys_updated_on'] },
    dateOrder: 'dmy',
    timeZone: 'UTC',
    priorityMap: { '1 - Critical': 'P1', '2 - High': 'P2', '3 - Moderate': 'P3', '4 - Low': 'P4', '5 - Planning': 'P5' },
    statusMap: {},
    missingValues: ['?'],
  },
  jira: {
    shape: 'tickets',
    columns: { externalId: 'Issue key', priority: 'Priority', status: 'Status', openedAt: 'Created', resolvedAt: 'Resolved', eventAt: 'Updated', title: 'Summary' },
    dateOrder: 'dmy',
    timeZone: 'UTC',
    priorityMap: { Highest: 'P1', High: 'P2', Medium: 'P3', Low: 'P4', Lowest: 'P5' },
    statusMap: {},
    missingValues: [],
  },
  zendesk: {
    shape: 'tickets',
    columns: { externalId: 'Id', priority: 'Priority', status: 'Status', openedAt: 'Created at', resolvedAt: 'Solved at', eventAt: 'Updated at', title: 'Subject' },
    alternates: { externalId: ['Ticket ID', 'ID'] },
    firstResponseMinutesColumn: 'First reply time in minutes',
    dateOrder: 'ymd',
    timeZone: 'UTC',
    priorityMap: { Urgent: 'P1', High: 'P2', Normal: 'P3', Low: 'P4' },
    statusMap: {},
    missingValues: ['-'],
  },
};

/** The preset with the caller's time zone and date order applied, or the generic mapping. */
export function mappingFor(format: TicketFormat, overrides: { mapping?: TicketMapping; timeZone?: string; dateOrder?: TicketMapping['dateOrder'] }) {
  if (format === 'generic') {
    if (!overrides.mapping) throw new Error('The generic format needs a mapping');
    return { ...overrides.mapping, alternates: {} as Partial<Record<string, string[]>> };
  }
  const p = PRESETS[format];
  return { ...p, timeZone: overrides.timeZone ?? p.timeZone, dateOrder: overrides.dateOrder ?? p.dateOrder, alternates: p.alternates ?? {} };
}
