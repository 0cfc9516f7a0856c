import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';

/** A value shown exactly once (API token, invitation link), with a copy button. */
export function SecretReveal({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="secret-label">
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code block style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} aria-labelledby="secret-label" data-testid="secret-value">
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal' : undefined}
                size="lg"
                onClick={copy}
                aria-label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
              >
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} p="xs">
        <Text size="sm">{note}</Text>
      </Alert>
    </Stack>
  );
}
