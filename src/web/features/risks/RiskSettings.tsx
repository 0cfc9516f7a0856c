import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { minorDigits } from '../../../domain/money.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useRiskSettings, useUpdateRiskSettings, type RiskSettingsT } from './api.ts';

type Matrix = RiskSettingsT['matrix'];
const COLORS = ['green', 'lime', 'yellow', 'orange', 'red', 'grape'].map((c) => ({ value: c, label: c[0].toUpperCase() + c.slice(1) }));

/** A matrix resized keeps its labels and levels where it can and fills the rest sensibly. */
function resize(m: Matrix, size: number): Matrix {
  const pad = (labels: string[], base: string) => Array.from({ length: size }, (_, i) => labels[i] ?? `${base} ${i + 1}`);
  const top = m.levels.length - 1;
  return {
    ...m,
    size,
    likelihoodLabels: pad(m.likelihoodLabels, 'Likelihood'),
    impactLabels: pad(m.impactLabels, 'Impact'),
    grid: Array.from({ length: size }, (_, l) => Array.from({ length: size }, (_, i) => m.grid[l]?.[i] ?? Math.min(top, Math.floor(((l + 1) * (i + 1) * (top + 1)) / (size * size + 1))))),
    loss: m.loss ? { ...m.loss, impactMinor: Array.from({ length: size }, (_, i) => m.loss!.impactMinor[i] ?? 0), likelihoodPct: Array.from({ length: size }, (_, i) => m.loss!.likelihoodPct[i] ?? 0) } : m.loss,
  };
}

/** Optional money bands: a rough annual loss per cell (band × chance per year), in one currency. */
function LossBandsPanel({ m, setM, canManage }: { m: Matrix; setM: (m: Matrix) => void; canManage: boolean }) {
  const loss = m.loss ?? null;
  const unit = loss ? 10 ** minorDigits(loss.currency) : 100;
  const on = (checked: boolean) => setM({ ...m, loss: checked ? { currency: 'EUR', impactMinor: m.impactLabels.map(() => 0), likelihoodPct: m.likelihoodLabels.map(() => 0) } : null });
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4">Rough annual loss</Title>
      <Text size="sm" c="dimmed" mb="sm">Optional: what each impact level costs if it happens, and how likely each likelihood level is in a year. Each risk then shows a rough annual loss (amount × chance) — a guide for ranking, not a forecast.</Text>
      <Checkbox label="Estimate a rough annual loss" checked={!!loss} onChange={(e) => on(e.currentTarget.checked)} disabled={!canManage} mb="sm" />
      {loss && (
        <Stack gap="sm">
          <TextInput label="Currency" w={120} value={loss.currency} onChange={(e) => setM({ ...m, loss: { ...loss, currency: e.currentTarget.value.toUpperCase() } })} disabled={!canManage} />
          <SimpleGrid cols={{ base: 2, sm: m.size }}>
            {m.impactLabels.map((label, i) => (
              <NumberInput key={`i${i}`} label={`Impact "${label}"`} min={0} thousandSeparator="," value={loss.impactMinor[i] / unit} onChange={(v) => setM({ ...m, loss: { ...loss, impactMinor: loss.impactMinor.map((x, k) => (k === i ? Math.round((Number(v) || 0) * unit) : x)) } })} disabled={!canManage} />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: m.size }}>
            {m.likelihoodLabels.map((label, l) => (
              <NumberInput key={`l${l}`} label={`Likelihood "${label}"`} suffix=" % a year" min={0} max={100} allowDecimal={false} value={loss.likelihoodPct[l]} onChange={(v) => setM({ ...m, loss: { ...loss, likelihoodPct: loss.likelihoodPct.map((x, k) => (k === l ? Number(v) || 0 : x)) } })} disabled={!canManage} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  );
}

/** Settings → Risk: the organisation's own matrix (size, labels, the level of each cell, the appetite) and the signal rules. */
export function RiskSettings() {
  usePageTitle('Risk settings');
  const me = useSession();
  const settings = useRiskSettings();
  const update = useUpdateRiskSettings();
  const form = useFormErrors(['matrix', 'rules']);
  const canManage = roleCan(me.user.role, 'org.manage');
  const [m, setM] = useState<Matrix | null>(null);
  const [rules, setRules] = useState<RiskSettingsT['rules']>([]);
  useEffect(() => {
    if (settings.data) {
      setM(settings.data.matrix);
      setRules(settings.data.rules);
    }
  }, [settings.data]);
  if (settings.isPending || !m) return settings.isError ? <QueryError error={settings.error} onRetry={() => settings.refetch()} what="the risk settings" /> : <Skeleton h={300} radius="md" />;

  const levels = m.levels.map((l, i) => ({ value: String(i), label: l.label }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { matrix: m, rules: Object.fromEntries(rules.map((r) => [r.key, { enabled: r.enabled, params: Object.fromEntries(r.params.map((p) => [p.key, p.value])) }])) };
    update.mutate(body, { onSuccess: () => notifications.show({ color: 'teal', title: 'Risk settings saved', message: `A ${m.size}×${m.size} matrix` }), onError: form.fromError });
  };
  const setLabel = (which: 'likelihoodLabels' | 'impactLabels', i: number, v: string) => setM({ ...m, [which]: m[which].map((x, k) => (k === i ? v : x)) });
  const setCell = (l: number, i: number, v: number) => setM({ ...m, grid: m.grid.map((row, a) => (a === l ? row.map((x, b) => (b === i ? v : x)) : row)) });
  const setRule = (key: string, patch: Partial<RiskSettingsT['rules'][number]>) => setRules(rules.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <form onSubmit={submit} noValidate aria-label="Risk settings">
      <Stack gap="lg" maw={980}>
        <FormErrorAlert error={form.general} />
        {!canManage && <Text size="sm" c="dimmed">Only owners and admins can change these settings.</Text>}
        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h4">Risk matrix</Title>
          <Text size="sm" c="dimmed" mb="md">Likelihood × impact on your own scale. Each cell's level is set below (a lookup grid, as ISO 27005's examples do), not only computed. Risks above the appetite are flagged and shown above the line on the heat map.</Text>
          <Group align="flex-end" mb="md">
            <Select label="Size" data={['3', '4', '5'].map((s) => ({ value: s, label: `${s} × ${s}` }))} allowDeselect={false} value={String(m.size)} onChange={(v) => v && setM(resize(m, Number(v)))} disabled={!canManage} />
            <Select label="Appetite: highest acceptable level" data={levels} allowDeselect={false} value={String(m.appetite)} onChange={(v) => v && setM({ ...m, appetite: Number(v) })} disabled={!canManage} />
          </Group>
          <Title order={3} size="h5" mb={4}>Levels, lowest first</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="md">
            {m.levels.map((l, i) => (
              <Group key={i} gap={4} wrap="nowrap">
                <TextInput aria-label={`Level ${i + 1} name`} value={l.label} onChange={(e) => setM({ ...m, levels: m.levels.map((x, k) => (k === i ? { ...x, label: e.currentTarget.value } : x)) })} disabled={!canManage} />
                <Select aria-label={`Level ${i + 1} colour`} data={COLORS} allowDeselect={false} value={l.color} onChange={(c) => c && setM({ ...m, levels: m.levels.map((x, k) => (k === i ? { ...x, color: c } : x)) })} disabled={!canManage} w={130} />
              </Group>
            ))}
          </SimpleGrid>
          <Table aria-label="Level of each cell" withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Likelihood \ impact</Table.Th>
                {m.impactLabels.map((label, i) => (
                  <Table.Th key={i}><TextInput aria-label={`Impact ${i + 1} label`} size="xs" value={label} onChange={(e) => setLabel('impactLabels', i, e.currentTarget.value)} disabled={!canManage} /></Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...m.likelihoodLabels.keys()].reverse().map((l) => (
                <Table.Tr key={l}>
                  <Table.Td><TextInput aria-label={`Likelihood ${l + 1} label`} size="xs" value={m.likelihoodLabels[l]} onChange={(e) => setLabel('likelihoodLabels', l, e.currentTarget.value)} disabled={!canManage} /></Table.Td>
                  {m.grid[l].map((v, i) => (
                    <Table.Td key={i} style={{ background: `var(--mantine-color-${m.levels[v]?.color ?? 'gray'}-2)` }}>
                      <Select aria-label={`Level for likelihood ${m.likelihoodLabels[l]} and impact ${m.impactLabels[i]}`} size="xs" data={levels} allowDeselect={false} value={String(v)} onChange={(x) => x && setCell(l, i, Number(x))} disabled={!canManage} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <LossBandsPanel m={m} setM={setM} canManage={canManage} />
        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h4">Signals</Title>
          <Text size="sm" c="dimmed" mb="md">Rules that watch what Outsight already knows and open a risk — never twice for the same fact. They run every hour and when you choose "Evaluate now" on the register.</Text>
          <Stack gap="md">
            {rules.map((r) => (
              <div key={r.key}>
                <Checkbox label={r.label} description={r.describe} checked={r.enabled} onChange={(e) => setRule(r.key, { enabled: e.currentTarget.checked })} disabled={!canManage} />
                {r.params.length > 0 && (
                  <Group ml={32} mt={4}>
                    {r.params.map((p) => (
                      <NumberInput key={p.key} size="xs" label={p.label} min={0} value={p.value} onChange={(v) => setRule(r.key, { params: r.params.map((x) => (x.key === p.key ? { ...x, value: Number(v) || 0 } : x)) })} disabled={!canManage || !r.enabled} w={200} />
                    ))}
                  </Group>
                )}
              </div>
            ))}
          </Stack>
        </Paper>
        {canManage && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>Save</Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
