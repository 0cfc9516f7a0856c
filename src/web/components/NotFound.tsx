import { Button, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePageTitle } from '../lib/usePageTitle.ts';

export function NotFound({ what = 'page', backTo = '/', backLabel = 'Go to the dashboard' }: { what?: string; backTo?: string; backLabel?: string }) {
  usePageTitle('Not found');
  return (
    <EmptyState
      py={64}
      icon={<IconMapOff size={28} />}
      variant="light"
      color="gray"
      title={<h1 className="empty-title">{`This ${what} does not exist`}</h1>}
      description="It may have been removed, or the address is wrong."
    >
      <EmptyState.Actions>
        <Button component={Link} to={backTo} variant="default">
          {backLabel}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
