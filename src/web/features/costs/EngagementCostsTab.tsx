import { ActionIcon, Alert, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconPencil, IconPlus, IconReceipt, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { SPEND_TYPE_LABELS } from '../../../shared/contracts/costs.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { FiscalYearSelect } from './FiscalYearSelect.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import type { EngagementTabProps } from '../engagements/tabs.tsx';
import { useDeleteBudget, useEngagementCosts, useInvoiceList, type EngagementCostsT, type InvoiceT } from './api.ts';
import { BudgetActualChart } from './BudgetActualChart.tsx';
import { BudgetFormModal } from './BudgetFormModal.tsx';
import { ConvertedCosts, convertedByMonth, convertedCell, convertedTotal } from './ConvertedCosts.tsx';
import { ChangeRequestSection } from './ChangeRequestSection.tsx';
import { ImportInvoicesDialog } from './ImportInvoicesDialog.tsx';
import { ServiceCreditsSection } from './ServiceCredits.tsx';
import { InvoiceFormModal } from './InvoiceFormModal.tsx';
import { amounts, ChecksInWords, InvoiceStatusBadge, money } from './money.tsx';

/** The engagement's Costs tab: budget against actual per month, its budgets, its invoices with their checks, its change requests and scope creep. */
export function EngagementCostsTab({ engagement, me }: EngagementTabProps) {
  const [year, setYear] = useState<number | null>(null);
  const costs = useEngagementCosts(engagement.id, year);
  const shown = costs.data?.fiscalYear ?? null;
  const canWrite = roleCan(me.user.role, 'cost.write') && !engagement.archived;
  const [budgetOpen, budgetDialog] = useDisclosure(false);
  const [invoiceOpen, invoiceDialog] = useDisclosure(false);

  return (
    <Stack gap="xl">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Title order={2} size="h4" id="budget-actual">
                Budget and actual
              </Title>
              <Text size="sm" c="dimmed">
                {costs.data?.fiscalYearLabel ?? 'The fiscal year'} — approved and paid invoices against the budget, month by month.
              </Text>
            </div>
            <Group gap="xs">
              <FiscalYearSelect shown={costs.data?.fiscalYear ?? null} onChange={setYear} next />
              {canWrite && (
                <Button leftSection={<IconPlus size={16} />} variant="light" onClick={budgetDialog.open}>
                  Add budget
                </Button>
              )}
            </Group>
          </Group>
          {costs.isPending ? <Skeleton h={240} /> : costs.isError ? <QueryError error={costs.error} onRetry={() => costs.refetch()} what="the budget" /> : <BudgetActual data={costs.data} canWrite={canWrite} />}
        </Stack>
      </Paper>
      <InvoiceSection engagementId={engagement.id} canWrite={canWrite} onEnter={invoiceDialog.open} />
      <ChangeRequestSection engagementId={engagement.id} vendorName={engagement.vendorName} canWrite={canWrite} />
      <ServiceCreditsSection engagementId={engagement.id} canWrite={canWrite} />
      {canWrite && budgetOpen && shown && <BudgetFormModal engagementId={engagement.id} fiscalYear={shown} onClose={budgetDialog.close} />}
      {canWrite && invoiceOpen && <InvoiceFormModal engagement={engagement} onClose={invoiceDialog.close} />}
    </Stack>
  );
}

function BudgetActual({ data, canWrite }: { data: EngagementCostsT; canWrite: boolean }) {
  const remove = useDeleteBudget();
  const [removing, setRemoving] = useState<EngagementCostsT['budgets'][number] | null>(null);
  const [editing, setEditing] = useState<EngagementCostsT['budgets'][number] | null>(null);
  const notConverted = data.total.notConverted.length > 0;
  const inBase = convertedByMonth(data);
  const missingRate = data.converted.some((c) => c.to.amountMinor === null);
  return (
    <Stack gap="md">
      {data.budgets.length === 0 ? (
        <Text size="sm" c="dimmed">
          No budget for this fiscal year yet.
        </Text>
      ) : (
        <Group gap="xs" aria-label="Budgets">
          {data.budgets.map((b) => (
            <Badge key={b.id} variant="light" size="lg" radius="sm" tt="none" rightSection={
                canWrite ? (
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={`Edit budget "${b.label}"`}>
                      <ActionIcon size="xs" variant="subtle" color="gray" aria-label={`Edit budget ${b.label}`} onClick={() => setEditing(b)}>
                        <IconPencil size={12} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={`Remove budget "${b.label}"`}>
                      <ActionIcon size="xs" variant="subtle" color="gray" aria-label={`Remove budget ${b.label}`} onClick={() => setRemoving(b)}>
                        <IconTrash size={12} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ) : undefined
              }>
              {b.label}: {money(b.amountMinor, b.currency)}
              {b.spendType ? ` · ${SPEND_TYPE_LABELS[b.spendType]}` : ''}
              {b.phasing === 'monthly' ? ' · phased by month' : ' · spread evenly'}
            </Badge>
          ))}
        </Group>
      )}
      {data.forecast.map((f) => (
        <BudgetActualChart key={f.currency} data={data} forecast={f} />
      ))}
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-labelledby="budget-actual">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Month</Table.Th>
              <Table.Th ta="right">Budget</Table.Th>
              <Table.Th ta="right">Actual</Table.Th>
              {notConverted && <Table.Th ta="right">Other currencies</Table.Th>}
              {notConverted && <Table.Th ta="right">Other currencies in {data.baseCurrency}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.months.map((m) => {
              const over = m.budget.length === 1 && m.actual.length === 1 && m.actual[0].currency === m.budget[0].currency && m.actual[0].amountMinor > m.budget[0].amountMinor;
              return (
                <Table.Tr key={m.month}>
                  <Table.Td>{m.label}</Table.Td>
                  <Table.Td ta="right">{amounts(m.budget)}</Table.Td>
                  <Table.Td ta="right" c={over ? 'red' : undefined} fw={over ? 600 : undefined}>
                    {amounts(m.actual)}
                    {over ? ' (over budget)' : ''}
                  </Table.Td>
                  {notConverted && <Table.Td ta="right">{amounts(m.notConverted)}</Table.Td>}
                  {notConverted && (
                    <Table.Td ta="right" c={inBase.get(m.month) === null ? 'red' : undefined}>
                      {convertedCell(inBase.get(m.month), data.baseCurrency)}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>Whole year</Table.Th>
              <Table.Th ta="right">{amounts(data.total.budget)}</Table.Th>
              <Table.Th ta="right">{amounts(data.total.actual)}</Table.Th>
              {notConverted && <Table.Th ta="right">{amounts(data.total.notConverted)}</Table.Th>}
              {notConverted && <Table.Th ta="right">{convertedCell(data.converted.length ? convertedTotal(data) : undefined, data.baseCurrency)}</Table.Th>}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {notConverted && (
        <Alert variant="light" color={missingRate ? 'yellow' : 'blue'} title="Some invoices are in another currency">
          <Stack gap="xs">
            <Text size="sm">
              They are shown apart, never added to the actual, and beside that in {data.baseCurrency} at the exchange rate of their month
              {missingRate ? '; a month without a rate stays not converted.' : '.'}
            </Text>
            <ConvertedCosts data={data} />
          </Stack>
        </Alert>
      )}
      {data.forecast.map((f) => (
        <Alert key={f.currency} variant="light" color={f.alert ? 'red' : 'blue'} title={f.alert ? `Over budget (${f.currency})` : `Forecast to the fiscal year's end (${f.currency})`}>
          {f.words}
        </Alert>
      ))}
      <Text size="xs" c="dimmed">
        {data.notes.join(' ')}
      </Text>
      {removing && (
        <ConfirmDialog opened title={`Remove budget "${removing.label}"?`} confirmLabel="Remove budget" color="red" loading={remove.isPending} onConfirm={() => remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })} onClose={() => setRemoving(null)}>
          {money(removing.amountMinor, removing.currency)} for {removing.fiscalYearLabel} is taken out of the comparison. The audit trail keeps it.
        </ConfirmDialog>
      )}
      {editing && <BudgetFormModal engagementId={editing.engagementId} fiscalYear={editing.fiscalYear} budget={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function InvoiceSection({ engagementId, canWrite, onEnter }: { engagementId: string; canWrite: boolean; onEnter: () => void }) {
  const list = useInvoiceList({ engagementId });
  const [importing, importDialog] = useDisclosure(false);
  return (
    <>
      <ListSection
        id="engagement-invoices"
        title="Invoices"
        hint="Every invoice is checked as it is entered: duplicates, prices above the rate card, work not on it, periods billed twice, sums that do not add up, milestones not accepted."
        actions={
          canWrite && (
            <Group gap="xs">
              <Button leftSection={<IconFileImport size={16} />} variant="default" onClick={importDialog.open}>
                Import invoices
              </Button>
              <Button leftSection={<IconPlus size={16} />} variant="light" onClick={onEnter}>
                Enter invoice
              </Button>
            </Group>
          )
        }
      >
        <ListView list={list} variant="section" noun={{ one: 'invoice', many: 'invoices' }} empty={{ icon: <IconReceipt size={24} />, title: 'No invoices yet', description: 'Enter the vendor’s invoices to check them against the contract.' }}>
          {(items) => <InvoiceTable invoices={items} />}
        </ListView>
      </ListSection>
    {canWrite && <ImportInvoicesDialog opened={importing} onClose={importDialog.close} />}
    </>
  );
}

function InvoiceTable({ invoices }: { invoices: InvoiceT[] }) {
  return (
    <DataTable
      label="Invoices"
      minWidth={720}
      rows={invoices}
      rowKey={(i) => i.id}
      columns={[
        { key: 'number', header: 'Invoice', cell: (i) => <Anchor component={Link} to={`/invoices/${i.id}`} aria-label={`Invoice ${i.number}`}>{i.number}</Anchor> },
        { key: 'date', header: 'Date', cell: (i) => formatDate(i.invoiceDate) },
        { key: 'period', header: 'Period', cell: (i) => (i.periodFrom && i.periodTo ? `${formatDate(i.periodFrom)} – ${formatDate(i.periodTo)}` : '—') },
        { key: 'total', header: 'Total', align: 'right', cell: (i) => money(i.totalMinor, i.currency) },
        { key: 'status', header: 'Status', cell: (i) => <InvoiceStatusBadge status={i.status} /> },
        { key: 'checks', header: 'Checks', cell: (i) => <ChecksInWords invoice={i} /> },
      ]}
    />
  );
}
