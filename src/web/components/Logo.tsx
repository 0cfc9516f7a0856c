import { Group, Text } from '@mantine/core';

/** The Outsight mark: a lens, drawn inline so no external asset is needed. */
export function Logo({ size = 28, withText = true }: { size?: number; withText?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-blue-7)" />
        <circle cx="16" cy="16" r="8" fill="none" stroke="#fff" strokeWidth="3" />
        <circle cx="16" cy="16" r="3" fill="#fff" />
      </svg>
      {withText && (
        <Text fw={700} size="lg" lts={-0.3}>
          Outsight
        </Text>
      )}
    </Group>
  );
}
