import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../api/client.ts';

/** A failed load, with the server's message and a way to try again. */
export function QueryError({ error, onRetry, what = 'this page' }: { error: unknown; onRetry?: () => void; what?: string }) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={`Could not load ${what}`} role="alert">
      <Text size="sm">{errorMessage(error)}</Text>
      {requestId && (
        <Text size="xs" c="dimmed">
          Request id {requestId}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
