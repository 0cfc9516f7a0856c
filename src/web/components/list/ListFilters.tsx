import { Group, SegmentedControl, Stack, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIsWide } from '../../lib/useIsWide.ts';
import { FilterPanel } from './FilterPanel.tsx';

/**
 * The filter bar above a list: the search box and the controls used most (sort, "which")
 * in one row, the rest in a panel that folds behind a "Filters" button on a phone, where
 * the row's controls move into the panel as well.
 */
export function ListFilters({
  label,
  search,
  inline,
  panelCount,
  children,
}: {
  /** The search landmark's name, e.g. "Filter vendors". */
  label: string;
  search?: ReactNode;
  inline?: ReactNode;
  panelCount: number;
  children?: ReactNode;
}) {
  const wide = useIsWide();
  const row = wide ? inline : null;
  const panel = (
    <>
      {!wide && inline}
      {children}
    </>
  );
  const hasPanel = !!children || (!wide && !!inline);
  return (
    <Stack gap="sm" mb="md" role="search" aria-label={label}>
      {(search || row) && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          {search}
          {row}
        </Group>
      )}
      {hasPanel && <FilterPanel activeCount={panelCount}>{panel}</FilterPanel>}
    </Stack>
  );
}

/** "Current / Archived / All" and similar: a segmented control with a legend for screen readers. */
export function WhichControl<T extends string>({
  legend,
  data,
  value,
  onChange,
  fullWidth,
  vertical,
}: {
  legend: string;
  data: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  fullWidth?: boolean;
  vertical?: boolean;
}) {
  return (
    <fieldset className="bare-fieldset" style={fullWidth ? { width: '100%' } : undefined}>
      <VisuallyHidden component="legend">{legend}</VisuallyHidden>
      <SegmentedControl
        data={data}
        value={value}
        onChange={(v) => onChange(v as T)}
        orientation={vertical ? 'vertical' : 'horizontal'}
        fullWidth={fullWidth}
      />
    </fieldset>
  );
}

/** The archived filter of vendors and engagements. */
export const ARCHIVED_CHOICES = [
  { value: 'false' as const, label: 'Current' },
  { value: 'true' as const, label: 'Archived' },
  { value: 'all' as const, label: 'All' },
];
