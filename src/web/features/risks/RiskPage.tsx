import { Anchor, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../../domain/money.ts';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, TREATMENT_LABELS } from '../../../shared/contracts/risks.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { options } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useOwnerOptions } from '../users/api.ts';
import { useAddAction, useRisk, useRiskStep, useUpdateAction, type RiskDetailT } from './api.ts';
import { LevelBadge } from './parts.tsx';
import { RiskFormModal } from './RiskFormModal.tsx';
import { AcceptanceBadge, SignalBadge } from './RiskTable.tsx';

const ref = (r: { id: string; name: string } | null, to: (id: string) => string) => (r ? <Anchor component={Link} to={to(r.id)}>{r.name}</Anchor> : null);

function AcceptModal({ risk, opened, onClose }: { risk: RiskDetailT; opened: boolean; onClose: () => void }) {
  const step = useRiskStep(risk.id);
  const form = useFormErrors(['expiresOn', 'note']);
  const [expiresOn, setExpiresOn] = useState('');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    step.mutate({ step: 'accept', body: { expiresOn, note: note || null } }, { onSuccess: () => (notifications.show({ color: 'teal', title: 'Risk accepted', message: `Until ${formatDate(expiresOn)}` }), onClose()), onError: form.fromError });
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Accept the residual risk">
      <form onSubmit={submit} noValidate aria-label="Accept the risk">
        <Stack gap="sm">
          <Text size="sm">You accept "{risk.title}" at its residual level ({risk.residual.levelLabel}) as its approver. If its residual score changes later, the acceptance is flagged out of date.</Text>
          <FormErrorAlert error={form.general} />
          <TextInput type="date" label="Accepted until" required value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} error={form.errors.expiresOn} />
          <Textarea label="Why" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={form.errors.note} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={step.isPending}>Accept</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Actions({ risk, canWrite }: { risk: RiskDetailT; canWrite: boolean }) {
  const add = useAddAction(risk.id);
  const update = useUpdateAction();
  const owners = useOwnerOptions(canWrite);
  const form = useFormErrors(['title', 'ownerId', 'dueOn']);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const editable = canWrite && risk.status === 'open';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ title, ownerId, dueOn: dueOn || null }, { onSuccess: () => (setTitle(''), setDueOn(''), setOwnerId(null), form.reset()), onError: form.fromError });
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">Treatment actions</Title>
      {risk.actions.length === 0 ? (
        <Text size="sm" c="dimmed">No actions yet.</Text>
      ) : (
        <Table aria-label="Treatment actions">
          <Table.Thead><Table.Tr><Table.Th>Action</Table.Th><Table.Th>Owner</Table.Th><Table.Th>Due</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {risk.actions.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.title}</Table.Td>
                <Table.Td>{a.owner?.name ?? 'Nobody yet'}</Table.Td>
                <Table.Td><Text size="sm" c={a.overdue ? 'red' : undefined} fw={a.overdue ? 600 : undefined}>{a.dueOn ? formatDate(a.dueOn) : 'No date'}{a.overdue ? ' (overdue)' : ''}</Text></Table.Td>
                <Table.Td>
                  {editable ? (
                    <Select aria-label={`Status of ${a.title}`} size="xs" data={options(ACTION_STATUSES, ACTION_STATUS_LABELS)} allowDeselect={false} value={a.status} onChange={(s) => s && update.mutate({ id: a.id, body: { status: s } })} />
                  ) : (
                    ACTION_STATUS_LABELS[a.status]
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <form onSubmit={submit} noValidate aria-label="Add an action">
          <FormErrorAlert error={form.general} />
          <Group align="flex-end" mt="sm" wrap="wrap">
            <TextInput label="New action" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={form.errors.title} style={{ flex: '1 1 220px' }} />
            <Select label="Owner" placeholder="Nobody yet" data={owners.data ?? []} clearable searchable value={ownerId} onChange={setOwnerId} error={form.errors.ownerId} />
            <TextInput label="Due" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={form.errors.dueOn} />
            <Button type="submit" loading={add.isPending}>Add</Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}

/** One risk: its links, scores, acceptance, treatment actions, score history and the signals behind it. */
export function RiskPage() {
  const { id = '' } = useParams();
  const me = useSession();
  const risk = useRisk(id);
  const step = useRiskStep(id);
  const [editOpen, edit] = useDisclosure(false);
  const [acceptOpen, accept] = useDisclosure(false);
  usePageTitle(risk.data?.title ?? 'Risk');
  if (risk.isPending) return <Skeleton h={400} radius="md" />;
  if (risk.isError) return <QueryError error={risk.error} onRetry={() => risk.refetch()} what="the risk" />;
  const r = risk.data;
  const canWrite = roleCan(me.user.role, 'risk.write');
  const canAccept = roleCan(me.user.role, 'risk.accept');
  const open = r.status === 'open';
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Risks', to: '/risks' }, { label: r.title }]}
        title={r.title}
        description={r.description ?? undefined}
        badges={
          <Group gap={6}>
            <Badge variant="light">{r.categoryLabel}</Badge>
            {!open && <Badge color="dark" variant="light">Closed</Badge>}
            <AcceptanceBadge r={r} />
            <SignalBadge r={r} />
          </Group>
        }
        actions={
          <Group gap="xs">
            {canWrite && open && <Button variant="default" onClick={edit.open}>Edit or rescore</Button>}
            {canAccept && open && <Button variant="default" onClick={accept.open}>{r.acceptance ? 'Accept again' : 'Accept'}</Button>}
            {canWrite && open && <Button variant="default" color="dark" loading={step.isPending} onClick={() => step.mutate({ step: 'close' })}>Close risk</Button>}
            {canWrite && !open && <Button loading={step.isPending} onClick={() => step.mutate({ step: 'reopen' })}>Reopen</Button>}
          </Group>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <DetailList
            items={[
              { label: 'Inherent', value: <Group gap={6}><LevelBadge cell={r.inherent} /><Text size="sm">{`${r.inherent.likelihoodLabel} × ${r.inherent.impactLabel}`}</Text></Group> },
              { label: 'Residual', value: <Group gap={6}><LevelBadge cell={r.residual} /><Text size="sm">{`${r.residual.likelihoodLabel} × ${r.residual.impactLabel}, ${r.residual.aboveAppetite ? 'above appetite' : 'within appetite'}`}</Text></Group> },
              ...(r.residual.annualLoss && r.inherent.annualLoss
                ? [{ label: 'Rough annual loss', value: `${formatMoney(r.inherent.annualLoss)} before treatment, ${formatMoney(r.residual.annualLoss)} after`, wide: true }]
                : []),
              { label: 'Treatment', value: r.treatment ? TREATMENT_LABELS[r.treatment] : 'Not decided' },
              { label: 'Owner', value: r.owner?.name ?? 'Nobody yet' },
              { label: 'Vendor', value: ref(r.vendor, (x) => `/vendors/${x}/risks`) },
              { label: 'Engagement', value: ref(r.engagement, (x) => `/engagements/${x}`) },
              { label: 'Contract', value: ref(r.contract, (x) => `/contracts/${x}`) },
              { label: 'Finding', value: r.finding?.name },
              { label: 'Review on', value: r.reviewOn ? <Text size="sm" c={r.reviewDue ? 'red' : undefined}>{formatDate(r.reviewOn)}{r.reviewDue ? ' (due)' : ''}</Text> : 'Not set' },
              {
                label: 'Acceptance',
                value: r.acceptance
                  ? `Accepted by ${r.acceptance.approver?.name ?? 'a former user'} on ${formatDate(r.acceptance.acceptedAt.slice(0, 10))}, until ${formatDate(r.acceptance.expiresOn)}${r.acceptance.outOfDate ? ' — out of date: the residual score changed since' : ''}${r.acceptance.note ? `. ${r.acceptance.note}` : ''}`
                  : 'Not accepted',
                wide: true,
              },
            ]}
          />
        </Paper>
        <Actions risk={r} canWrite={canWrite} />
        <SimpleGrid cols={1} spacing="lg">
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">Score history</Title>
            <Table aria-label="Score history">
              <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Inherent</Table.Th><Table.Th>Residual</Table.Th><Table.Th>Why</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {r.history.map((p) => (
                  <Table.Tr key={p.at}>
                    <Table.Td><Text size="sm">{formatDateTime(p.at)}</Text><Text size="xs" c="dimmed">{p.by ?? ''}</Text></Table.Td>
                    <Table.Td><LevelBadge cell={p.inherent} /></Table.Td>
                    <Table.Td><LevelBadge cell={p.residual} /></Table.Td>
                    <Table.Td><Text size="sm">{p.note ?? ''}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">Signals</Title>
            {r.signals.length === 0 ? (
              <Text size="sm" c="dimmed">Registered by a person; no signal watches it.</Text>
            ) : (
              <Stack gap="sm">
                {r.signals.map((s) => (
                  <div key={s.id}>
                    <Group gap={6}>
                      <Badge color={s.active ? 'grape' : 'teal'} variant="light">{s.active ? 'Active' : `Cleared ${formatDate(s.clearedAt?.slice(0, 10))}`}</Badge>
                      <Text size="sm" fw={600}>{s.ruleLabel}</Text>
                    </Group>
                    <Text size="sm">{s.detail}</Text>
                    <Group gap="xs">
                      {s.evidence.map((e) => <Anchor key={e.href + e.label} component={Link} to={e.href} size="sm">{e.label}</Anchor>)}
                    </Group>
                    {!s.active && open && <Text size="xs" c="dimmed">The fact that raised it has cleared; close the risk when you agree.</Text>}
                  </div>
                ))}
              </Stack>
            )}
          </Paper>
        </SimpleGrid>
      </Stack>
      {canWrite && <RiskFormModal opened={editOpen} onClose={edit.close} risk={r} />}
      {canAccept && <AcceptModal risk={r} opened={acceptOpen} onClose={accept.close} />}
    </>
  );
}
