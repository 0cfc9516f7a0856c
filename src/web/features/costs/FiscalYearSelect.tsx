import { Select } from '@mantine/core';
import { useCostSettings } from './api.ts';

/**
 * Picks a fiscal year among the two before the current one, the current one and, with `next`,
 * the one after (budgets are made ahead). `shown` is the year the page shows; nothing renders
 * until the organisation's fiscal year is known.
 */
export function FiscalYearSelect({ shown, onChange, next = false }: { shown: number | null; onChange: (year: number) => void; next?: boolean }) {
  const current = useCostSettings().data?.currentFiscalYear;
  if (!current) return null;
  const years = [current - 2, current - 1, current, ...(next ? [current + 1] : [])];
  return (
    <Select
      aria-label="Fiscal year"
      w={140}
      data={years.map((y) => ({ value: String(y), label: `FY ${y}` }))}
      value={String(shown ?? current)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
    />
  );
}
