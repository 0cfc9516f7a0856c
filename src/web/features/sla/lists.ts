import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { allPages, usePagedList, wholeList } from '../../api/paging.ts';
import type { PageT } from '../../api/types.ts';
import { slaKeys, type TicketQuery } from './api.ts';
import type { CalendarT, OutageT, SavedMappingT, SlaOverviewRowT, SlaOverviewT, SlaPolicyT, SlaTicketT, TicketImportResultT } from './types.ts';

/**
 * The SLA feature's lists, each a keyset page of the API: the ones a person reads page by
 * page (tickets, imports, outages) with "Load more", the ones a picker needs whole
 * (calendars, saved mappings, policy versions) fetched page after page. The cache keys are
 * `slaKeys`', so the mutations in `api.ts` refresh them; the whole lists keep the page shape,
 * so `useSaveCalendar`'s in-place update still applies.
 */
const enc = encodeURIComponent;

function ticketParams(q: TicketQuery) {
  return { filter: q.filter, priority: q.priority, month: q.month, q: q.q.trim() };
}

/** The tickets behind the report, with the number that match (`total`). */
export function useTicketPages(engagementId: string, q: TicketQuery) {
  return usePagedList<SlaTicketT>({ queryKey: ['sla', 'tickets', engagementId], path: `/engagements/${enc(engagementId)}/sla/tickets`, query: ticketParams(q) });
}

/**
 * Every engagement's attainment in one month, and the credits of the year to date: the
 * overview is one answer, not a keyset page, so it is read whole to keep its totals.
 */
export function useOverview(month: string) {
  // Two views of one cached answer (same key): the rows as a list, and the year's totals.
  const query = {
    queryKey: [...slaKeys.overview(month), 'whole'],
    queryFn: ({ signal }: { signal: AbortSignal }) => api<SlaOverviewT>('/sla/overview', { query: { month }, signal }),
    placeholderData: keepPreviousData,
  };
  const rows = useQuery({ ...query, select: (o: SlaOverviewT) => o.items });
  const totals = useQuery({ ...query, select: (o: SlaOverviewT) => o.yearToDate });
  return { list: wholeList<SlaOverviewRowT>(rows), yearToDate: totals.data ?? null };
}

export function useTicketImportPages(engagementId: string) {
  return usePagedList<TicketImportResultT>({ queryKey: slaKeys.imports(engagementId), path: `/engagements/${enc(engagementId)}/ticket-imports`, limit: 10 });
}

/** How many tickets the engagement has stored, measured or not (the import history answers it). */
export function useEngagementTicketCount(engagementId: string) {
  return useQuery({
    queryKey: [...slaKeys.imports(engagementId), 'ticket-count'],
    queryFn: ({ signal }) => api<{ ticketCount: number }>(`/engagements/${enc(engagementId)}/ticket-imports`, { query: { limit: 1 }, signal }),
    select: (r: { ticketCount: number }) => r.ticketCount,
  });
}

export function useOutagePages(engagementId: string) {
  return usePagedList<OutageT>({ queryKey: slaKeys.outages(engagementId), path: `/engagements/${enc(engagementId)}/outages` });
}

/** Every calendar of the organisation, for the policy's picker and the calendar manager. */
export function useAllCalendars(enabled = true) {
  return useQuery({
    queryKey: slaKeys.calendars,
    queryFn: allPages<CalendarT>('/calendars'),
    select: (page: PageT<CalendarT>) => page.items,
    enabled,
    staleTime: 60_000,
  });
}

export function useAllTicketMappings(enabled = true) {
  return useQuery({
    queryKey: slaKeys.mappings,
    queryFn: allPages<SavedMappingT>('/ticket-mappings'),
    select: (page: PageT<SavedMappingT>) => page.items,
    enabled,
  });
}

export function useAllPolicyVersions(engagementId: string, enabled = true) {
  return useQuery({
    queryKey: slaKeys.versions(engagementId),
    queryFn: allPages<SlaPolicyT>(`/engagements/${enc(engagementId)}/sla-policy/versions`),
    select: (page: PageT<SlaPolicyT>) => page.items,
    enabled: enabled && !!engagementId,
  });
}
