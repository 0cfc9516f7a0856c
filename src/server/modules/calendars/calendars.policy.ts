import { definePolicy } from '../../policy.ts';
import type { CalendarRow } from './calendars.repo.ts';

/** Business calendars are the organisation's, internal only: read with sla.read, changed with sla.write. */
export const calendarPolicy = definePolicy<CalendarRow, 'list' | 'read' | 'create' | 'update' | 'reference'>({
  label: 'The calendar',
  actions: {
    list: { permission: 'sla.read' },
    read: { permission: 'sla.read' },
    create: { permission: 'sla.write' },
    update: { permission: 'sla.write' },
    // Naming a calendar in an SLA policy: any of the organisation's calendars.
    reference: { permission: 'sla.read' },
  },
});
