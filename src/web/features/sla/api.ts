import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarInput, SlaPolicyInput } from '../../../shared/contracts/sla.ts';
import { API_BASE, ApiError, api, toQueryString } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { PageT } from '../../api/types.ts';
import { uploadFile } from '../../api/upload.ts';
import { uploadTickets, type UploadOptions, type UploadQuery } from './upload.ts';
import type {
  CalendarT,
  HolidayImportResultT,
  OutageT,
  SavedMappingT,
  SlaPolicyT,
  SlaReportT,
  TicketFilter,
  TicketImportProgressT,
  TicketMappingT,
  TicketTimelineT,
} from './types.ts';

/** Query keys of the SLA feature; everything measured sits under 'sla' so one invalidation re-measures it all. */
export const slaKeys = {
  all: ['sla'] as const,
  policy: (engagementId: string, version?: number) => ['sla', 'policy', engagementId, version ?? 'current'] as const,
  versions: (engagementId: string) => ['sla', 'versions', engagementId] as const,
  report: (engagementId: string, q: unknown) => ['sla', 'report', engagementId, q] as const,
  tickets: (engagementId: string, q: unknown) => ['sla', 'tickets', engagementId, q] as const,
  timeline: (ticketId: string) => ['sla', 'timeline', ticketId] as const,
  overview: (month: string) => ['sla', 'overview', month] as const,
  outages: (engagementId: string) => ['sla', 'outages', engagementId] as const,
  imports: (engagementId: string) => ['sla', 'imports', engagementId] as const,
  calendars: ['sla-calendars'] as const,
  mappings: ['sla-mappings'] as const,
};

const enc = encodeURIComponent;

/** The policy in force (or version N); null when the engagement has none yet. */
export function useSlaPolicy(engagementId: string, version?: number) {
  return useQuery({
    queryKey: slaKeys.policy(engagementId, version),
    queryFn: async () => {
      try {
        return await api<SlaPolicyT>(`/engagements/${enc(engagementId)}/sla-policy`, { query: { version } });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404 && !version) return null;
        throw e;
      }
    },
    enabled: !!engagementId,
  });
}

function useInvalidateSla() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: slaKeys.all });
    void qc.invalidateQueries({ queryKey: keys.audit });
    void qc.invalidateQueries({ queryKey: keys.dashboard });
  };
}

export function useSavePolicy(engagementId: string) {
  const invalidate = useInvalidateSla();
  return useMutation({
    mutationFn: (input: SlaPolicyInput) => api<SlaPolicyT>(`/engagements/${enc(engagementId)}/sla-policy`, { method: 'PUT', body: input }),
    onSuccess: invalidate,
  });
}

export interface ReportQuery {
  from?: string;
  to?: string;
  version?: number;
}

export function useSlaReport(engagementId: string, q: ReportQuery, enabled = true) {
  return useQuery({
    queryKey: slaKeys.report(engagementId, q),
    queryFn: ({ signal }) => api<SlaReportT>(`/engagements/${enc(engagementId)}/sla/report`, { query: { ...q }, signal }),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export interface TicketQuery {
  filter: TicketFilter;
  priority: string | null;
  month: string | null;
  q: string;
}

function ticketParams(q: TicketQuery) {
  return { filter: q.filter, priority: q.priority, month: q.month, q: q.q.trim() };
}

/** The CSV of the ticket list as filtered (a plain download link; the cookie authenticates it). */
export function ticketsCsvUrl(engagementId: string, q: TicketQuery): string {
  return `${API_BASE}/engagements/${enc(engagementId)}/sla/tickets.csv${toQueryString(ticketParams(q))}`;
}

export function useTicketTimeline(ticketId: string | null) {
  return useQuery({
    queryKey: slaKeys.timeline(ticketId ?? ''),
    queryFn: () => api<TicketTimelineT>(`/tickets/${enc(ticketId ?? '')}/timeline`),
    enabled: !!ticketId,
  });
}

// Outages (for availability)

export function useAddOutage(engagementId: string) {
  const invalidate = useInvalidateSla();
  return useMutation({
    mutationFn: (input: { startAt: string; endAt: string; planned: boolean; description: string | null }) =>
      api<OutageT>(`/engagements/${enc(engagementId)}/outages`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useDeleteOutage() {
  const invalidate = useInvalidateSla();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/outages/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

// Ticket imports and mappings

export const rejectionsCsvUrl = (importId: string) => `${API_BASE}/ticket-imports/${enc(importId)}/rejections.csv`;

export function useImportTickets(engagementId: string) {
  const invalidate = useInvalidateSla();
  return useMutation({
    mutationFn: ({ file, query, options }: { file: File; query: UploadQuery; options?: UploadOptions }) =>
      uploadTickets(engagementId, file, query, options),
    onSettled: invalidate,
  });
}

/**
 * Where a running import is (phase, rows read, rejected so far), asked every second while
 * `key` is set. Not under the 'sla' key: invalidating the SLA data must not poll it.
 */
export function useImportProgress(key: string | null) {
  return useQuery({
    queryKey: ['ticket-import-progress', key],
    queryFn: () => api<TicketImportProgressT>(`/ticket-import-progress/${enc(key!)}`),
    enabled: key !== null,
    refetchInterval: 1_000,
    retry: false,
  });
}

export function useSaveMapping() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; mapping: TicketMappingT }) => api<SavedMappingT>('/ticket-mappings', { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: slaKeys.mappings }),
  });
}

// Calendars

function useInvalidateCalendars() {
  const qc = useQueryClient();
  const invalidateSla = useInvalidateSla();
  return () => {
    void qc.invalidateQueries({ queryKey: slaKeys.calendars });
    // Business hours changed: every measurement on this calendar changes with them.
    invalidateSla();
  };
}

export function useSaveCalendar(id: string | null) {
  const qc = useQueryClient();
  const invalidate = useInvalidateCalendars();
  return useMutation({
    mutationFn: (input: CalendarInput) =>
      id ? api<CalendarT>(`/calendars/${enc(id)}`, { method: 'PATCH', body: input }) : api<CalendarT>('/calendars', { method: 'POST', body: input }),
    onSuccess: (saved) => {
      // Pickers show the saved calendar at once, before the list is fetched again.
      qc.setQueryData<PageT<CalendarT>>(slaKeys.calendars, (page) =>
        page ? { ...page, items: [...page.items.filter((c) => c.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)) } : page,
      );
      invalidate();
    },
  });
}

export function useImportHolidays(id: string) {
  const invalidate = useInvalidateCalendars();
  return useMutation({
    mutationFn: ({ file, fromYear, toYear }: { file: File; fromYear?: number; toYear?: number }) =>
      uploadFile<HolidayImportResultT>(`/calendars/${enc(id)}/holidays/import`, file, { query: { fromYear, toYear }, contentType: 'text/calendar' }),
    onSuccess: invalidate,
  });
}
