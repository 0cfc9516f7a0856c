import { ActionIcon, Button, Group, Modal, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { COVERAGE, COVERAGE_LABELS, SUBSTITUTABILITY, SUBSTITUTABILITY_LABELS } from '../../../shared/contracts/exit.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate } from '../../lib/format.ts';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { useOwnerOptions } from '../users/api.ts';
import { useSaveProfile, type EngagementExitT } from './api.ts';

const hours = (h: number | null) => (h === null ? 'Not set' : h % 24 === 0 && h >= 24 ? `${h / 24} day${h === 24 ? '' : 's'}` : `${h} hour${h === 1 ? '' : 's'}`);
const COVERAGE_COLOR = { none: 'red', basic: 'yellow', can_run: 'teal' } as const;

/** Recovery objectives and the in-house fallback: who could run the service if the vendor could not. */
export function FallbackSection({ data, canWrite }: { data: EngagementExitT; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  const p = data.profile;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="exit-fallback">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="exit-fallback">
              Recovery objectives and in-house fallback
            </Title>
            <Text size="sm" c="dimmed">
              How long we can be without the service, and who in-house could run it.
            </Text>
          </div>
          {canWrite && (
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              Edit fallback
            </Button>
          )}
        </Group>
        <DetailList
          cols={3}
          items={[
            { label: 'Longest we can be without it (RTO)', value: hours(p.rtoHours) },
            { label: 'Most data we can lose (RPO)', value: hours(p.rpoHours) },
            { label: 'How hard to replace', value: p.substitutabilityLabel ? `${p.substitutabilityLabel}${p.substitutabilityReason ? ` — ${p.substitutabilityReason}` : ''}` : 'Not assessed' },
            { label: 'Backup owners', value: p.backupOwners.length ? p.backupOwners.map((o) => o.name).join(', ') : 'Nobody named' },
            { label: 'Days the team could run it alone', value: p.daysAlone === null ? 'Not known' : String(p.daysAlone) },
            { label: 'Last practised', value: p.lastPractisedOn ? formatDate(p.lastPractisedOn) : 'Never' },
          ]}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap="xs">
            <Title order={3} size="h5">
              Skills the service needs
            </Title>
            {p.skills.length === 0 ? (
              <Text size="sm" c="dimmed">No skills recorded.</Text>
            ) : (
              <Table aria-label="Skills" fz="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {p.skills.map((s) => (
                    <Table.Tr key={s.name}>
                      <Table.Td>{s.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" fw={600} c={`${COVERAGE_COLOR[s.coverage]}.8`}>
                          {s.coverageLabel}
                        </Text>
                      </Table.Td>
                      <Table.Td>{s.coveredBy?.name ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h5">
              Runbooks
            </Title>
            {p.runbooks.length === 0 ? (
              <Text size="sm" c="dimmed">No runbooks recorded.</Text>
            ) : (
              <Table aria-label="Runbooks" fz="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {p.runbooks.map((r) => (
                    <Table.Tr key={r.title}>
                      <Table.Td>
                        {r.title}
                        <Text size="xs" c="dimmed">
                          {r.location}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={r.current ? undefined : 'red'}>
                          {r.lastReviewedOn ? `Reviewed ${formatDate(r.lastReviewedOn)}` : 'Never reviewed'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </SimpleGrid>
      </Stack>
      {editing && <FallbackModal data={data} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

const FIELDS = ['rtoHours', 'rpoHours', 'substitutability', 'substitutabilityReason', 'backupOwnerIds', 'skills', 'runbooks', 'daysAlone', 'lastPractisedOn'] as const;
const num = (v: number | string) => (v === '' ? null : Number(v));

function FallbackModal({ data, onClose }: { data: EngagementExitT; onClose: () => void }) {
  const p = data.profile;
  const people = useOwnerOptions();
  const [rto, setRto] = useState<number | string>(p.rtoHours ?? '');
  const [rpo, setRpo] = useState<number | string>(p.rpoHours ?? '');
  const [subst, setSubst] = useState<string | null>(p.substitutability);
  const [reason, setReason] = useState(p.substitutabilityReason ?? '');
  const [owners, setOwners] = useState(p.backupOwners.map((o) => o.id));
  const [skills, setSkills] = useState(p.skills.map((s) => ({ name: s.name, coverage: s.coverage as string, coveredById: s.coveredBy?.id ?? null })));
  const [runbooks, setRunbooks] = useState(p.runbooks.map((r) => ({ title: r.title, location: r.location, lastReviewedOn: r.lastReviewedOn ?? '' })));
  const [days, setDays] = useState<number | string>(p.daysAlone ?? '');
  const [practised, setPractised] = useState(p.lastPractisedOn ?? '');
  const form = useFormErrors(FIELDS);
  const save = useSaveProfile(data.engagement.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        rtoHours: num(rto),
        rpoHours: num(rpo),
        substitutability: subst,
        substitutabilityReason: blankToNull(reason),
        backupOwnerIds: owners,
        skills: skills.map((s) => ({ name: s.name, coverage: s.coverage, coveredById: s.coverage === 'none' ? null : s.coveredById })),
        runbooks: runbooks.map((r) => ({ title: r.title, location: r.location, lastReviewedOn: blankToNull(r.lastReviewedOn) })),
        daysAlone: num(days),
        lastPractisedOn: blankToNull(practised),
      },
      { onSuccess: onClose, onError: form.fromError },
    );
  };
  const options = people.data ?? [];
  return (
    <Modal opened onClose={onClose} title="Recovery objectives and in-house fallback" size="xl">
      <form onSubmit={submit} noValidate aria-label="Fallback">
        <Stack gap="md">
          <FormErrorAlert error={form.general} title="The fallback was not saved" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label="RTO in hours" description="How long we can be without it" min={0} value={rto} onChange={setRto} error={form.errors.rtoHours} />
            <NumberInput label="RPO in hours" description="How much data we can lose" min={0} value={rpo} onChange={setRpo} error={form.errors.rpoHours} />
            <NumberInput label="Days we could run it alone" min={0} value={days} onChange={setDays} error={form.errors.daysAlone} />
            <Select label="How hard to replace" data={SUBSTITUTABILITY.map((s) => ({ value: s, label: SUBSTITUTABILITY_LABELS[s] }))} value={subst} onChange={setSubst} clearable error={form.errors.substitutability} />
            <TextInput label="Why" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={form.errors.substitutabilityReason} />
            <TextInput label="Last practised" type="date" value={practised} onChange={(e) => setPractised(e.currentTarget.value)} error={form.errors.lastPractisedOn} />
          </SimpleGrid>
          <MultiSelect label="Backup owners" data={options} value={owners} onChange={setOwners} searchable error={form.errors.backupOwnerIds} />
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={500} size="sm">
                Skills and who covers them
              </Text>
              <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setSkills([...skills, { name: '', coverage: 'none', coveredById: null }])}>
                Add skill
              </Button>
            </Group>
            {form.errors.skills && <Text size="sm" c="red">{form.errors.skills}</Text>}
            {skills.map((s, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput aria-label={`Skill ${i + 1}`} placeholder="Database administration" value={s.name} onChange={(e) => setSkills(skills.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))} style={{ flex: 2 }} />
                <Select aria-label={`Coverage of skill ${i + 1}`} data={COVERAGE.map((c) => ({ value: c, label: COVERAGE_LABELS[c] }))} value={s.coverage} allowDeselect={false} onChange={(v) => v && setSkills(skills.map((x, j) => (j === i ? { ...x, coverage: v } : x)))} style={{ flex: 1 }} />
                <Select aria-label={`Who covers skill ${i + 1}`} placeholder="Who" data={options} value={s.coveredById} clearable disabled={s.coverage === 'none'} onChange={(v) => setSkills(skills.map((x, j) => (j === i ? { ...x, coveredById: v } : x)))} style={{ flex: 1 }} />
                <ActionIcon variant="subtle" color="red" aria-label={`Remove skill ${i + 1}`} onClick={() => setSkills(skills.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={500} size="sm">
                Runbooks and where they live
              </Text>
              <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setRunbooks([...runbooks, { title: '', location: '', lastReviewedOn: '' }])}>
                Add runbook
              </Button>
            </Group>
            {form.errors.runbooks && <Text size="sm" c="red">{form.errors.runbooks}</Text>}
            {runbooks.map((r, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput aria-label={`Runbook ${i + 1}`} placeholder="Restore from backup" value={r.title} onChange={(e) => setRunbooks(runbooks.map((x, j) => (j === i ? { ...x, title: e.currentTarget.value } : x)))} style={{ flex: 2 }} />
                <TextInput aria-label={`Where runbook ${i + 1} lives`} placeholder="Wiki › Runbooks" value={r.location} onChange={(e) => setRunbooks(runbooks.map((x, j) => (j === i ? { ...x, location: e.currentTarget.value } : x)))} style={{ flex: 2 }} />
                <TextInput aria-label={`Runbook ${i + 1} last reviewed`} type="date" value={r.lastReviewedOn} onChange={(e) => setRunbooks(runbooks.map((x, j) => (j === i ? { ...x, lastReviewedOn: e.currentTarget.value } : x)))} style={{ flex: 1 }} />
                <ActionIcon variant="subtle" color="red" aria-label={`Remove runbook ${i + 1}`} onClick={() => setRunbooks(runbooks.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" type="button" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save fallback
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
