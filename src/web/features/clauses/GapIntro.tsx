import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';

/** What a gap list on an object's page shows, and where the requirements are set. */
export function GapIntro({ what }: { what: string }) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed">
        Clauses your requirements demand for {what} that no contract in force has, or has only weakly.
      </Text>
      <Anchor component={Link} to="/settings/clauses" size="sm">
        Requirements
      </Anchor>
    </Group>
  );
}

