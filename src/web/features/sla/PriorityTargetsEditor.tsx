import { ActionIcon, Button, Grid, Group, Input, NumberInput, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { emptyPriority, type Clock, type PriorityValues, type TargetValues, type Unit } from './policyForm.ts';

const UNITS = [
  { value: 'min', label: 'min' },
  { value: 'h', label: 'h' },
];
const CLOCKS = [
  { value: 'business', label: 'Business' },
  { value: 'calendar', label: '24×7' },
];

function DurationField({ label, name, value, onChange, error }: { label: string; name: string; value: TargetValues; onChange: (v: TargetValues) => void; error?: string }) {
  return (
    <Input.Wrapper label={label} error={error}>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          aria-label={`${name}: amount`}
          placeholder="none"
          min={0}
          decimalScale={2}
          value={value.amount}
          onChange={(v) => onChange({ ...value, amount: v === '' ? '' : Number(v) })}
          w={84}
          hideControls
          error={!!error}
        />
        <Select aria-label={`${name}: unit`} data={UNITS} value={value.unit} onChange={(u) => onChange({ ...value, unit: (u ?? 'h') as Unit })} allowDeselect={false} w={80} />
        <Select aria-label={`${name}: clock`} data={CLOCKS} value={value.clock} onChange={(c) => onChange({ ...value, clock: (c ?? 'business') as Clock })} allowDeselect={false} w={112} />
      </Group>
    </Input.Wrapper>
  );
}

/** Response and resolution targets and the monthly attainment target of every priority. */
export function PriorityTargetsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: PriorityValues[];
  onChange: (rows: PriorityValues[]) => void;
  errors: Record<string, string>;
}) {
  const update = (rowId: string, patch: Partial<PriorityValues>) => onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  const nextKey = `P${rows.length + 1}`;
  return (
    <Stack gap="xs">
      {rows.map((r) => {
        const k = r.key.trim() || 'priority';
        const err = (f: string) => errors[`priorities.${r.key.trim()}.${f}`];
        return (
          <Paper key={r.rowId} withBorder radius="md" p="sm">
            <Grid columns={24} gap="sm" align="flex-start">
              <Grid.Col span={{ base: 18, md: 2 }}>
                <TextInput label="Priority" value={r.key} onChange={(e) => update(r.rowId, { key: e.currentTarget.value })} placeholder="P1" maxLength={50} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, md: 1 }} order={{ base: 2, md: 5 }}>
                <Group justify="flex-end" mt={24}>
                  <Tooltip label={`Remove ${k}`}>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${k}`} onClick={() => onChange(rows.filter((x) => x.rowId !== r.rowId))} disabled={rows.length === 1}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Grid.Col>
              <Grid.Col span={{ base: 24, md: 8 }} order={{ base: 3, md: 2 }}>
                <DurationField label="First response within" name={`${k} response`} value={r.response} onChange={(v) => update(r.rowId, { response: v })} error={err('response')} />
              </Grid.Col>
              <Grid.Col span={{ base: 24, md: 8 }} order={{ base: 4, md: 3 }}>
                <DurationField label="Resolved within" name={`${k} resolution`} value={r.resolution} onChange={(v) => update(r.rowId, { resolution: v })} error={err('resolution')} />
              </Grid.Col>
              <Grid.Col span={{ base: 24, md: 5 }} order={{ base: 5, md: 4 }}>
                <NumberInput
                  label="Monthly target"
                  aria-label={`${k} monthly attainment target in percent`}
                  suffix=" %"
                  min={0}
                  max={100}
                  decimalScale={3}
                  value={r.attainmentPct}
                  onChange={(v) => update(r.rowId, { attainmentPct: v === '' ? '' : Number(v) })}
                  error={err('monthlyAttainment')}
                />
              </Grid.Col>
            </Grid>
          </Paper>
        );
      })}
      <Group justify="space-between" wrap="wrap">
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => onChange([...rows, emptyPriority(nextKey)])} disabled={rows.length >= 20}>
          Add priority
        </Button>
        <Text size="xs" c="dimmed" maw={520}>
          Leave an amount empty for no target. Business time counts only the calendar’s working hours: with 09:00–17:00 a business day is 8 h, so 3 business days is 24 h. 24×7 counts every hour.
        </Text>
      </Group>
    </Stack>
  );
}
