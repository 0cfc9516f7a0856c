import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { roleCan } from '../../../shared/permissions.ts';
import type { MeT } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { DeliverableFormModal, MilestoneFormModal, PaymentFormModal } from './PlanForms.tsx';
import { usePlan, type DeliverableListItemT, type MilestoneT, type PaymentT, type Scope } from './api.ts';
import { DeliverableCard } from './DeliverableCard.tsx';
import { PaymentSchedule } from './PaymentSchedule.tsx';

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
