import { definePolicy } from '../../policy.ts';
import type { TicketImportRow } from './ticket-imports.repo.ts';
import type { TicketMappingRow } from './ticket-mappings.repo.ts';
import type { TicketRef } from './tickets.repo.ts';

/**
 * Tickets, their imports and saved mappings are internal: vendor contacts see none of
 * them (the portal shows no SLA data). Reading follows sla.read; bringing data in follows
 * ticket.import, which analysts have too. An engagement's tickets are reached through
 * the engagement (engagements.public `requireEngagement`), so its visibility rules hold.
 */
export const ticketPolicy = definePolicy<TicketRef, 'list' | 'read'>({
  label: 'The ticket',
  actions: {
    list: { permission: 'sla.read' },
    read: { permission: 'sla.read' },
  },
});

export const ticketImportPolicy = definePolicy<TicketImportRow, 'list' | 'read' | 'create'>({
  label: 'The ticket import',
  actions: {
    list: { permission: 'sla.read' },
    read: { permission: 'sla.read' },
    create: { permission: 'ticket.import' },
  },
});

export const ticketMappingPolicy = definePolicy<TicketMappingRow, 'list' | 'read' | 'save' | 'delete'>({
  label: 'The ticket mapping',
  actions: {
    list: { permission: 'sla.read' },
    read: { permission: 'sla.read' },
    save: { permission: 'ticket.import' },
    delete: { permission: 'ticket.import' },
  },
});
