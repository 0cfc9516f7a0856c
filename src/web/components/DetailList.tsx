import { Box, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Detail {
  label: string;
  value: ReactNode;
  /** Span both columns (long text). */
  wide?: boolean;
}

/** Label/value pairs as a description list, two columns on wide screens. */
export function DetailList({ items, cols = 2 }: { items: Detail[]; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: cols }} spacing="md" verticalSpacing="sm" m={0}>
      {items.map((item) => (
        <Box key={item.label} style={item.wide ? { gridColumn: '1 / -1' } : undefined}>
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0} mt={2} style={{ overflowWrap: 'anywhere' }}>
            {item.value === null || item.value === undefined || item.value === '' ? (
              <Text span c="dimmed" size="sm">
                Not set
              </Text>
            ) : (
              item.value
            )}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}
