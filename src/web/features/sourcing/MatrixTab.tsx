import { Alert, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, Textarea, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowsSort, IconDatabase, IconPrinter } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { ConcentrationEffect } from './ConcentrationEffect.tsx';
import { useMatrix, useSetCriteria, type MatrixT, type ProjectT } from './api.ts';
import { score2 } from './words.tsx';

type Sort = { by: 'total' | string; desc: boolean };

/** The comparison matrix: weighted totals, each cell's source, evaluator disagreement, and whether the winner survives ±20 % weight moves. Sortable and printable. */
export function MatrixTab({ project, canWrite }: { project: ProjectT; canWrite: boolean }) {
  const matrix = useMatrix(project.id);
  const [sort, setSort] = useState<Sort>({ by: 'total', desc: true });
  const [editing, setEditing] = useState(false);
  const weighable = canWrite && ['draft', 'checked', 'evaluating'].includes(project.status);
  if (matrix.isError) return <QueryError error={matrix.error} onRetry={() => void matrix.refetch()} />;
  const m = matrix.data;
  return (
    <Stack gap="md" className="sourcing-matrix">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {project.weightsLockedAt ? `Weights locked since the first proposal was opened (${formatDateTime(project.weightsLockedAt)}); a change needs a reason.` : 'The weights lock when the first proposal is opened.'}
        </Text>
        <Group gap="xs" className="no-print">
          {weighable && (
            <Button variant="default" size="xs" onClick={() => setEditing(true)}>
              Change criteria and weights
            </Button>
          )}
          <Button variant="default" size="xs" leftSection={<IconPrinter size={14} />} onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      {m && m.rows.length > 0 && (
        <Alert color={m.robust ? 'teal' : 'orange'} title={m.winner ? `Leading: ${m.winner.vendorName}` : 'No single leader'} icon={m.robust ? undefined : <IconAlertTriangle size={18} />}>
          {m.robustness}
        </Alert>
      )}
      {m ? <MatrixTable m={m} sort={sort} setSort={setSort} /> : <Text c="dimmed">Computing the matrix…</Text>}
      {m && m.rows.length > 0 && (
        <Group gap="lg">
          <Group gap={4}>
            <IconDatabase size={12} color="var(--mantine-color-gray-6)" aria-hidden />
            <Text size="xs" c="dimmed">
              computed from the data (price, due diligence, hours, references, interviews)
            </Text>
          </Group>
          <Group gap={4}>
            <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-hidden />
            <Text size="xs" c="dimmed">
              evaluators disagree by two points or more
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            Point at a score for who gave what.
          </Text>
        </Group>
      )}
      {m && m.rows.length > 0 && <ConcentrationEffect m={m} />}
      {project.weightChanges.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h5" mb="xs">
            Weight changes after the lock
          </Title>
          {project.weightChanges.map((w) => (
            <Text key={w.at} size="sm">
              {formatDateTime(w.at)}, {w.by ?? 'someone'}: {w.changes.map((c) => `${c.criterion} ${c.from ?? '—'} → ${c.to ?? 'removed'}`).join(', ')} — “{w.reason}”
            </Text>
          ))}
        </Paper>
      )}
      {editing && <WeightsModal project={project} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function MatrixTable({ m, sort, setSort }: { m: MatrixT; sort: Sort; setSort: (s: Sort) => void }) {
  const value = (r: MatrixT['rows'][number]) => (sort.by === 'total' ? r.total : (r.cells.find((c) => c.criterionId === sort.by)?.score ?? -1));
  const rows = [...m.rows].sort((a, b) => (sort.desc ? value(b) - value(a) : value(a) - value(b)) || a.vendorName.localeCompare(b.vendorName));
  const header = (by: string, label: string) => (
    <UnstyledButton onClick={() => setSort({ by, desc: sort.by === by ? !sort.desc : true })} aria-label={`Sort by ${label}`}>
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <IconArrowsSort size={14} aria-hidden />
      </Group>
    </UnstyledButton>
  );
  if (!m.rows.length) return <Text c="dimmed">No candidates to compare yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped aria-label="Comparison matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rank</Table.Th>
            <Table.Th>Candidate</Table.Th>
            <Table.Th aria-sort={sort.by === 'total' ? (sort.desc ? 'descending' : 'ascending') : undefined}>{header('total', 'Weighted total')}</Table.Th>
            {m.criteria.map((c) => (
              <Table.Th key={c.id} aria-sort={sort.by === c.id ? (sort.desc ? 'descending' : 'ascending') : undefined}>
                {header(c.id, c.name)}
                <Text size="xs" c="dimmed">
                  weight {c.weight}
                </Text>
              </Table.Th>
            ))}
            <Table.Th>Evaluators</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.candidateId}>
              <Table.Td>{r.rank}</Table.Td>
              <Table.Td fw={600}>{r.vendorName}</Table.Td>
              <Table.Td fw={700}>{score2(r.total)}</Table.Td>
              {r.cells.map((c) => (
                <Table.Td key={c.criterionId}>
                  <Tooltip
                    multiline
                    w={260}
                    label={c.source === 'computed' ? `From the data: ${c.basis}` : c.source === 'missing' ? 'Nobody scored this yet; it counts 0.' : c.evaluators.map((e) => `${e.evaluator}: ${e.score}`).join(' · ')}
                  >
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" c={c.source === 'missing' ? 'dimmed' : undefined}>
                        {score2(c.score)}
                      </Text>
                      {c.source === 'computed' && <IconDatabase size={12} color="var(--mantine-color-gray-6)" aria-label="from the data" role="img" />}
                      {c.disagreement && <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-label={`evaluators disagree by ${c.spread} points`} role="img" />}
                    </Group>
                  </Tooltip>
                </Table.Td>
              ))}
              <Table.Td miw={180}>
                <Text size="xs">{r.byEvaluator.map((e) => `${e.evaluator} ${score2(e.total)}`).join(' · ') || 'Not scored'}</Text>
                {r.spread !== null && (
                  <Text size="xs" c={r.disagreement ? 'orange' : 'dimmed'}>
                    spread {score2(r.spread)}
                    {r.disagreement ? ' — large disagreement' : ''}
                  </Text>
                )}
                {r.missing.length > 0 && (
                  <Text size="xs" c="dimmed">
                    Not scored: {r.missing.join(', ')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WeightsModal({ project, onClose }: { project: ProjectT; onClose: () => void }) {
  const [weights, setWeights] = useState<Record<string, number | string>>(Object.fromEntries(project.criteria.map((c) => [c.id, c.weight])));
  const [reason, setReason] = useState('');
  const form = useFormErrors(['criteria', 'reason']);
  const save = useSetCriteria(project.id);
  const total = Object.values(weights).reduce<number>((s, w) => s + (Number(w) || 0), 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { criteria: project.criteria.map((c) => ({ id: c.id, name: c.name, source: c.source, weight: Number(weights[c.id]) || 0 })), reason: reason.trim() || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Weights saved', message: '' });
          onClose();
        },
        onError: form.fromError,
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title="Criteria and weights" size="lg">
      <form onSubmit={submit} noValidate aria-label="Criteria and weights">
        <Stack gap="sm">
          <FormErrorAlert error={form.general} title="The weights were not saved" />
          {project.criteria.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm">{c.name}</Text>
                <Text size="xs" c="dimmed">
                  {c.sourceLabel}
                </Text>
              </Stack>
              <NumberInput aria-label={`Weight of ${c.name}`} w={100} min={0} max={1000} allowDecimal={false} value={weights[c.id]} onChange={(v) => setWeights({ ...weights, [c.id]: v })} />
            </Group>
          ))}
          <Text size="sm">Points in all: {total} (each criterion counts its share of them)</Text>
          {form.errors.criteria && (
            <Text size="sm" c="red">
              {form.errors.criteria}
            </Text>
          )}
          {project.weightsLockedAt && <Textarea label="Why change the weights now" description="The weights are locked; the reason is kept with the project." required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.reason} />}
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save weights
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
