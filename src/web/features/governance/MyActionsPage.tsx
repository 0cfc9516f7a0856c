import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { roleCan } from '../../../shared/permissions.ts';
import { useSession } from '../auth/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useDueAhead } from '../dashboard/DuePage.tsx';
import { DueItemsList } from '../dashboard/DueItemsList.tsx';
import { ActionsList } from './ActionsList.tsx';

/** "My actions": the signed-in user's own action items across every engagement, and what other modules name them owner of. */
export function MyActionsPage() {
  usePageTitle('My actions');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'governance.write');
  return (
    <Stack gap="lg">
      <PageHeader title="My actions" description="The action items you own, from every engagement's meetings, and what else is yours to do." />
      <ActionsList mine canWrite={canWrite} />
      {roleCan(me.user.role, 'dashboard.read') && <ElsewhereMine />}
    </Stack>
  );
}

/** Risks, risk actions, exit steps and exit actions the signed-in person owns, due in the next 90 days or overdue (meeting actions are listed above). */
function ElsewhereMine() {
  const due = useDueAhead(90, true);
  const items = (due.data?.items ?? []).filter((d) => d.kind !== 'action_due');
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="mine-elsewhere">
      <Stack gap="sm">
        <Title order={2} size="h4" id="mine-elsewhere">
          Also yours: risks and exits
        </Title>
        {due.isPending ? (
          <Text size="sm" c="dimmed">Loading…</Text>
        ) : due.isError ? (
          <Text size="sm" c="red">This list could not be read just now.</Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">Nothing else of yours overdue or due in the next 90 days.</Text>
        ) : (
          <DueItemsList items={items} today={due.data.from} label="Also yours" />
        )}
        <Anchor component={Link} to="/due?days=90&mine=true" size="sm">
          Everything due that you own
        </Anchor>
      </Stack>
    </Paper>
  );
}
