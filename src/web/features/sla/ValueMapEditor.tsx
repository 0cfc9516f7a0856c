import { ActionIcon, Autocomplete, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconPlus, IconTrash, IconWand } from '@tabler/icons-react';
import { useState } from 'react';

interface Row {
  id: number;
  raw: string;
  to: string;
}

let seq = 0;
const toRows = (map: Record<string, string>): Row[] => Object.entries(map).map(([raw, to]) => ({ id: ++seq, raw, to }));
const toMap = (rows: Row[]) => Object.fromEntries(rows.filter((r) => r.raw.trim() && r.to.trim()).map((r) => [r.raw.trim(), r.to.trim()]));

/**
 * Raw value in the export → the name the SLA policy uses ("1 - Critical" → "P1").
 * Remount it (key) to load another mapping.
 */
export function ValueMapEditor({
  label,
  description,
  value,
  onChange,
  found,
  targets,
  targetLabel,
  error,
}: {
  label: string;
  description: string;
  value: Record<string, string>;
  onChange: (map: Record<string, string>) => void;
  /** Values seen in the file's first rows. */
  found: string[];
  /** Names the policy knows (P1…, statuses). */
  targets: string[];
  targetLabel: string;
  error?: string;
}) {
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  const update = (next: Row[]) => {
    setRows(next);
    onChange(toMap(next));
  };
  const set = (id: number, patch: Partial<Row>) => update(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const unmapped = found.filter((f) => !rows.some((r) => r.raw.trim() === f));

  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      </div>
      {rows.map((r, i) => (
        <Group key={r.id} gap={6} wrap="nowrap">
          <Autocomplete aria-label={`${label} ${i + 1}: value in the file`} placeholder="Value in the file" data={found} value={r.raw} onChange={(v) => set(r.id, { raw: v })} style={{ flex: 1 }} />
          <IconArrowRight size={16} aria-hidden style={{ flexShrink: 0 }} />
          <Autocomplete aria-label={`${label} ${i + 1}: ${targetLabel}`} placeholder={targetLabel} data={targets} value={r.to} onChange={(v) => set(r.id, { to: v })} style={{ flex: 1 }} />
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${label.toLowerCase()} ${i + 1}`} onClick={() => update(rows.filter((x) => x.id !== r.id))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red.7">
          {error}
        </Text>
      )}
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setRows([...rows, { id: ++seq, raw: '', to: '' }])}>
          Add value
        </Button>
        {unmapped.length > 0 && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconWand size={14} />}
            onClick={() => update([...rows, ...unmapped.slice(0, 20).map((raw) => ({ id: ++seq, raw, to: targets.includes(raw) ? raw : '' }))])}
          >
            {unmapped.length === 1 ? 'Add the value found in the file' : `Add the ${Math.min(unmapped.length, 20)} values found in the file`}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
