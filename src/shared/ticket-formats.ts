import type { TicketField, TicketFormat, TicketMapping } from './contracts/tickets.ts';

/**
 * The ticket export formats Outsight reads: the server imports with these presets and the
 * web's import dialog describes them and proposes their date order, so both read from here.
 */
export type DateOrder = NonNullable<TicketMapping['dateOrder']>;
export type PresetFormat = Exclude<TicketFormat, 'generic'>;

/** A preset: a mapping, plus other header names a tool has used for a column over its versions. */
export type TicketPreset = TicketMapping & { alternates?: Partial<Record<TicketField, string[]>> };

const SERVICENOW_PRIORITIES = { '1 - Critical': 'P1', '2 - High': 'P2', '3 - Moderate': 'P3', '4 - Low': 'P4', '5 - Planning': 'P5' };

/**
 * Presets for the exports users actually have. Column names follow each tool's default
 * CSV export; where a tool has used several names over versions, the first that the
 * file's header contains wins.
 */
export const TICKET_PRESETS: Record<PresetFormat, TicketPreset> = {
  servicenow: {
    shape: 'tickets',
    columns: { externalId: 'number', priority: 'priority', status: 'state', openedAt: 'opened_at', resolvedAt: 'resolved_at', closedAt: 'closed_at', eventAt: 'sys_updated_on', title: 'short_description' },
    alternates: { status: ['incident_state'], eventAt: ['sys_updated_at'] },
    dateOrder: 'ymd',
    timeZone: 'UTC',
    priorityMap: SERVICENOW_PRIORITIES,
    statusMap: {},
    missingValues: [],
  },
  // One row per update of an incident, as in ServiceNow's audit/event log exports.
  'servicenow-events': {
    shape: 'events',
    columns: { externalId: 'number', priority: 'priority', status: 'incident_state', openedAt: 'opened_at', resolvedAt: 'resolved_at', closedAt: 'closed_at', eventAt: 'sys_updated_at', sequence: 'sys_mod_count', assignee: 'assigned_to' },
    alternates: { status: ['state'], eventAt: ['sys_updated_on'] },
    // A ticket opened straight into Active was taken on when first recorded (first-response.ts).
    firstResponse: 'working-status',
    openingStatuses: ['New'],
    dateOrder: 'dmy',
    timeZone: 'UTC',
    priorityMap: SERVICENOW_PRIORITIES,
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

/** How each format is named and described to people, in the order the import dialog lists them. */
export const TICKET_FORMAT_INFO: ReadonlyArray<{ value: TicketFormat; label: string; hint: string }> = [
  { value: 'servicenow', label: 'ServiceNow incident list', hint: 'Columns number, priority, state, opened_at, resolved_at, closed_at, short_description.' },
  { value: 'servicenow-events', label: 'ServiceNow audit / event log', hint: 'One row per update: number, incident_state, priority, opened_at, sys_updated_at, sys_mod_count.' },
  { value: 'jira', label: 'Jira Service Management', hint: 'Columns Issue key, Priority, Status, Created, Resolved, Summary.' },
  { value: 'zendesk', label: 'Zendesk', hint: 'Columns Id, Priority, Status, Created at, Solved at, First reply time in minutes, Subject.' },
  { value: 'generic', label: 'Generic mapping', hint: 'Pick which column holds each field below.' },
];

/** The date order a format's exports use; a generic mapping starts from day first. */
export function presetDateOrder(format: TicketFormat): DateOrder {
  return format === 'generic' ? 'dmy' : (TICKET_PRESETS[format].dateOrder ?? 'dmy');
}
