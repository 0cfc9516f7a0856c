import { Box, Paper, Stack, Table, type MantineSpacing, type TableTrProps } from '@mantine/core';
import type { Key, ReactNode } from 'react';
import { useIsWide } from '../../lib/useIsWide.ts';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'right';
  /** As wide as its content and never wrapped (a badge, a date). */
  fit?: boolean;
  maw?: number;
  w?: number | string;
  hidden?: boolean;
}

/**
 * Rows as a table on a wide screen and, when `card` is given, as a list of cards on a phone
 * (a table with eight columns does not fit 390 px). The table scrolls sideways below
 * `minWidth` rather than squeezing its columns.
 */
export function DataTable<T>({
  rows,
  rowKey,
  columns,
  label,
  minWidth,
  card,
  rowProps,
  spacing = 'sm',
  fz,
}: {
  rows: T[];
  rowKey: (row: T) => Key;
  columns: Column<T>[];
  /** The accessible name of the table (and of the card list). */
  label?: string;
  minWidth: number;
  card?: (row: T) => ReactNode;
  rowProps?: (row: T) => TableTrProps;
  spacing?: MantineSpacing;
  fz?: 'sm';
}) {
  const wide = useIsWide();
  if (card && !wide) return <CardList items={rows} itemKey={rowKey} label={label} render={card} />;
  const shown = columns.filter((c) => !c.hidden);
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing={spacing} fz={fz} highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {shown.map((c) => (
                <Table.Th key={c.key} ta={c.align} w={c.w}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
                {shown.map((c) => (
                  <Table.Td key={c.key} ta={c.align} maw={c.maw} className={c.fit ? 'fit-cell' : undefined}>
                    {c.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Items as a list of bordered cards (audit events, findings, evidence, questionnaires, phones' tables). */
export function CardList<T>({
  items,
  itemKey,
  label,
  render,
  padding = 'sm',
  divided = false,
}: {
  items: T[];
  itemKey: (item: T) => Key;
  label?: string;
  render: (item: T) => ReactNode;
  padding?: MantineSpacing;
  /** One bordered box with a line between items, instead of a card each. */
  divided?: boolean;
}) {
  if (divided) {
    return (
      <Paper withBorder radius="md">
        <Stack gap={0} component="ul" className="bare-list divided-list" aria-label={label}>
          {items.map((item) => (
            <Box component="li" key={itemKey(item)}>
              {render(item)}
            </Box>
          ))}
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="xs" component="ul" className="bare-list" aria-label={label}>
      {items.map((item) => (
        <Box component="li" key={itemKey(item)}>
          <Paper withBorder radius="md" p={padding}>
            {render(item)}
          </Paper>
        </Box>
      ))}
    </Stack>
  );
}
