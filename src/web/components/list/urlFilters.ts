import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * How a filter sits in the address. `search` is the free-text box above the list, `filter`
 * a control in the filter panel (counted on the phone's "Filters" button), `scope` a
 * restriction set from elsewhere (a link to one object's history: cleared with the rest,
 * not counted), `view` a way of looking at the list rather than a filter of it (the sort
 * order; the ticket list's Breached / Open / All): kept when filters are cleared.
 */
export type FilterKind = 'search' | 'filter' | 'scope' | 'view';

export interface FilterDef<V> {
  kind: FilterKind;
  parse(raw: string | null): V;
  /** The value for the address; '' is the default and leaves the parameter out. */
  format(value: V): string;
  /** How many choices the value holds (a multi-select counts each). */
  count(value: V): number;
  /** The value `clear()` sets. */
  empty: V;
}

const split = (raw: string | null) => (raw ? raw.split(',').filter(Boolean) : []);

/** The building blocks of a list's filter spec; the spec object is a module-level constant. */
export const urlFilter = {
  /** Free text (a search box, or a text filter in the panel). */
  text(kind: 'search' | 'filter' = 'search'): FilterDef<string> {
    return { kind, parse: (raw) => raw ?? '', format: (v) => v, count: (v) => (v.trim() ? 1 : 0), empty: '' };
  },
  /** One value or none (a clearable select, a date). */
  one(kind: 'filter' | 'scope' = 'filter'): FilterDef<string | null> {
    return { kind, parse: (raw) => raw || null, format: (v) => v ?? '', count: (v) => (v ? 1 : 0), empty: null };
  },
  /** Several values (a multi-select), comma-separated in the address. */
  many(): FilterDef<string[]> {
    return { kind: 'filter', parse: split, format: (v) => v.join(','), count: (v) => v.length, empty: [] };
  },
  /** One of fixed values with a default (a segmented control); anything else in the address reads as the default. */
  choice<T extends string>(values: readonly T[], fallback: T, kind: 'filter' | 'view' = 'filter'): FilterDef<T> {
    return {
      kind,
      parse: (raw) => (values.includes(raw as T) ? (raw as T) : fallback),
      format: (v) => (v === fallback ? '' : v),
      count: (v) => (v === fallback ? 0 : 1),
      empty: fallback,
    };
  },
};

/** Vendors and engagements: current ones by default. */
export const ARCHIVED_VALUES = ['false', 'true', 'all'] as const;
export type Archived = (typeof ARCHIVED_VALUES)[number];

type Spec = Record<string, FilterDef<unknown>>;
export type FilterValues<S extends Spec> = { [K in keyof S]: S[K] extends FilterDef<infer V> ? V : never };

export interface UrlFilters<S extends Spec> {
  values: FilterValues<S>;
  set: (patch: Partial<FilterValues<S>>) => void;
  /** Back to the defaults, keeping the view (sort order). */
  clear: () => void;
  /** Any search, filter or scope differs from its default (the list may be empty because of it). */
  active: boolean;
  /** Choices made in the filter panel, for the phone's "Filters" button. */
  panelCount: number;
}

/**
 * A list's filters kept in the address, so a filtered list can be bookmarked, shared and
 * reached with the back button. Parameters the spec does not name (`?engagement=` on the
 * vendor page) are left alone. Changes replace the history entry rather than add to it.
 */
export function useUrlFilters<S extends Spec>(spec: S): UrlFilters<S> {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out: Record<string, unknown> = {};
    for (const [key, def] of Object.entries(spec)) out[key] = def.parse(params.get(key));
    return out as FilterValues<S>;
  }, [params, spec]);

  const set = useCallback(
    (patch: Partial<FilterValues<S>>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            const def = spec[key];
            if (!def) continue;
            const s = def.format(value);
            if (s === '') next.delete(key);
            else next.set(key, s);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams, spec],
  );

  const clear = useCallback(() => {
    const patch: Record<string, unknown> = {};
    for (const [key, def] of Object.entries(spec)) if (def.kind !== 'view') patch[key] = def.empty;
    set(patch as Partial<FilterValues<S>>);
  }, [set, spec]);

  let active = false;
  let panelCount = 0;
  for (const [key, def] of Object.entries(spec)) {
    const n = def.count((values as Record<string, unknown>)[key]);
    if (def.kind !== 'view' && n > 0) active = true;
    if (def.kind === 'filter') panelCount += n;
  }
  return { values, set, clear, active, panelCount };
}
