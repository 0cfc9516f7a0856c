import { keepPreviousData, useInfiniteQuery, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { api, type QueryValue } from './client.ts';
import type { PageT } from './types.ts';

/** The largest page the API hands out (`PageQuery.limit`). */
export const MAX_PAGE = 200;

/**
 * Every item of a list, following `nextCursor` until the API says there is no more. For
 * views that need the whole list at once (a select box of calendars, a name lookup), never
 * for a list a person scrolls: those page with `usePagedList` and "Load more".
 * The answer keeps the page's shape (`nextCursor: null`), so cached pages stay interchangeable.
 */
export async function fetchAllPages<T>(path: string, query: Record<string, QueryValue> = {}, signal?: AbortSignal): Promise<PageT<T>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  let total: number | undefined;
  for (;;) {
    const page = await api<PageT<T>>(path, { query: { ...query, limit: MAX_PAGE, cursor }, signal });
    items.push(...page.items);
    total ??= page.total;
    if (!page.nextCursor) return { items, nextCursor: null, ...(total === undefined ? {} : { total }) };
    // A cursor seen before would loop forever; that is a server bug worth a visible error.
    if (seen.has(page.nextCursor)) throw new Error(`The list at ${path} repeated a page.`);
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

/** A query function for `useQuery` that loads every page of `path`. */
export function allPages<T>(path: string, query: Record<string, QueryValue> = {}) {
  return ({ signal }: { signal?: AbortSignal }) => fetchAllPages<T>(path, query, signal);
}

/** Every item of a list, for pickers and lookups (see `fetchAllPages`). */
export function useAllItems<T>(queryKey: QueryKey, path: string, options: { query?: Record<string, QueryValue>; enabled?: boolean; staleTime?: number } = {}) {
  return useQuery({
    queryKey,
    queryFn: allPages<T>(path, options.query),
    select: (page: PageT<T>) => page.items,
    enabled: options.enabled ?? true,
    staleTime: options.staleTime,
  });
}

/** What the list scaffold (`ListView`) needs of a list, whichever hook produced it. */
export interface PagedList<T> {
  items: T[];
  /** All matching rows, when the API counts them; null when it does not. */
  total: number | null;
  /** The API stopped early and said so: not every row is in these pages. */
  truncated: boolean;
  hasMore: boolean;
  /** Pages loaded so far. */
  pages: number;
  loadMore: () => void;
  loadingMore: boolean;
  /** Fetching for any reason other than "Load more" (a filter changed, a refresh). */
  refreshing: boolean;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => void;
}

export interface PagedListOptions {
  /** The list's cache key without the query; mutations invalidate by this prefix. */
  queryKey: QueryKey;
  path: string;
  query?: Record<string, QueryValue>;
  limit?: number;
  enabled?: boolean;
}

/**
 * One keyset-paged list: the first page, then the next one each time `loadMore` is called,
 * following the API's `nextCursor`. While filters change, the previous answer stays on
 * screen (marked as refreshing) instead of flashing a skeleton.
 */
export function usePagedList<T>({ queryKey, path, query = {}, limit = 50, enabled = true }: PagedListOptions): PagedList<T> {
  const q = useInfiniteQuery({
    queryKey: [...queryKey, query, limit],
    queryFn: ({ pageParam, signal }) => api<PageT<T>>(path, { query: { ...query, limit, cursor: pageParam }, signal }),
    // A list answer without a cursor (an overview) is one complete page.
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: PageT<T>) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  const pages = q.data?.pages ?? [];
  return {
    items: pages.flatMap((p) => p.items),
    total: pages[0]?.total ?? null,
    truncated: pages.some((p) => p.truncated === true),
    hasMore: !!q.hasNextPage,
    pages: pages.length,
    loadMore: () => void q.fetchNextPage(),
    loadingMore: q.isFetchingNextPage,
    refreshing: q.isFetching && !q.isFetchingNextPage && !q.isPending,
    isPending: q.isPending,
    isError: q.isError,
    error: q.error,
    refetch: () => void q.refetch(),
  };
}

/**
 * A list that is already whole (every page fetched, or a part of an overview) as a
 * `PagedList` for `ListView`: one complete page, nothing more to load. `items` replaces the
 * query's data when the view shows a subset of it (the open findings of all findings).
 */
export function wholeList<T>(q: Pick<UseQueryResult<T[]>, 'data' | 'isPending' | 'isError' | 'error' | 'refetch' | 'isFetching'>, items?: T[]): PagedList<T> {
  return {
    items: items ?? q.data ?? [],
    total: null,
    truncated: false,
    hasMore: false,
    pages: 1,
    loadMore: () => {},
    loadingMore: false,
    refreshing: q.isFetching && !q.isPending,
    isPending: q.isPending,
    isError: q.isError,
    error: q.error,
    refetch: () => void q.refetch(),
  };
}
