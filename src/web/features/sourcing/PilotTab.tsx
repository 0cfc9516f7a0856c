import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES } from '../../../shared/contracts/engagements.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { FormErrorAlert } from '../../components/FormErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { options } from '../../lib/labels.ts';
import { useSession } from '../auth/api.ts';
import { useDecidePilot, useStartPilot, type PilotT, type ProjectT } from './api.ts';
import { MetBadge, money, readAmount } from './words.tsx';

const VERDICT: Record<PilotT['verdict'], { label: string; color: string }> = {
  met: { label: 'Every criterion met', color: 'teal' },
  not_met: { label: 'A criterion is missed', color: 'red' },
  open: { label: 'Not all measurable yet', color: 'gray' },
};

/** The pilot: start one with a candidate, watch its criteria measured from the data, decide go or no-go. */
export function PilotTab({ project }: { project: ProjectT }) {
  const me = useSession();
  const canStart = roleCan(me.user.role, 'sourcing.write') && project.status === 'evaluating' && project.candidates.length > 0;
  const canDecide = roleCan(me.user.role, 'sourcing.decide');
  const pilots = [...project.pilots].reverse();
  return (
    <Stack gap="md">
      {project.outcome && (
        <Alert color="teal" title={`Chosen: ${project.outcome.vendorName}`}>
          The vendor is active, its pilot engagement runs on{project.outcome.contractId ? ', and a draft contract is open' : ''}.{' '}
          {project.outcome.contractId && (
            <Anchor component={Link} to={`/contracts/${project.outcome.contractId}`}>
              Open the draft contract
            </Anchor>
          )}
        </Alert>
      )}
      {canStart && <StartPilot project={project} />}
      {!pilots.length && !canStart && <Text c="dimmed">No pilot yet. A pilot starts with one candidate while the project is evaluating.</Text>}
      {pilots.map((p) => (
        <PilotCard key={p.id} p={p} canDecide={canDecide} />
      ))}
    </Stack>
  );
}

function PilotCard({ p, canDecide }: { p: PilotT; canDecide: boolean }) {
  const v = VERDICT[p.verdict];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Pilot of ${p.vendorName}`} id="pilot">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Pilot of {p.vendorName}, {formatDate(p.startsOn)} to {formatDate(p.endsOn)}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color={v.color}>
            {v.label}
          </Badge>
          <Badge variant="filled" color={p.status === 'go' ? 'teal' : p.status === 'no_go' ? 'red' : 'blue'}>
            {p.statusLabel}
          </Badge>
        </Group>
      </Group>
      {p.engagementId && (
        <Text size="sm" mb="xs">
          Measured on the engagement{' '}
          <Anchor component={Link} to={`/engagements/${p.engagementId}`}>
            {p.engagementName}
          </Anchor>
          .
        </Text>
      )}
      <Table aria-label="Success criteria">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Criterion</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Measured</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th>By how much</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.criteria.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Td fw={600}>{c.label}</Table.Td>
              <Table.Td>{c.target}</Table.Td>
              <Table.Td>{c.measured}</Table.Td>
              <Table.Td>
                <MetBadge met={c.met} />
              </Table.Td>
              <Table.Td>{c.by}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {p.decision ? (
        <Alert mt="sm" color={p.decision.decision === 'go' ? 'teal' : 'orange'} title={p.decision.decision === 'go' ? 'Go' : 'No-go'}>
          {p.decision.rationale}
          <Text size="xs" c="dimmed" mt={4}>
            Approved by {p.decision.approver ?? 'someone'} on {formatDateTime(p.decision.decidedAt)}; the criteria above are as measured then.
          </Text>
        </Alert>
      ) : (
        canDecide && <DecisionForm p={p} />
      )}
    </Paper>
  );
}

function DecisionForm({ p }: { p: PilotT }) {
  const [decision, setDecision] = useState<'go' | 'no_go'>(p.verdict === 'not_met' ? 'no_go' : 'go');
  const [rationale, setRationale] = useState('');
  const [reference, setReference] = useState('');
  const form = useFormErrors(['decision', 'rationale', 'contractReference']);
  const decide = useDecidePilot();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate(
      { id: p.id, decision, rationale, contractReference: decision === 'go' ? reference.trim() || null : undefined },
      {
        onSuccess: (r) => notifications.show({ color: 'teal', title: r.status === 'go' ? 'Go decided' : 'No-go decided', message: r.status === 'go' ? `${r.vendorName} is now an active vendor; a draft contract is open.` : 'Back to the comparison.' }),
        onError: form.fromError,
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Go or no-go">
      <Stack gap="sm" mt="md">
        <FormErrorAlert error={form.general} title="The decision was not saved" />
        <SegmentedControl value={decision} onChange={(d) => setDecision(d as 'go' | 'no_go')} data={[{ value: 'go', label: 'Go' }, { value: 'no_go', label: 'No-go' }]} w="fit-content" />
        <Textarea label="Rationale" required autosize minRows={2} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} error={form.errors.rationale} />
        {decision === 'go' && <TextInput label="Contract reference (optional)" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={form.errors.contractReference} />}
        <Text size="xs" c="dimmed">
          {decision === 'go' ? 'Go makes the vendor active, lets the pilot engagement run on and opens a draft contract — all at once, or nothing.' : 'No-go returns the vendor to prospect, ends the pilot engagement and the project to the comparison.'}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" color={decision === 'go' ? 'teal' : 'red'} loading={decide.isPending}>
            Decide {decision === 'go' ? 'go' : 'no-go'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StartPilot({ project }: { project: ProjectT }) {
  const [v, setV] = useState({ candidateId: null as string | null, startsOn: '', endsOn: '', serviceType: 'other', slaTargetPct: '' as number | string, deliverablesDueBy: '', ceiling: '', threshold: '' as number | string });
  const form = useFormErrors(['candidateId', 'startsOn', 'endsOn', 'serviceType', 'slaTargetPct', 'deliverablesDueBy', 'budgetCeilingMinor', 'scorecardThreshold']);
  const [ceilingError, setCeilingError] = useState<string | null>(null);
  const start = useStartPilot(project.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ceiling = readAmount(v.ceiling, project.currency);
    setCeilingError(ceiling.error);
    if (ceiling.error) return;
    start.mutate(
      {
        candidateId: v.candidateId,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        serviceType: v.serviceType,
        slaTargetPct: v.slaTargetPct === '' ? null : Number(v.slaTargetPct),
        deliverablesDueBy: v.deliverablesDueBy || null,
        budgetCeilingMinor: ceiling.value,
        scorecardThreshold: v.threshold === '' ? null : Number(v.threshold),
      },
      { onSuccess: (p) => notifications.show({ color: 'teal', title: 'Pilot started', message: `${p.vendorName} is now in pilot; its engagement is ${p.engagementName}.` }), onError: form.fromError },
    );
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-label="Start a pilot">
        <Stack gap="sm">
          <Title order={3} size="h5">
            Start a pilot
          </Title>
          <FormErrorAlert error={form.general} title="The pilot was not started" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label="Candidate" required data={project.candidates.map((c) => ({ value: c.id, label: c.vendorName }))} value={v.candidateId} onChange={(candidateId) => setV({ ...v, candidateId })} error={form.errors.candidateId} />
            <TextInput label="Starts on" type="date" required value={v.startsOn} onChange={(e) => setV({ ...v, startsOn: e.currentTarget.value })} error={form.errors.startsOn} />
            <TextInput label="Ends on" type="date" required value={v.endsOn} onChange={(e) => setV({ ...v, endsOn: e.currentTarget.value })} error={form.errors.endsOn} />
            <Select label="Service" data={options(SERVICE_TYPES, SERVICE_TYPE_LABELS)} allowDeselect={false} value={v.serviceType} onChange={(s) => s && setV({ ...v, serviceType: s })} />
            <NumberInput label="Tickets within SLA, at least (%)" min={0} max={100} value={v.slaTargetPct} onChange={(slaTargetPct) => setV({ ...v, slaTargetPct })} error={form.errors.slaTargetPct} />
            <TextInput label="Deliverables accepted by" type="date" value={v.deliverablesDueBy} onChange={(e) => setV({ ...v, deliverablesDueBy: e.currentTarget.value })} error={form.errors.deliverablesDueBy} />
            <TextInput label={`Budget ceiling (${project.currency})`} placeholder="20,000.00" value={v.ceiling} onChange={(e) => setV({ ...v, ceiling: e.currentTarget.value })} error={ceilingError ?? form.errors.budgetCeilingMinor} />
            <NumberInput label="Weighted score at least (0–5)" min={0} max={5} decimalScale={2} value={v.threshold} onChange={(threshold) => setV({ ...v, threshold })} error={form.errors.scorecardThreshold} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            The pilot gets its own engagement: import its tickets and set its SLA policy there, record its deliverables and invoices — the criteria are measured from them{project.budgetMinor !== null ? `; the project's budget is ${money(project.budgetMinor, project.currency)}` : ''}.
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={start.isPending}>
              Start pilot
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
