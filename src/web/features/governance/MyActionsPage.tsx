import { Stack } from '@mantine/core';
import { roleCan } from '../../../shared/permissions.ts';
import { useSession } from '../auth/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ActionsList } from './ActionsList.tsx';

/** "My actions": the signed-in user's own action items across every engagement. */
export function MyActionsPage() {
  usePageTitle('My actions');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'governance.write');
  return (
    <Stack gap="lg">
      <PageHeader title="My actions" description="The action items you own, from every engagement's meetings." />
      <ActionsList mine canWrite={canWrite} />
    </Stack>
  );
}
