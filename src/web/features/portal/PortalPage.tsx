import { Center, EmptyState, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { PortalT } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { PortalFrame } from './PortalFrame.tsx';

/** Where a vendor contact lands: what the client organisation asks of their company. */
export function PortalPage() {
  const me = useSession();
  const isContact = me.user.role === 'vendor_contact';
  const portal = useQuery({
    queryKey: keys.portal,
    queryFn: () => api<PortalT>('/portal'),
    enabled: isContact,
  });
  usePageTitle(portal.data ? `${portal.data.vendor.name} portal` : 'Vendor portal');

  if (!isContact) return <Navigate to="/" replace />;

  return (
    <PortalFrame me={me}>
      {portal.isPending ? (
        <Center py="xl">
          <Loader aria-label="Loading portal" />
        </Center>
      ) : portal.isError ? (
        <QueryError error={portal.error} onRetry={() => portal.refetch()} what="the portal" />
      ) : (
        <Stack gap="xl">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Vendor portal · {portal.data.org.name}
            </Text>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              Welcome, {portal.data.vendor.name}.
            </Title>
            <Text c="dimmed">Requests from {portal.data.org.name} will appear here.</Text>
          </Stack>
          <Paper withBorder radius="md" p="xl">
            <EmptyState
              icon={<IconInbox size={28} />}
              variant="light"
              title={<Title order={2} size="h4">Nothing to do yet</Title>}
              description={`When ${portal.data.org.name} sends you an assessment or asks for evidence such as an ISO 27001 certificate or a SOC 2 report, it will be listed here with its due date.`}
            />
          </Paper>
        </Stack>
      )}
    </PortalFrame>
  );
}
