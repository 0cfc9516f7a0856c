import type { z } from 'zod';
import type { Calendar, HolidayImportResult, Outage, SlaOverview, SlaPolicy, SlaReport, SlaTicket, TicketTimeline } from '../../../shared/contracts/sla.ts';
import type { SavedMapping, TicketImportDone, TicketImportProgress, TicketImportResult, TicketMapping, TicketRejection } from '../../../shared/contracts/tickets.ts';

/** Response shapes of the SLA endpoints, inferred from the shared zod contracts. */
export type CalendarT = z.infer<typeof Calendar>;
export type HolidayImportResultT = z.infer<typeof HolidayImportResult>;
export type SlaPolicyT = z.infer<typeof SlaPolicy>;
export type SlaReportT = z.infer<typeof SlaReport>;
export type SlaReportMonthT = SlaReportT['months'][number];
export type SlaTicketT = z.infer<typeof SlaTicket>;
export type TicketTimelineT = z.infer<typeof TicketTimeline>;
export type OutageT = z.infer<typeof Outage>;
export type SlaOverviewT = z.infer<typeof SlaOverview>;
export type SlaOverviewRowT = SlaOverviewT['items'][number];
export type TicketImportResultT = z.infer<typeof TicketImportResult>;
export type TicketImportDoneT = z.infer<typeof TicketImportDone>;
export type TicketImportProgressT = z.infer<typeof TicketImportProgress>;
export type TicketRejectionT = z.infer<typeof TicketRejection>;
export type TicketMappingT = z.output<typeof TicketMapping>;
export type SavedMappingT = z.infer<typeof SavedMapping>;

export type TicketFilter = 'all' | 'breached' | 'at-risk' | 'open' | 'problems';

export interface SlaTicketPage {
  items: SlaTicketT[];
  nextCursor: string | null;
  total: number;
}
