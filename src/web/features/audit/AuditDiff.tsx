import { Code, Switch, Table, Text } from '@mantine/core';
import { fieldInWords } from '../../../shared/audit-words.ts';
import { useState } from 'react';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field rows of a before/after pair; a create has only "after", a delete only "before". */
export function diffRows(before: unknown, after: unknown): Row[] {
  if (!isRecord(before) && !isRecord(after)) {
    return same(before, after) ? [] : [{ field: 'value', before, after, changed: true }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = Array.from(new Set([...Object.keys(b), ...Object.keys(a)]));
  return fields.map((field) => ({ field, before: b[field], after: a[field], changed: !same(b[field], a[field]) }));
}

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <Text span c="dimmed" size="sm">—</Text>;
  if (value === null || value === '') return <Text span c="dimmed" size="sm" fs="italic">empty</Text>;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <Text span size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{String(value)}</Text>;
  }
  return (
    <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** The before/after of one audit event as a table, changed fields first and highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const [showAll, setShowAll] = useState(false);
  const rows = diffRows(before, after);
  const changed = rows.filter((r) => r.changed);
  const shown = showAll ? rows : changed;
  if (rows.length === 0) {
    return <Text size="sm" c="dimmed">No field values were recorded for this event.</Text>;
  }
  // A creation has only "after" and a removal only "before": one column says it plainly.
  const single = before === null || before === undefined ? 'after' : after === null || after === undefined ? 'before' : null;
  if (single) {
    return (
      <Table.ScrollContainer minWidth={360}>
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">Field</Table.Th>
              <Table.Th>{single === 'after' ? 'Value' : 'Value before'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.field}>
                <Table.Td>
                  <Text span size="sm" title={r.field}>{fieldInWords(r.field)}</Text>
                </Table.Td>
                <Table.Td>
                  <Value value={single === 'after' ? r.after : r.before} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }
  return (
    <div>
      {rows.length > changed.length && (
        <Switch
          size="xs"
          mb="xs"
          label={`Show unchanged fields (${rows.length - changed.length})`}
          checked={showAll}
          onChange={(e) => setShowAll(e.currentTarget.checked)}
        />
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">Field</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.field} className={r.changed ? 'diff-changed' : undefined}>
                <Table.Td>
                  <Text span size="sm" title={r.field}>{fieldInWords(r.field)}</Text>
                </Table.Td>
                <Table.Td className={r.changed ? 'diff-before' : undefined}>
                  <Value value={r.before} />
                </Table.Td>
                <Table.Td className={r.changed ? 'diff-after' : undefined}>
                  <Value value={r.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
