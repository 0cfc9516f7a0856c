import { Badge, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { DRILL_KIND_LABELS, DRILL_KINDS, DRILL_RESULT_LABELS, DRILL_RESULTS } from '../../../shared/contracts/exit.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate } from '../../lib/format.ts';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { useExitSettings, useRecordDrill, type EngagementExitT } from './api.ts';

const RESULT_COLOR = { done: 'teal', problem: 'yellow', not_possible: 'red' } as const;

/** Drills of the exit, each step's result against the recovery time objective, and the gaps they left to close. */
export function DrillsSection({ data, canWrite }: { data: EngagementExitT; canWrite: boolean }) {
  const [recording, setRecording] = useState(false);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="exit-drills">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="exit-drills">
              Drills
            </Title>
            <Text size="sm" c="dimmed">
              A tabletop or live exercise of the plan. A drill’s credit fades after three months; gaps become actions.
            </Text>
          </div>
          {canWrite && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
              Record drill
            </Button>
          )}
        </Group>
        {data.drills.length === 0 && <Text size="sm" c="dimmed">No drill held yet.</Text>}
        {data.drills.map((d) => (
          <Stack key={d.id} gap="xs">
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {formatDate(d.heldOn)} — {d.scenario}
              </Text>
              <Badge variant="light">{d.kindLabel}</Badge>
              <Badge variant="light" color={d.outcome >= 80 ? 'teal' : d.outcome >= 50 ? 'yellow' : 'red'}>
                Outcome {d.outcome} %
              </Badge>
              {d.participants.length > 0 && (
                <Text size="xs" c="dimmed">
                  With {d.participants.join(', ')}
                </Text>
              )}
            </Group>
            <Table aria-label={`Steps of the drill of ${formatDate(d.heldOn)}`} fz="sm" verticalSpacing={4}>
              <Table.Tbody>
                {d.results.map((r) => (
                  <Table.Tr key={r.stepKey}>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={600} c={`${RESULT_COLOR[r.result]}.8`}>
                        {r.resultLabel}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={r.overRto ? 'red' : undefined}>
                        {r.minutesTaken === null ? '' : `${r.minutesTaken} min${r.overRto ? ' — longer than the RTO' : ''}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
      {recording && <DrillModal data={data} onClose={() => setRecording(false)} />}
    </Paper>
  );
}

const FIELDS = ['scenario', 'kind', 'heldOn', 'participants', 'results', 'notes'] as const;
const today = () => new Date().toISOString().slice(0, 10);

function DrillModal({ data, onClose }: { data: EngagementExitT; onClose: () => void }) {
  const settings = useExitSettings();
  const steps = data.plan?.steps.map((s) => ({ key: s.key, title: s.title })) ?? settings.data?.steps.map((s) => ({ key: s.key, title: s.title })) ?? [];
  const [scenario, setScenario] = useState('');
  const [kind, setKind] = useState('tabletop');
  const [heldOn, setHeldOn] = useState(today());
  const [participants, setParticipants] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [results, setResults] = useState<Record<string, { result: string; minutes: number | string; note: string }>>({});
  const form = useFormErrors(FIELDS);
  const record = useRecordDrill(data.engagement.id);
  const blank = { result: 'skip', minutes: '' as number | string, note: '' };
  const set = (key: string, patch: Partial<typeof blank>) => setResults((r) => ({ ...r, [key]: { ...blank, ...r[key], ...patch } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tried = steps
      .filter((s) => results[s.key] && results[s.key].result !== 'skip')
      .map((s) => ({ stepKey: s.key, title: s.title, result: results[s.key].result, minutesTaken: results[s.key].minutes === '' ? null : Number(results[s.key].minutes), note: blankToNull(results[s.key].note) }));
    record.mutate({ scenario, kind, heldOn, participants, results: tried, notes: blankToNull(notes) }, { onSuccess: onClose, onError: form.fromError });
  };
  return (
    <Modal opened onClose={onClose} title="Record a drill" size="xl">
      <form onSubmit={submit} noValidate aria-label="Drill">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The drill was not saved" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Scenario" required placeholder="The vendor stops service without warning" value={scenario} onChange={(e) => setScenario(e.currentTarget.value)} error={form.errors.scenario} />
            <Select label="Kind" data={DRILL_KINDS.map((k) => ({ value: k, label: DRILL_KIND_LABELS[k] }))} value={kind} onChange={(v) => v && setKind(v)} allowDeselect={false} error={form.errors.kind} />
            <TextInput label="Held on" type="date" value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} error={form.errors.heldOn} />
          </SimpleGrid>
          <TagsInput label="Participants" placeholder="Type a name and press Enter" value={participants} onChange={setParticipants} error={form.errors.participants} />
          <Text fw={500} size="sm">
            Each step’s result
          </Text>
          {form.errors.results && <Text size="sm" c="red">{form.errors.results}</Text>}
          {steps.map((s) => (
            <Group key={s.key} gap="xs" wrap="nowrap" align="flex-end">
              <Text size="sm" style={{ flex: 2 }}>
                {s.title}
              </Text>
              <Select
                aria-label={`Result: ${s.title}`}
                data={[{ value: 'skip', label: 'Not tried' }, ...DRILL_RESULTS.map((r) => ({ value: r, label: DRILL_RESULT_LABELS[r] }))]}
                value={results[s.key]?.result ?? 'skip'}
                onChange={(v) => v && set(s.key, { result: v })}
                allowDeselect={false}
                style={{ flex: 1 }}
              />
              <NumberInput aria-label={`Minutes taken: ${s.title}`} placeholder="Minutes" min={0} value={results[s.key]?.minutes ?? ''} onChange={(v) => set(s.key, { minutes: v })} style={{ flex: 1 }} />
              <TextInput aria-label={`Note: ${s.title}`} placeholder="What went wrong" value={results[s.key]?.note ?? ''} onChange={(e) => set(s.key, { note: e.currentTarget.value })} style={{ flex: 2 }} />
            </Group>
          ))}
          <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={form.errors.notes} />
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              Record drill
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
