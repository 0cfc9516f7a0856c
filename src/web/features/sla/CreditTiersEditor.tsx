import { ActionIcon, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { rowId, type TierValues } from './policyForm.ts';

/** "Missed by more than X points → credit Y % of the monthly fee"; the highest band that applies wins. */
export function CreditTiersEditor({ label, rows, onChange, error }: { label: string; rows: TierValues[]; onChange: (rows: TierValues[]) => void; error?: string }) {
  const update = (id: string, patch: Partial<TierValues>) => onChange(rows.map((r) => (r.rowId === id ? { ...r, ...patch } : r)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No credits: a miss is reported but costs the vendor nothing.
        </Text>
      )}
      {rows.map((r, i) => (
        <Group key={r.rowId} gap="xs" wrap="wrap" align="center">
          <Text size="sm" w={150}>
            {i === 0 ? 'Missed by more than' : 'or by more than'}
          </Text>
          <NumberInput
            aria-label={`${label}, band ${i + 1}: shortfall in percentage points`}
            value={r.shortfallPct}
            onChange={(v) => update(r.rowId, { shortfallPct: v === '' ? '' : Number(v) })}
            min={0}
            max={99.999}
            decimalScale={3}
            suffix=" pts"
            w={110}
          />
          <Text size="sm">→ credit</Text>
          <NumberInput
            aria-label={`${label}, band ${i + 1}: credit in percent of the monthly fee`}
            value={r.creditPct}
            onChange={(v) => update(r.rowId, { creditPct: v === '' ? '' : Number(v) })}
            min={0}
            max={100}
            decimalScale={2}
            suffix=" %"
            w={100}
          />
          <Text size="sm">of the fee</Text>
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove band ${i + 1}`} onClick={() => onChange(rows.filter((x) => x.rowId !== r.rowId))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red.7" role="alert">
          {error}
        </Text>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => onChange([...rows, { rowId: rowId(), shortfallPct: rows.length ? '' : 0, creditPct: '' }])}
        disabled={rows.length >= 20}
      >
        Add credit band
      </Button>
    </Stack>
  );
}
