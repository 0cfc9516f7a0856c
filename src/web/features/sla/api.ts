import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarInput, SlaPolicyInput } from '../../../shared/contracts/sla.ts';
import { API_BASE, ApiError, api, toQueryString } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { PageT } from '../../api/types.ts';
import { uploadTickets, type UploadOptions, type UploadQuery } from './upload.ts';
import type {
  CalendarT,
  HolidayImportResultT,
  OutageT,
  SavedMappingT,
  SlaOverviewT,
  SlaPolicyT,
  SlaReportT,
  SlaTicketPage,
  TicketFilter,
  TicketImportResultT,
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

/**
 * Every item of a short list (calendars, policy versions, outages, saved mappings),
 * following its cursor: the API pages every list, and these views and pickers show all.
 */
async function allItems<T>(path: string, signal?: AbortSignal): Promise<PageT<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<PageT<T>>(path, { query: { limit: 200, cursor }, signal });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, nextCursor: null };
}

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

export function usePolicyVersions(engagementId: string, enabled = true) {
  return useQuery({
    queryKey: slaKeys.versions(engagementId),
    queryFn: ({ signal }) => allItems<SlaPolicyT>(`/engagements/${enc(engagementId)}/sla-policy/versions`, signal),
    select: (page) => page.items,
    enabled: enabled && !!engagementId,
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

export function useSlaTickets(engagementId: string, q: TicketQuery, limit = 50) {
  return useInfiniteQuery({
    queryKey: slaKeys.tickets(engagementId, { ...q, limit }),
    queryFn: ({ pageParam, signal }) =>
      api<SlaTicketPage>(`/engagements/${enc(engagementId)}/sla/tickets`, { query: { ...ticketParams(q), limit, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
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

export function useSlaOverview(month: string) {
  return useQuery({
    queryKey: slaKeys.overview(month),
    queryFn: ({ signal }) => api<SlaOverviewT>('/sla/overview', { query: { month }, signal }),
    placeholderData: (prev) => prev,
  });
}

// Outages (for availability)

export function useOutages(engagementId: string) {
  return useQuery({
    queryKey: slaKeys.outages(engagementId),
    queryFn: ({ signal }) => allItems<OutageT>(`/engagements/${enc(engagementId)}/outages`, signal),
    select: (page) => page.items,
  });
}

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

export function useTicketImports(engagementId: string) {
  return useQuery({
    queryKey: slaKeys.imports(engagementId),
    // The first page: the newest 50, as "recent imports" means.
    queryFn: () => api<PageT<TicketImportResultT>>(`/engagements/${enc(engagementId)}/ticket-imports`),
    select: (page) => page.items,
  });
}

export const rejectionsCsvUrl = (importId: string) => `${API_BASE}/ticket-imports/${enc(importId)}/rejections.csv`;

export function useImportTickets(engagementId: string) {
  const invalidate = useInvalidateSla();
  return useMutation({
    mutationFn: ({ file, query, options }: { file: File; query: UploadQuery; options?: UploadOptions }) =>
      uploadTickets(engagementId, file, query, options),
    onSettled: invalidate,
  });
}

export function useTicketMappings(enabled = true) {
  return useQuery({
    queryKey: slaKeys.mappings,
    queryFn: ({ signal }) => allItems<SavedMappingT>('/ticket-mappings', signal),
    select: (page) => page.items,
    enabled,
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

export function useCalendars(enabled = true) {
  return useQuery({
    queryKey: slaKeys.calendars,
    queryFn: ({ signal }) => allItems<CalendarT>('/calendars', signal),
    select: (page) => page.items,
    enabled,
    staleTime: 60_000,
  });
}

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
      api<HolidayImportResultT>(`/calendars/${enc(id)}/holidays/import`, {
        method: 'POST',
        query: { fromYear, toYear },
        rawBody: file,
        contentType: 'text/calendar',
      }),
    onSuccess: invalidate,
  });
}
