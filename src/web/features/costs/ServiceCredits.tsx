import { Alert, Anchor, Button, Group, Modal, Paper, Select, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/list/DataTable.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useServiceCredits, useWaiveCredit, useWithdrawWaiver, type ServiceCreditsT } from './api.ts';
import { amounts, money } from './money.tsx';

type Row = ServiceCreditsT['rows'][number];

/**
 * Service credits owed against received, per engagement and month: on an engagement's Costs
 * tab (`engagementId`) or across the portfolio. A writer waives a month's outstanding credit with a reason.
 */
export function ServiceCreditsSection({ engagementId, canWrite, withYear = false }: { engagementId?: string; canWrite: boolean; withYear?: boolean }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const credits = useServiceCredits({ year, engagementId });
  const [waiving, setWaiving] = useState<Row | null>(null);
  const [takingBack, setTakingBack] = useState<Row | null>(null);
  const withdraw = useWithdrawWaiver();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="service-credits">
              Service credits
            </Title>
            <Text size="sm" c="dimmed">
              The credit the SLA report computes for each month against the credit lines on the vendor's invoices.
            </Text>
          </div>
          {withYear && <Select aria-label="Year" w={120} data={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: String(y), label: String(y) }))} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} />}
        </Group>
        {credits.isPending ? (
          <Skeleton h={120} />
        ) : credits.isError ? (
          <QueryError error={credits.error} onRetry={() => credits.refetch()} what="the service credits" />
        ) : credits.data.rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            No service credit owed or received in {year}.
          </Text>
        ) : (
          <>
            <Group gap="xl">
              <Text size="sm">
                Owed: <b>{amounts(credits.data.totals.owed)}</b>
              </Text>
              <Text size="sm">
                Received: <b>{amounts(credits.data.totals.received)}</b>
              </Text>
              <Text size="sm" c={credits.data.totals.outstanding.length ? 'red' : undefined}>
                Owed, not received: <b>{amounts(credits.data.totals.outstanding)}</b>
              </Text>
              <Text size="sm">
                Waived: <b>{amounts(credits.data.totals.waived)}</b>
              </Text>
            </Group>
            <DataTable
              label="Service credits"
              minWidth={820}
              rows={credits.data.rows}
              rowKey={(r) => `${r.engagementId}:${r.month}`}
              columns={[
                ...(engagementId ? [] : [{ key: 'engagement', header: 'Engagement', cell: (r: Row) => <Anchor component={Link} to={`/engagements/${r.engagementId}/costs`}>{`${r.engagementName} (${r.vendorName})`}</Anchor> }]),
                { key: 'month', header: 'Month', cell: (r: Row) => r.label },
                { key: 'owed', header: 'Owed', align: 'right' as const, cell: (r: Row) => (r.owedMinor === null ? `${r.creditPct} % (no fee set)` : money(r.owedMinor, r.currency)) },
                { key: 'received', header: 'Received', align: 'right' as const, cell: (r: Row) => money(r.receivedMinor, r.currency) + (r.otherCurrencies.length ? ` (and ${amounts(r.otherCurrencies)} not compared)` : '') },
                {
                  key: 'outstanding',
                  header: 'Owed, not received',
                  align: 'right' as const,
                  cell: (r: Row) => (
                    <Text size="sm" c={r.outstandingMinor ? 'red' : undefined} fw={r.outstandingMinor ? 600 : undefined}>
                      {money(r.outstandingMinor, r.currency)}
                    </Text>
                  ),
                },
                {
                  key: 'waiver',
                  header: 'Waived',
                  cell: (r: Row) =>
                    r.waiver ? (
                      <Stack gap={4} align="flex-start">
                        <Text size="sm">
                          {money(r.waivedMinor, r.currency)}: {r.waiver.reason}
                          {r.waiver.byName ? ` (${r.waiver.byName})` : ''}
                        </Text>
                        {canWrite && (
                          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setTakingBack(r)} aria-label={`Take back the waiver of ${r.label} for ${r.engagementName}`}>
                            Take back…
                          </Button>
                        )}
                      </Stack>
                    ) : canWrite && r.outstandingMinor > 0 ? (
                      <Button size="xs" variant="default" onClick={() => setWaiving(r)} aria-label={`Waive the credit of ${r.label} for ${r.engagementName}`}>
                        Waive…
                      </Button>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
            {credits.data.notes.map((n) => (
              <Text key={n} size="xs" c="dimmed">
                {n}
              </Text>
            ))}
          </>
        )}
      </Stack>
      {waiving && <WaiveDialog row={waiving} onClose={() => setWaiving(null)} />}
      {takingBack?.waiver && (
        <ConfirmDialog
          opened
          title={`Take back the waiver of ${takingBack.label}?`}
          confirmLabel="Take back the waiver"
          color="blue"
          loading={withdraw.isPending}
          onConfirm={() => withdraw.mutate(takingBack.waiver!.id, { onSuccess: () => setTakingBack(null) })}
          onClose={() => setTakingBack(null)}
        >
          {money(takingBack.waivedMinor, takingBack.currency)} of {takingBack.engagementName}'s credit counts as owed again, until an invoice deducts it. The history keeps the waiver and its reason.
        </ConfirmDialog>
      )}
    </Paper>
  );
}

function WaiveDialog({ row, onClose }: { row: Row; onClose: () => void }) {
  const waive = useWaiveCredit();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={`Waive the credit of ${row.label}`}>
      <Stack>
        <Text size="sm">
          {row.engagementName}: {money(row.outstandingMinor, row.currency)} owed and not received. Waiving it stops counting it as owed; the reason is kept in the history.
        </Text>
        <Textarea label="Why it is waived" required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {waive.error && <Alert color="red">{waive.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!reason.trim()} loading={waive.isPending} onClick={() => waive.mutate({ engagementId: row.engagementId, month: row.month, reason }, { onSuccess: onClose })}>
            Waive credit
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
