import { Alert, Anchor, Badge, Box, Button, Grid, Group, Modal, Paper, Skeleton, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { monthLabel } from '../../../domain/costs/fiscal.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { AuditHistory } from '../audit/AuditHistory.tsx';
import { useSession } from '../auth/api.ts';
import { useInvoice, useInvoiceStep, type InvoiceDetailT } from './api.ts';
import { InvoiceDocuments } from './InvoiceDocuments.tsx';
import { InvoiceFormModal } from './InvoiceFormModal.tsx';
import { checksInWords, InvoiceStatusBadge, money } from './money.tsx';

/** "18 days", "1 hour", "fixed price". */
const quantityInWords = (q: string, unit: string) => (unit === 'fixed' ? (q === '1' ? 'fixed price' : `${q} × fixed price`) : `${q} ${unit}${q === '1' ? '' : 's'}`);

type Dialog = { kind: 'dispute' } | { kind: 'paid' } | { kind: 'override'; key: string; label: string; words: string } | null;

/** The invoice review: its lines beside its checks, each check overridable with a reason; mark checked, approve, dispute, mark paid. */
export function InvoicePage() {
  const { id = '' } = useParams();
  const invoice = useInvoice(id);
  usePageTitle(invoice.data ? `Invoice ${invoice.data.number}` : 'Invoice');
  if (invoice.isPending) return <Skeleton h={320} radius="md" />;
  if (invoice.isError) return <QueryError error={invoice.error} onRetry={() => invoice.refetch()} what="the invoice" />;
  return <InvoiceReview inv={invoice.data} />;
}

function InvoiceReview({ inv }: { inv: InvoiceDetailT }) {
  const me = useSession();
  const step = useInvoiceStep(inv.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [correcting, setCorrecting] = useState(false);
  const canWrite = roleCan(me.user.role, 'cost.write');
  const canOverride = roleCan(me.user.role, 'invoice.override') && ['received', 'checked', 'disputed'].includes(inv.status);
  const failingLines = new Set(inv.checks.filter((c) => !c.overridden && c.linePosition).map((c) => c.linePosition));
  const summary = checksInWords(inv);
  // The status badge and the page show what changed; only a refusal is announced.
  const run = (s: 'checked' | 'approve') => step.mutate({ step: s, body: {} }, { onError: (e) => notifications.show({ color: 'red', title: 'Not done', message: e.message }) });

  return (
    <>
      <PageHeader
        title={`Invoice ${inv.number}`}
        description={`${inv.vendorName}${inv.engagementName ? ` · ${inv.engagementName}` : ''}${inv.contractTitle ? ` · ${inv.contractTitle}` : ''}`}
        crumbs={inv.engagementId ? [{ label: inv.engagementName ?? 'Engagement', to: `/engagements/${inv.engagementId}/costs` }, { label: `Invoice ${inv.number}` }] : undefined}
        badges={<InvoiceStatusBadge status={inv.status} />}
        actions={
          canWrite && (
            <Group gap="xs">
              {/* A corrected copy from the vendor, or a typing slip: edited until approved. */}
              {['received', 'checked', 'disputed'].includes(inv.status) && (
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setCorrecting(true)}>
                  Correct…
                </Button>
              )}
              {inv.status === 'received' && (
                <Button variant="light" loading={step.isPending} onClick={() => run('checked')}>
                  Mark checked
                </Button>
              )}
              {inv.status === 'checked' && (
                <Button disabled={inv.openChecks > 0} loading={step.isPending} onClick={() => run('approve')} title={inv.openChecks ? 'Every failing check needs an override with a reason first' : undefined}>
                  Approve
                </Button>
              )}
              {inv.status === 'approved' && <Button onClick={() => setDialog({ kind: 'paid' })}>Mark paid…</Button>}
              {inv.status !== 'paid' && inv.status !== 'disputed' && (
                <Button color="red" variant="light" onClick={() => setDialog({ kind: 'dispute' })}>
                  Dispute…
                </Button>
              )}
            </Group>
          )
        }
      />
      <Stack gap="lg">
        {inv.status === 'disputed' && inv.disputeReason && (
          <Alert color="red" variant="light" title="Disputed with the vendor">
            {inv.disputeReason}
            {inv.decidedByName && inv.decidedAt ? ` — ${inv.decidedByName}, ${formatDateTime(inv.decidedAt)}` : ''}
          </Alert>
        )}
        {inv.status === 'checked' && inv.openChecks > 0 && (
          <Alert color="orange" variant="light">
            Approval waits for {inv.openChecks === 1 ? 'the failing check' : `${inv.openChecks} failing checks`}:{' '}
            {canOverride ? 'override each with a reason, or dispute the invoice.' : 'an owner or admin can override each with a reason; or dispute the invoice.'}
          </Alert>
        )}
        <Group gap="xl" wrap="wrap">
          <Text size="sm">Dated {formatDate(inv.invoiceDate)}</Text>
          {inv.periodFrom && inv.periodTo && <Text size="sm">Bills {formatDate(inv.periodFrom)} – {formatDate(inv.periodTo)}</Text>}
          <Text size="sm">Net {money(inv.subtotalMinor, inv.currency)} · tax {money(inv.taxMinor, inv.currency)} · total <b>{money(inv.totalMinor, inv.currency)}</b></Text>
          {inv.paidOn && <Text size="sm">Paid on {formatDate(inv.paidOn)}</Text>}
          {inv.status === 'approved' && inv.decidedByName && <Text size="sm">Approved by {inv.decidedByName}</Text>}
        </Group>
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7, xl: 8 }}>
            <Paper withBorder radius="md" p="md">
              <Title order={2} size="h4" mb="sm" id="invoice-lines">
                Lines
              </Title>
              <Table.ScrollContainer minWidth={480}>
                <Table aria-labelledby="invoice-lines">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>#</Table.Th>
                      <Table.Th>Description</Table.Th>
                      <Table.Th ta="right">Quantity</Table.Th>
                      <Table.Th ta="right">Unit price</Table.Th>
                      <Table.Th ta="right">Amount</Table.Th>
                      <Table.Th ta="right">Tax</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {inv.lines.map((l) => (
                      <Table.Tr key={l.position} bg={failingLines.has(l.position) ? 'var(--mantine-color-red-light)' : undefined}>
                        <Table.Td>{l.position}</Table.Td>
                        <Table.Td>
                          {l.description}
                          {l.milestoneName && <Text size="xs" c="dimmed">Milestone "{l.milestoneName}"</Text>}
                          {l.rateCardItemName && <Text size="xs" c="dimmed">Rate card: {l.rateCardItemName}</Text>}
                          {l.serviceCreditMonth && <Text size="xs" c="dimmed">Service credit for {monthLabel(l.serviceCreditMonth)}</Text>}
                          {l.changeRequestId && l.changeRequestTitle && (
                            <Text size="xs" c="dimmed">
                              Bills change request{' '}
                              <Anchor component={Link} to={`/change-requests/${l.changeRequestId}`} size="xs">
                                "{l.changeRequestTitle}"
                              </Anchor>
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          {quantityInWords(l.quantity, l.unit)}
                        </Table.Td>
                        <Table.Td ta="right">{money(l.unitPriceMinor, inv.currency)}</Table.Td>
                        <Table.Td ta="right">{money(l.amountMinor, inv.currency)}</Table.Td>
                        <Table.Td ta="right">{money(l.taxMinor, inv.currency)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {inv.note && (
                <Text size="sm" mt="sm">
                  Note: {inv.note}
                </Text>
              )}
            </Paper>
            <Box mt="md">
              <InvoiceDocuments invoiceId={inv.id} number={inv.number} canAttach={canWrite} />
            </Box>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5, xl: 4 }}>
            <Paper withBorder radius="md" p="md">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4" id="invoice-checks">
                  Checks
                </Title>
                <Text size="sm" c={summary.color}>
                  {summary.text}
                </Text>
              </Group>
              {inv.checks.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No duplicate, every price within the rate card, no period billed twice, the sums add up, and no milestone billed before it is accepted.
                </Text>
              ) : (
                <Stack gap="sm" component="ul" aria-labelledby="invoice-checks" p={0} m={0} style={{ listStyle: 'none' }}>
                  {inv.checks.map((c) => (
                    <Paper key={c.key} withBorder radius="sm" p="sm" component="li" aria-label={c.label}>
                      <Stack gap={4}>
                        <Group gap="xs">
                          <Badge color={c.overridden ? 'orange' : 'red'} variant="light">
                            {c.overridden ? 'Overridden' : 'Fails'}
                          </Badge>
                          <Text fw={600} size="sm">
                            {c.label}
                            {c.linePosition ? ` — line ${c.linePosition}` : ''}
                          </Text>
                        </Group>
                        <Text size="sm">{c.words}</Text>
                        {c.relatedInvoices.length > 0 && (
                          <Group gap="xs">
                            {c.relatedInvoices.map((r) => (
                              <Anchor key={r.id} component={Link} to={`/invoices/${r.id}`} size="sm">
                                Open invoice {r.number}
                              </Anchor>
                            ))}
                          </Group>
                        )}
                        {c.overridden ? (
                          <Text size="xs" c="dimmed">
                            Overridden by {c.overriddenByName ?? 'someone'}
                            {c.overriddenAt ? `, ${formatDateTime(c.overriddenAt)}` : ''}: {c.overrideReason}
                          </Text>
                        ) : (
                          canOverride && (
                            <Group>
                              <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'override', key: c.key, label: c.label, words: c.words })}>
                                Override…
                              </Button>
                            </Group>
                          )
                        )}
                      </Stack>
                    </Paper>
                  ))}
                </Stack>
              )}
              {inv.engagementId && (
                <Anchor component={Link} to={`/engagements/${inv.engagementId}/costs`} size="sm" mt="md" display="block">
                  Back to the engagement's costs
                </Anchor>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
        {/* Checks overridden with their reasons, approvals, disputes and PDFs, as the audit trail keeps them. */}
        {roleCan(me.user.role, 'audit.read') && <AuditHistory objectId={inv.id} title="History of this invoice" />}
      </Stack>
      {dialog && <StepDialog inv={inv} dialog={dialog} onClose={() => setDialog(null)} />}
      {correcting && <InvoiceFormModal engagement={{ id: inv.engagementId, vendorId: inv.vendorId, vendorName: inv.vendorName }} invoice={inv} onClose={() => setCorrecting(false)} />}
    </>
  );
}

function StepDialog({ inv, dialog, onClose }: { inv: InvoiceDetailT; dialog: NonNullable<Dialog>; onClose: () => void }) {
  const step = useInvoiceStep(inv.id);
  const [text, setText] = useState('');
  const [paidOn, setPaidOn] = useState(new Date().toISOString().slice(0, 10));
  const title = dialog.kind === 'dispute' ? `Dispute invoice ${inv.number}` : dialog.kind === 'paid' ? `Mark invoice ${inv.number} paid` : `Override "${dialog.label}"`;
  const send = () => {
    const req =
      dialog.kind === 'dispute' ? { step: 'dispute' as const, body: { reason: text } } : dialog.kind === 'paid' ? { step: 'paid' as const, body: { paidOn } } : { step: 'overrides' as const, body: { key: dialog.key, reason: text } };
    step.mutate(req, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        {dialog.kind === 'override' && <Text size="sm">{dialog.words}</Text>}
        {dialog.kind === 'paid' ? (
          <TextInput type="date" label="Paid on" value={paidOn} onChange={(e) => setPaidOn(e.currentTarget.value)} />
        ) : (
          <Textarea
            label={dialog.kind === 'dispute' ? 'Why it is disputed' : 'Why it may be paid anyway'}
            description={dialog.kind === 'dispute' ? 'Say what the vendor must correct.' : 'The reason is kept in the audit trail beside the check.'}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        )}
        {step.error && <Alert color="red">{step.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={dialog.kind === 'dispute' ? 'red' : undefined} disabled={dialog.kind !== 'paid' && !text.trim()} loading={step.isPending} onClick={send}>
            {dialog.kind === 'dispute' ? 'Dispute invoice' : dialog.kind === 'paid' ? 'Mark paid' : 'Override check'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
