import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last resort when a screen throws while rendering: say so and offer a reload. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <Center mih="100dvh" p="md">
      <Stack maw={520} gap="sm" ta="center" align="center">
        <Title order={1} size="h3">
          Something went wrong
        </Title>
        <Text c="dimmed" size="sm">
          This screen failed to display. Reloading usually helps; if it does not, tell your administrator what you were doing.
        </Text>
        <Code>{message}</Code>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </Stack>
    </Center>
  );
}
