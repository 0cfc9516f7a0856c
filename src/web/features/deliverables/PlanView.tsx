import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Loader, Modal, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { formatMoney } from '../../../domain/money.ts';
import { DELIVERABLE_STATUS_LABELS } from '../../../shared/contracts/deliverables.ts';
import { roleCan } from '../../../shared/permissions.ts';
import type { MeT } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { DeliverableFormModal, MilestoneFormModal, PaymentFormModal } from './PlanForms.tsx';
import { fileUrl, useAccept, useDeliverableDetail, useDeliverableStatus, useMarkPaid, usePlan, useReject, type DeliverableListItemT, type DeliverableT, type MilestoneT, type PaymentT, type PaymentTotalsT, type Scope } from './api.ts';

const STATUS_COLOR: Record<string, string> = { planned: 'gray', in_progress: 'blue', submitted: 'violet', accepted: 'green', rejected: 'red' };
const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });
const today = () => new Date().toISOString().slice(0, 10);

export function DeliverableStatusBadge({ status }: { status: DeliverableT['status'] }) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {DELIVERABLE_STATUS_LABELS[status]}
    </Badge>
  );
}

function AcceptModal({ d, onClose }: { d: DeliverableListItemT; onClose: () => void }) {
  const [ticks, setTicks] = useState<boolean[]>(d.criteria.map(() => false));
  const accept = useAccept();
  const all = ticks.every(Boolean);
  return (
    <Modal opened onClose={onClose} title={`Accept "${d.title}"`}>
      <Stack>
        <Text size="sm">{d.criteria.length ? 'Tick each acceptance criterion you checked. All must be met to accept; otherwise reject it with a reason.' : 'This deliverable has no acceptance criteria.'}</Text>
        {d.criteria.map((c, i) => (
          <Checkbox key={i} label={c.text} checked={ticks[i]} onChange={(e) => {
              const checked = e.currentTarget.checked;
              setTicks((t) => t.map((v, j) => (j === i ? checked : v)));
            }} />
        ))}
        {accept.error && <Alert color="red">{accept.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!all} loading={accept.isPending} onClick={() => accept.mutate({ id: d.id, criteriaMet: ticks }, { onSuccess: onClose })}>
            Accept deliverable
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RejectModal({ d, onClose }: { d: DeliverableListItemT; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [ticks, setTicks] = useState<boolean[]>(d.criteria.map(() => false));
  const reject = useReject();
  return (
    <Modal opened onClose={onClose} title={`Reject "${d.title}"`}>
      <Stack>
        <Textarea label="Why it is rejected" description="The vendor sees this reason in its portal." required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {d.criteria.length > 0 && <Text size="sm">Tick the criteria that are met:</Text>}
        {d.criteria.map((c, i) => (
          <Checkbox key={i} label={c.text} checked={ticks[i]} onChange={(e) => {
              const checked = e.currentTarget.checked;
              setTicks((t) => t.map((v, j) => (j === i ? checked : v)));
            }} />
        ))}
        {reject.error && <Alert color="red">{reject.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" disabled={!reason.trim()} loading={reject.isPending} onClick={() => reject.mutate({ id: d.id, reason, criteriaMet: d.criteria.length ? ticks : undefined }, { onSuccess: onClose })}>
            Reject deliverable
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DeliverableCard({ d, canDecide, onEdit }: { d: DeliverableListItemT; canDecide: boolean; onEdit?: () => void }) {
  const [open, setOpen] = useState<'accept' | 'reject' | null>(null);
  const status = useDeliverableStatus();
  const editable = d.status === 'planned' || d.status === 'in_progress';
  const detail = useDeliverableDetail(d.id, d.submissionCount > 0);
  const submissions: DeliverableT['submissions'] = detail.data?.submissions ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={d.title}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {d.title}
          </Text>
          <Group gap={6}>
            <DeliverableStatusBadge status={d.status} />
            {d.lateness.late && (
              <Badge color="red" variant="filled">
                Late
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c={d.lateness.late ? 'red' : 'dimmed'}>
          {d.lateness.words}
        </Text>
        {d.description && <Text size="sm">{d.description}</Text>}
        {d.criteria.length > 0 && (
          <List size="sm" spacing={2} aria-label="Acceptance criteria">
            {d.criteria.map((c, i) => (
              <List.Item key={i}>
                {c.text}
                {c.met === true ? ' — met' : c.met === false ? ' — not met' : ''}
              </List.Item>
            ))}
          </List>
        )}
        {d.status === 'rejected' && d.rejectionReason && (
          <Alert color="red" variant="light" title="Rejected">
            {d.rejectionReason}
          </Alert>
        )}
        {d.decidedByName && d.decidedAt && (
          <Text size="xs" c="dimmed">
            {d.status === 'accepted' ? 'Accepted' : 'Decided'} by {d.decidedByName}, {formatDateTime(d.decidedAt)}
          </Text>
        )}
        {submissions.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Submissions
            </Text>
            {submissions.map((s) => (
              <Text size="sm" key={s.id}>
                {s.round === 1 ? 'Handed in' : `Handed in again (${s.round})`} {formatDateTime(s.submittedAt)}
                {s.submittedByName ? ` by ${s.submittedByName}` : ''}
                {s.note ? `: ${s.note}` : ''}
                {s.files.map((f) => (
                  <span key={f.id}>
                    {' · '}
                    <Anchor href={fileUrl(f.id)}>{f.fileName}</Anchor>
                  </span>
                ))}
                {s.decision ? ` — ${s.decision === 'accepted' ? 'accepted' : `rejected: ${s.decisionReason ?? ''}`}` : ''}
              </Text>
            ))}
          </Stack>
        )}
        {d.internalNote && (
          <Text size="xs" c="dimmed">
            Internal note: {d.internalNote}
          </Text>
        )}
        {canDecide && d.status === 'submitted' && (
          <Group gap="xs">
            <Button size="xs" onClick={() => setOpen('accept')}>
              Accept…
            </Button>
            <Button size="xs" color="red" variant="light" onClick={() => setOpen('reject')}>
              Reject…
            </Button>
          </Group>
        )}
        {canDecide && editable && (
          <Group gap="xs">
            {onEdit && (
              <Button size="xs" variant="light" onClick={onEdit} aria-label={`Edit deliverable ${d.title}`}>
                Edit…
              </Button>
            )}
            {d.status === 'planned' && (
              <Button size="xs" variant="default" loading={status.isPending} onClick={() => status.mutate({ id: d.id, status: 'in_progress' })}>
                Mark in progress
              </Button>
            )}
            {d.status === 'in_progress' && (
              <Button size="xs" variant="subtle" loading={status.isPending} onClick={() => status.mutate({ id: d.id, status: 'planned' })}>
                Back to planned
              </Button>
            )}
          </Group>
        )}
        {status.error && (
          <Alert color="red" variant="light">
            {status.error.message}
          </Alert>
        )}
      </Stack>
      {open === 'accept' && <AcceptModal d={d} onClose={() => setOpen(null)} />}
      {open === 'reject' && <RejectModal d={d} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

function PayModal({ p, canOverride, onClose }: { p: PaymentT; canOverride: boolean; onClose: () => void }) {
  const [paidOn, setPaidOn] = useState(today());
  const [reason, setReason] = useState('');
  const pay = useMarkPaid();
  const blocked = p.hold.blocked;
  return (
    <Modal opened onClose={onClose} title={`Mark "${p.label}" paid`}>
      <Stack>
        <TextInput type="date" label="Paid on" value={paidOn} onChange={(e) => setPaidOn(e.currentTarget.value)} required />
        {blocked && (
          <Alert color="orange" title="This payment is blocked">
            {p.hold.words}
          </Alert>
        )}
        {blocked && canOverride && (
          <Textarea label="Reason for paying anyway" description="Kept with the payment and in the audit trail; the payment is flagged as paid by override." required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        {blocked && !canOverride && <Text size="sm">Only an owner or an administrator can pay a blocked payment, with a reason.</Text>}
        {pay.error && <Alert color="red">{pay.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color={blocked ? 'orange' : undefined}
            disabled={!paidOn || (blocked && (!canOverride || !reason.trim()))}
            loading={pay.isPending}
            onClick={() => pay.mutate({ id: p.id, paidOn, overrideReason: blocked ? reason : undefined }, { onSuccess: onClose })}
          >
            {blocked ? 'Override and mark paid' : 'Mark paid'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PaymentState({ p }: { p: PaymentT }) {
  if (p.status === 'paid' && p.overridden) return <Badge color="orange">Paid by override</Badge>;
  if (p.status === 'paid') return <Badge color="green">Paid {formatDate(p.paidOn)}</Badge>;
  if (p.hold.blocked) return <Badge color="red" variant="light">Blocked</Badge>;
  if (p.overdue) return <Badge color="red">Overdue</Badge>;
  return <Badge variant="light">To pay</Badge>;
}

export function PaymentSchedule({
  payments,
  totals,
  me,
  onAdd,
  onEdit,
}: {
  payments: PaymentT[];
  totals: PaymentTotalsT;
  me: MeT;
  onAdd?: () => void;
  onEdit?: (p: PaymentT) => void;
}) {
  const [paying, setPaying] = useState<PaymentT | null>(null);
  const canPay = roleCan(me.user.role, 'contract.write');
  const canOverride = roleCan(me.user.role, 'payment.override');
  return (
    <Stack gap="sm" component="section" aria-labelledby="payment-schedule">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="payment-schedule">
          Payment schedule
        </Title>
        {canPay && onAdd && (
          <Button size="xs" onClick={onAdd}>
            Add payment
          </Button>
        )}
      </Group>
      {payments.length === 0 ? (
        <Text c="dimmed" size="sm">
          No payments planned yet.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" className="bare-list">
          {payments.map((p) => (
            <Paper key={p.id} withBorder radius="md" p="sm" component="li" aria-label={p.label}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>{p.label}</Text>
                  <Group gap={6}>
                    <Text fw={600}>{money(p.amountMinor, p.currency)}</Text>
                    <PaymentState p={p} />
                  </Group>
                </Group>
                <Text size="sm" c="dimmed">
                  Due {formatDate(p.dueDate)}
                  {p.milestoneName ? ` · milestone "${p.milestoneName}"` : ''}
                  {p.contractTitle ? ` · ${p.contractTitle}` : ''}
                </Text>
                {p.hold.words && (
                  <Text size="sm" c={p.overridden || p.hold.blocked ? 'orange.8' : 'dimmed'}>
                    {p.hold.words}
                  </Text>
                )}
                {p.overridden && p.paidByName && (
                  <Text size="xs" c="dimmed">
                    Marked paid by {p.paidByName} on {formatDate(p.paidOn)}.
                  </Text>
                )}
                {canPay && p.status !== 'paid' && (
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => setPaying(p)}>
                      Mark paid…
                    </Button>
                    {onEdit && (
                      <Button size="xs" variant="default" onClick={() => onEdit(p)} aria-label={`Edit payment ${p.label}`}>
                        Edit…
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {totals.months.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table aria-label="Payments per month">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th>To pay</Table.Th>
                <Table.Th>Paid</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{m.label}</Table.Td>
                  <Table.Td>{m.planned.map((a) => money(a.amountMinor, a.currency)).join(' + ') || '—'}</Table.Td>
                  <Table.Td>{m.paid.map((a) => money(a.amountMinor, a.currency)).join(' + ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {paying && <PayModal p={paying} canOverride={canOverride} onClose={() => setPaying(null)} />}
    </Stack>
  );
}

function MilestoneBlock({
  m,
  items,
  canDecide,
  onEditMilestone,
  onEditDeliverable,
}: {
  m: MilestoneT | null;
  items: DeliverableListItemT[];
  canDecide: boolean;
  onEditMilestone?: (m: MilestoneT) => void;
  onEditDeliverable?: (d: DeliverableListItemT) => void;
}) {
  return (
    <Stack gap="xs" component="section" aria-label={m ? `Milestone ${m.name}` : 'Deliverables outside a milestone'}>
      <Group gap="xs" wrap="wrap">
        <Title order={3} size="h5">
          {m ? m.name : 'Not in a milestone'}
        </Title>
        {m && (
          <Text size="sm" c="dimmed">
            {m.dueDate ? `due ${formatDate(m.dueDate)} · ` : ''}
            {m.acceptedCount} of {m.deliverableCount} accepted{m.contractTitle ? ` · ${m.contractTitle}` : ''}
          </Text>
        )}
        {m && onEditMilestone && (
          <Button size="compact-xs" variant="subtle" onClick={() => onEditMilestone(m)} aria-label={`Edit milestone ${m.name}`}>
            Edit
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No deliverables yet.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" className="bare-list">
          {items.map((d) => (
            <DeliverableCard key={d.id} d={d} canDecide={canDecide} onEdit={onEditDeliverable ? () => onEditDeliverable(d) : undefined} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Milestones with their deliverables, then the payment schedule, of an engagement or a contract. */
type Dialog =
  | { kind: 'milestone'; milestone?: MilestoneT }
  | { kind: 'deliverable'; deliverable?: DeliverableListItemT }
  | { kind: 'payment'; payment?: PaymentT };

export function PlanView({ scope, me }: { scope: Scope; me: MeT }) {
  const plan = usePlan(scope);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (plan.isPending) return <Loader aria-label="Loading deliverables" />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => plan.refetch()} what="the deliverables" />;
  const { milestones, deliverables, payments, totals } = plan.data;
  const canDecide = roleCan(me.user.role, 'contract.write');
  const loose = deliverables.filter((d) => !d.milestoneId || !milestones.some((m) => m.id === d.milestoneId));
  // Forms are offered on an engagement's plan: a milestone, deliverable or payment belongs to one engagement.
  const engagementId = canDecide && 'engagementId' in scope ? scope.engagementId : null;
  const close = () => setDialog(null);
  return (
    <Stack gap="xl">
      <Stack gap="lg" component="section" aria-labelledby="deliverables-title">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="deliverables-title">
            Deliverables
          </Title>
          {engagementId && (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'milestone' })}>
                Add milestone
              </Button>
              <Button size="xs" onClick={() => setDialog({ kind: 'deliverable' })}>
                Add deliverable
              </Button>
            </Group>
          )}
        </Group>
        {deliverables.length === 0 && milestones.length === 0 ? (
          <Text c="dimmed" size="sm">
            {engagementId
              ? 'No milestones or deliverables yet. Add them here; the vendor then hands each deliverable in through its portal.'
              : "No milestones or deliverables yet. They are added on the engagement's Deliverables tab; the vendor then hands them in through its portal."}
          </Text>
        ) : (
          <>
            {milestones.map((m) => (
              <MilestoneBlock
                key={m.id}
                m={m}
                items={deliverables.filter((d) => d.milestoneId === m.id)}
                canDecide={canDecide}
                onEditMilestone={engagementId ? (milestone) => setDialog({ kind: 'milestone', milestone }) : undefined}
                onEditDeliverable={engagementId ? (deliverable) => setDialog({ kind: 'deliverable', deliverable }) : undefined}
              />
            ))}
            {loose.length > 0 && (
              <MilestoneBlock
                m={null}
                items={loose}
                canDecide={canDecide}
                onEditDeliverable={engagementId ? (deliverable) => setDialog({ kind: 'deliverable', deliverable }) : undefined}
              />
            )}
          </>
        )}
      </Stack>
      <PaymentSchedule
        payments={payments}
        totals={totals}
        me={me}
        onAdd={engagementId ? () => setDialog({ kind: 'payment' }) : undefined}
        onEdit={engagementId ? (payment) => setDialog({ kind: 'payment', payment }) : undefined}
      />
      {engagementId && dialog?.kind === 'milestone' && <MilestoneFormModal engagementId={engagementId} milestone={dialog.milestone} onClose={close} />}
      {engagementId && dialog?.kind === 'deliverable' && <DeliverableFormModal engagementId={engagementId} milestones={milestones} deliverable={dialog.deliverable} onClose={close} />}
      {engagementId && dialog?.kind === 'payment' && <PaymentFormModal engagementId={engagementId} milestones={milestones} payment={dialog.payment} onClose={close} />}
    </Stack>
  );
}
