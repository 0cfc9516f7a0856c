import { ActionIcon, Badge, Button, Group, Modal, MultiSelect, Paper, Select, Skeleton, Stack, Switch, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ClauseInput, RequirementInput } from '../../../shared/contracts/clauses.ts';
import { CRITICALITIES, SERVICE_TYPES, SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { DATA_ACCESS, DATA_ACCESS_LABELS } from '../../../shared/contracts/vendors.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { blankToNull, useFormErrors } from '../../lib/forms.ts';
import { CRITICALITY_LABELS, options } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useClauseLibrary, useDeleteRequirement, useRequirements, useRetireClause, useSaveClause, useSaveRequirement, useSetDora, type ClauseT, type RequirementT } from './api.ts';

const REQ_FIELDS = ['clauseId', 'when', 'when.criticality', 'when.dataAccess', 'when.serviceType', 'reason'] as const;

function RequirementForm({ requirement, onClose }: { requirement: RequirementT | null; onClose: () => void }) {
  const library = useClauseLibrary('false');
  const save = useSaveRequirement(requirement?.id);
  const form = useFormErrors(REQ_FIELDS);
  const [clauseId, setClauseId] = useState<string | null>(requirement?.clause.id ?? null);
  const [criticality, setCriticality] = useState<string[]>(requirement?.when.criticality ?? []);
  const [dataAccess, setDataAccess] = useState<string[]>(requirement?.when.dataAccess ?? []);
  const [serviceType, setServiceType] = useState<string[]>(requirement?.when.serviceType ?? []);
  const [reason, setReason] = useState(requirement?.reason ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { clauseId, when: { criticality, dataAccess, serviceType }, reason: reason.trim() };
    if (!form.validate(RequirementInput, body, { clauseId: 'Choose a clause' })) return;
    save.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: requirement ? 'Requirement saved' : 'Requirement added', message: library.data?.items.find((c) => c.id === clauseId)?.title ?? '' });
        onClose();
      },
      onError: form.fromError,
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Requirement">
      <Stack gap="sm">
        <FormErrorAlert error={form.general} title="The requirement was not saved" />
        <Select
          label="Required clause"
          required
          searchable
          data={(library.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          value={clauseId}
          onChange={(v) => {
            setClauseId(v);
            form.clearField('clauseId');
          }}
          error={form.errors.clauseId}
        />
        <Text size="sm" c="dimmed">
          For engagements where… (leave a list empty for any)
        </Text>
        <MultiSelect label="Criticality is" placeholder="Any criticality" data={options(CRITICALITIES, CRITICALITY_LABELS)} value={criticality} onChange={setCriticality} error={form.errors['when.criticality']} />
        <MultiSelect label="Data access is" placeholder="Any data access" data={options(DATA_ACCESS, DATA_ACCESS_LABELS)} value={dataAccess} onChange={setDataAccess} error={form.errors['when.dataAccess']} />
        <MultiSelect label="Service type is" placeholder="Any service type" data={options(SERVICE_TYPES, SERVICE_TYPE_LABELS)} value={serviceType} onChange={setServiceType} error={form.errors['when.serviceType']} />
        <Textarea
          label="Why"
          description="In your words; shown with every gap this requirement finds."
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            form.clearField('reason');
          }}
          error={form.errors.reason}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {requirement ? 'Save requirement' : 'Add requirement'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RequirementLine({ r, canWrite, onEdit }: { r: RequirementT; canWrite: boolean; onEdit?: () => void }) {
  const remove = useDeleteRequirement();
  return (
    <Paper withBorder radius="sm" p="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap={6}>
            <Text fw={600} size="sm">
              {r.clause.title}
            </Text>
            {r.clause.retired && (
              <Badge size="xs" color="gray">
                Retired clause: not applied
              </Badge>
            )}
          </Group>
          <Text size="sm">{r.appliesTo}</Text>
          <Text size="xs" c="dimmed">
            {r.reason}
          </Text>
        </Stack>
        {canWrite && r.id && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label="Edit">
              <ActionIcon variant="subtle" aria-label={`Edit the requirement for ${r.clause.title}`} onClick={onEdit}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove">
              <ActionIcon variant="subtle" color="red" aria-label={`Remove the requirement for ${r.clause.title}`} loading={remove.isPending} onClick={() => remove.mutate(r.id!)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

const CLAUSE_FIELDS = ['title', 'guidance', 'weakWhen'] as const;

function ClauseForm({ clause, onClose }: { clause: ClauseT | null; onClose: () => void }) {
  const save = useSaveClause(clause?.id);
  const form = useFormErrors(CLAUSE_FIELDS);
  const [title, setTitle] = useState(clause?.title ?? '');
  const [guidance, setGuidance] = useState(clause?.guidance ?? '');
  const [weakWhen, setWeakWhen] = useState(clause?.weakWhen ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { title: title.trim(), guidance: guidance.trim(), weakWhen: blankToNull(weakWhen) };
    if (!form.validate(ClauseInput, body)) return;
    save.mutate(body, { onSuccess: onClose, onError: form.fromError });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Clause">
      <Stack gap="sm">
        <FormErrorAlert error={form.general} title="The clause was not saved" />
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={form.errors.title} data-autofocus />
        <Textarea label="What a good clause says" autosize minRows={2} value={guidance} onChange={(e) => setGuidance(e.currentTarget.value)} error={form.errors.guidance} />
        <Textarea label="What usually makes it weak" autosize minRows={2} value={weakWhen} onChange={(e) => setWeakWhen(e.currentTarget.value)} error={form.errors.weakWhen} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {clause ? 'Save clause' : 'Add clause'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LibrarySection({ canWrite }: { canWrite: boolean }) {
  const q = useClauseLibrary('all');
  const retire = useRetireClause();
  const phone = useMediaQuery('(max-width: 36em)');
  const [editing, setEditing] = useState<ClauseT | 'new' | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="clause-library">
      <Group justify="space-between">
        <Title order={2} size="h4" id="clause-library">
          Clause library
        </Title>
        {canWrite && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Add a clause
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        The clauses every contract is checked for. Edit the wording to your own; retire what you do not use — a retired clause keeps its reviews.
      </Text>
      {q.isPending ? (
        <Skeleton h={120} />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} what="the clause library" />
      ) : (
        <Stack gap={6}>
          {q.data.items.map((c) => (
            <Paper key={c.id} withBorder radius="sm" p="sm" style={{ opacity: c.retired ? 0.65 : 1 }}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Group gap={6}>
                    <Text fw={600} size="sm">
                      {c.title}
                    </Text>
                    {!c.builtIn && (
                      <Badge size="xs" variant="light">
                        Your own
                      </Badge>
                    )}
                    {c.retired && (
                      <Badge size="xs" color="gray">
                        Retired
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {c.guidance}
                  </Text>
                  {c.reviewCount > 0 && (
                    <Text size="xs" c="dimmed">
                      Reviewed on {c.reviewCount} contract{c.reviewCount === 1 ? '' : 's'}
                    </Text>
                  )}
                </Stack>
                {canWrite && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Edit ${c.title}`} onClick={() => setEditing(c)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <Button size="compact-xs" variant="subtle" color={c.retired ? 'teal' : 'gray'} onClick={() => retire.mutate({ id: c.id, retired: !c.retired })}>
                      {c.retired ? 'Restore' : 'Retire'}
                    </Button>
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New clause' : 'Edit clause'} fullScreen={!!phone}>
        {editing !== null && <ClauseForm clause={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

/** Settings → Clauses: which clauses are required for which engagements, the DORA set, and the clause library. */
export function ClauseSettings() {
  usePageTitle('Clause requirements');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'contract.write');
  const q = useRequirements();
  const dora = useSetDora();
  const phone = useMediaQuery('(max-width: 36em)');
  const [editing, setEditing] = useState<RequirementT | 'new' | null>(null);
  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="clause-requirements">
        <Group justify="space-between">
          <Title order={2} size="h4" id="clause-requirements">
            Requirements
          </Title>
          {canWrite && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
              Add a requirement
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Which clauses a contract must have, for which engagements. A required clause that no contract in force covering an engagement has is a gap.
        </Text>
        {q.isPending ? (
          <Skeleton h={160} />
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={() => void q.refetch()} what="the requirements" />
        ) : (
          <>
            <Stack gap={6}>
              {q.data.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  No requirements of your own.
                </Text>
              )}
              {q.data.items.map((r) => (
                <RequirementLine key={r.id} r={r} canWrite={canWrite} onEdit={() => setEditing(r)} />
              ))}
            </Stack>
            <Paper withBorder radius="md" p="md">
              <Stack gap="xs">
                <Switch
                  label="Apply the DORA Article 30 requirements (EU financial entities)"
                  description="What every contract for ICT services must contain, and the extra terms for critical or important functions. A reading aid, not legal advice."
                  checked={q.data.doraEnabled}
                  disabled={!canWrite || dora.isPending}
                  onChange={(e) => dora.mutate(e.currentTarget.checked)}
                />
                <Stack gap={4}>
                  {q.data.dora.map((r, i) => (
                    <Text key={i} size="xs" c={q.data.doraEnabled ? undefined : 'dimmed'}>
                      <b>{r.clause.title}</b> — {r.appliesTo.toLowerCase()}: {r.reason}
                    </Text>
                  ))}
                </Stack>
              </Stack>
            </Paper>
          </>
        )}
        <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'New requirement' : 'Edit requirement'} size="lg" fullScreen={!!phone}>
          {editing !== null && <RequirementForm requirement={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
        </Modal>
      </Stack>
      <LibrarySection canWrite={canWrite} />
    </Stack>
  );
}
