import { Button, EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { usePageTitle } from '../lib/usePageTitle.ts';

/** Shown when the role may not open a screen; the API would answer 403 as well. */
export function NotAvailable({ homeTo = '/', homeLabel = 'Go to the dashboard' }: { homeTo?: string; homeLabel?: string }) {
  usePageTitle('Not available');
  return (
    <EmptyState
      py={64}
      icon={<IconLock size={28} />}
      variant="light"
      color="orange"
      title={<h1 className="empty-title">Not available</h1>}
      description="This page is not available with your account. If you think you need it, ask an administrator of your organisation."
    >
      <EmptyState.Actions>
        <Button component={Link} to={homeTo}>
          {homeLabel}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
