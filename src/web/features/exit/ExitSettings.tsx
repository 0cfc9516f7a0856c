import { ActionIcon, Button, Group, NumberInput, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { FACTOR_LABELS, FACTORS, STEP_OWNER_LABELS, STEP_OWNERS } from '../../../shared/contracts/exit.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useExitSettings, useUpdateExitSettings, type ExitSettingsT } from './api.ts';

type Step = { key?: string; title: string; owner: string; offsetDays: number | string; evidence: string };

/** Settings → Exit: the plan template new exit plans are built from, the readiness weights and the threshold. */
export function ExitSettings() {
  usePageTitle('Exit settings');
  const me = useSession();
  const settings = useExitSettings();
  const update = useUpdateExitSettings();
  const form = useFormErrors(['steps', 'weights', 'threshold']);
  const canManage = roleCan(me.user.role, 'org.manage');
  const [steps, setSteps] = useState<Step[]>([]);
  const [weights, setWeights] = useState<Record<string, number | string>>({});
  const [threshold, setThreshold] = useState<number | string>(50);
  const load = (s: ExitSettingsT) => {
    setSteps(s.steps.map((x) => ({ ...x })));
    setWeights({ ...s.weights });
    setThreshold(s.threshold);
  };
  useEffect(() => {
    if (settings.data) load(settings.data);
  }, [settings.data]);
  if (settings.isPending) return <Skeleton h={320} radius="md" />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => settings.refetch()} what="the exit settings" />;
  const total = FACTORS.reduce((s, k) => s + (Number(weights[k]) || 0), 0);
  const save = (body: Record<string, unknown>, what: string) => update.mutate(body, { onSuccess: () => notifications.show({ color: 'teal', message: what }), onError: form.fromError });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save(
      {
        steps: steps.map((s) => ({ key: s.key, title: s.title, owner: s.owner, offsetDays: Number(s.offsetDays) || 0, evidence: s.evidence || null })),
        weights: Object.fromEntries(FACTORS.map((k) => [k, Number(weights[k]) || 0])),
        threshold: Number(threshold) || 0,
      },
      'Exit settings saved',
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Exit settings">
      <Stack gap="lg">
        <FormErrorAlert error={form.general} title="The exit settings were not saved" />
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm">
            <Group justify="space-between">
              <div>
                <Title order={2} size="h4">
                  Exit plan template
                </Title>
                <Text size="sm" c="dimmed">
                  {settings.data.stepsAreBuiltin ? 'The built-in plan.' : 'Your own plan.'} New exit plans start from these steps; plans already built keep theirs.
                </Text>
              </div>
              {canManage && !settings.data.stepsAreBuiltin && (
                <Button variant="subtle" leftSection={<IconArrowBackUp size={16} />} onClick={() => save({ steps: null }, 'The built-in template is back')}>
                  Use the built-in template
                </Button>
              )}
            </Group>
            {form.errors.steps && <Text size="sm" c="red">{form.errors.steps}</Text>}
            {steps.map((s, i) => (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
                <TextInput aria-label={`Step ${i + 1}`} value={s.title} disabled={!canManage} onChange={(e) => setSteps(steps.map((x, j) => (j === i ? { ...x, title: e.currentTarget.value } : x)))} style={{ flex: 3 }} />
                <Select aria-label={`Who does step ${i + 1}`} data={STEP_OWNERS.map((o) => ({ value: o, label: STEP_OWNER_LABELS[o] }))} value={s.owner} disabled={!canManage} allowDeselect={false} onChange={(v) => v && setSteps(steps.map((x, j) => (j === i ? { ...x, owner: v } : x)))} style={{ flex: '0 0 150px' }} />
                <NumberInput aria-label={`Days after the start, step ${i + 1}`} suffix=" days" min={0} value={s.offsetDays} disabled={!canManage} onChange={(v) => setSteps(steps.map((x, j) => (j === i ? { ...x, offsetDays: v } : x)))} style={{ flex: 1 }} />
                <TextInput aria-label={`Evidence of step ${i + 1}`} placeholder="What shows it was done" value={s.evidence} disabled={!canManage} onChange={(e) => setSteps(steps.map((x, j) => (j === i ? { ...x, evidence: e.currentTarget.value } : x)))} style={{ flex: 3 }} />
                {canManage && (
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove step ${i + 1}`} onClick={() => setSteps(steps.filter((_, j) => j !== i))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {canManage && (
              <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={16} />} onClick={() => setSteps([...steps, { title: '', owner: 'us', offsetDays: 0, evidence: '' }])}>
                Add step
              </Button>
            )}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Readiness weights
            </Title>
            <Text size="sm" c="dimmed">
              Each factor’s weight; the score is the weighted share out of 100 (weights now add up to {total}).
            </Text>
            {form.errors.weights && <Text size="sm" c="red">{form.errors.weights}</Text>}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {FACTORS.map((k) => (
                <NumberInput key={k} label={FACTOR_LABELS[k]} min={0} max={100} value={weights[k] ?? 0} disabled={!canManage} onChange={(v) => setWeights({ ...weights, [k]: v })} />
              ))}
            </SimpleGrid>
            <NumberInput label="Flag critical engagements below" description="The dashboard and the risk register name critical engagements whose readiness is below this." min={0} max={100} w={280} value={threshold} disabled={!canManage} onChange={setThreshold} error={form.errors.threshold} />
          </Stack>
        </Paper>
        {canManage && (
          <Group>
            <Button type="submit" loading={update.isPending}>
              Save exit settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
