import { Code, ScrollArea, Table } from '@mantine/core';

export interface RejectedRow {
  line: number;
  /** The column of the person's own file, as its header names it. */
  field: string;
  reason: string;
  value?: string | null;
}

/** The rows an import refused (vendor CSV, ticket export): line, column, reason and the value found. */
export function RejectedRowsTable({ rows, maxHeight = 320 }: { rows: RejectedRow[]; maxHeight?: number }) {
  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto">
      <Table striped withTableBorder fz="sm" miw={480} aria-label="Rejected rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Line</Table.Th>
            <Table.Th>Field</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={`${r.line}-${r.field}-${i}`}>
              <Table.Td>{r.line.toLocaleString()}</Table.Td>
              <Table.Td>
                <Code>{r.field}</Code>
              </Table.Td>
              <Table.Td>{r.reason}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.value ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
