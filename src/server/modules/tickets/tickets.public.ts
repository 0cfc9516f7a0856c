/** The tickets module as other modules, the CLI, seeds and builders see it (lint rule outsight/public-surface). */
export { importTickets, ticketImportEvents, type ImportPhase, type ImportProgress, type TicketImportOptions } from './import-tickets.ts';
export { importRowVersionsSql, listTicketImports, loadTicketsForSla, loadTicketsForSlaByIds, requireTicket, saveMapping, ticketDataVersions, ticketDataVersionSql, ticketIdsByExternalId } from './tickets.service.ts';
export type { TicketForSla } from './tickets.repo.ts';
/** The ticket import's CSV/XLSX readers for other imports whose files are small (contracts). */
export { readSheet, type SheetRow } from './read-sheet.ts';
/** The delimited-text reader under every import (encodings, line numbers, runaway fields), for a caller that streams. */
export { readDelimited, type RowSink } from './ticket-reader.ts';
