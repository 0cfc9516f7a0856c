import { Stack, Text } from '@mantine/core';
import type { ContractTabProps } from './tabs.tsx';

/** The contract's overview: its key dates in words (filled in by the contract page work). */
export function ContractOverviewTab({ contract }: ContractTabProps) {
  return (
    <Stack>
      <Text>{contract.keyDates.words}</Text>
    </Stack>
  );
}
