import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CHANGE_STATUS_LABELS, RAISED_BY_LABELS } from '../../../shared/contracts/change-requests.ts';
import { DataTable } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useChangeRequestList, useScopeCreep, type ChangeRequestT, type ScopeCreepT } from './change-api.ts';
import { ClientChangeRequestModal } from './ChangeRequestFormModal.tsx';
import { money } from './money.tsx';

const STATUS_COLOR: Record<ChangeRequestT['status'], string> = { proposed: 'gray', under_review: 'blue', approved: 'teal', rejected: 'red', implemented: 'green', withdrawn: 'gray' };
export function ChangeStatusBadge({ status }: { status: ChangeRequestT['status'] }) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {CHANGE_STATUS_LABELS[status]}
    </Badge>
  );
}

/** "€5,000.00 once + €1,000.00 a month for 12 months". */
export function costInWords(c: Pick<ChangeRequestT, 'oneOffMinor' | 'recurringMinor' | 'recurringMonths' | 'currency'>): string {
  const parts: string[] = [];
  if (c.oneOffMinor) parts.push(`${money(c.oneOffMinor, c.currency)} once`);
  if (c.recurringMinor) parts.push(`${money(c.recurringMinor, c.currency)} a month for ${c.recurringMonths} month${c.recurringMonths === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' + ') : 'No cost';
}
export const scheduleInWords = (days: number) => (days === 0 ? 'No change' : days > 0 ? `${days} day${days === 1 ? '' : 's'} later` : `${-days} day${days === -1 ? '' : 's'} earlier`);

/** The engagement's change requests and its scope creep, on the Costs tab. */
export function ChangeRequestSection({ engagementId, vendorName, canWrite }: { engagementId: string; vendorName: string; canWrite: boolean }) {
  const list = useChangeRequestList({ engagementId });
  const creep = useScopeCreep(engagementId);
  const [open, dialog] = useDisclosure(false);
  return (
    <>
      <ListSection
        id="engagement-changes"
        title="Change requests"
        hint="Changes to the agreed scope, raised by you or the vendor. Approving one adds its cost to the budget and the contract value; invoice lines may then bill it."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} variant="light" onClick={dialog.open}>
              Raise change request
            </Button>
          )
        }
      >
        <ListView list={list} variant="section" noun={{ one: 'change request', many: 'change requests' }} empty={{ icon: <IconArrowsExchange size={24} />, title: 'No change requests', description: 'Changes to the scope, their cost and their decision are kept here.' }}>
          {(items) => <ChangeTable changes={items} />}
        </ListView>
      </ListSection>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Title order={2} size="h4" id="scope-creep">
            Scope creep
          </Title>
          {creep.isPending ? <Skeleton h={80} /> : creep.isError ? <QueryError error={creep.error} onRetry={() => creep.refetch()} what="the scope creep" /> : <ScopeCreepView data={creep.data} />}
        </Stack>
      </Paper>
      {open && <ClientChangeRequestModal engagementId={engagementId} vendorName={vendorName} onClose={dialog.close} />}
    </>
  );
}

function ChangeTable({ changes }: { changes: ChangeRequestT[] }) {
  return (
    <DataTable
      label="Change requests"
      minWidth={760}
      rows={changes}
      rowKey={(c) => c.id}
      columns={[
        { key: 'title', header: 'Change', cell: (c) => <Anchor component={Link} to={`/change-requests/${c.id}`}>{c.title}</Anchor> },
        { key: 'by', header: 'Raised by', cell: (c) => RAISED_BY_LABELS[c.raisedBy] },
        { key: 'cost', header: 'Cost', cell: (c) => costInWords(c) },
        { key: 'total', header: 'Whole cost', align: 'right', cell: (c) => money(c.totalMinor, c.currency) },
        { key: 'schedule', header: 'Schedule', cell: (c) => scheduleInWords(c.scheduleDays) },
        { key: 'status', header: 'Status', cell: (c) => <ChangeStatusBadge status={c.status} /> },
      ]}
    />
  );
}

function ScopeCreepView({ data }: { data: ScopeCreepT }) {
  if (data.currencies.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No approved change and no contract value yet: nothing has crept.
      </Text>
    );
  return (
    <Stack gap="md">
      {data.currencies.map((c) => (
        <Stack key={c.currency} gap="xs">
          <Group gap="xl">
            <Text size="sm">
              Original value: <b>{c.originalMinor === null ? 'unknown' : money(c.originalMinor, c.currency)}</b>
            </Text>
            <Text size="sm">
              Approved changes: <b>{money(c.approvedMinor, c.currency)}</b>
            </Text>
            <Text size="sm">
              Scope creep: <b>{c.shareWords}</b>
            </Text>
          </Group>
          {c.months.length > 0 && (
            <Table.ScrollContainer minWidth={480}>
              <Table striped aria-label={`Scope creep in ${c.currency}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Month approved</Table.Th>
                    <Table.Th ta="right">Approved that month</Table.Th>
                    <Table.Th ta="right">Approved so far</Table.Th>
                    <Table.Th ta="right">Share of the original value</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.months.map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Td>{m.label}</Table.Td>
                      <Table.Td ta="right">{money(m.approvedMinor, c.currency)}</Table.Td>
                      <Table.Td ta="right">{money(m.cumulativeMinor, c.currency)}</Table.Td>
                      <Table.Td ta="right">{m.shareWords}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      ))}
      {data.notes.map((n) => (
        <Text key={n} size="xs" c="dimmed">
          {n}
        </Text>
      ))}
    </Stack>
  );
}
