import { Stack, Text } from '@mantine/core';
import type { VendorTabProps } from '../vendors/tabs.tsx';
import { ReadinessTable } from './ReadinessTable.tsx';

/** The vendor page's Exit tab: how ready we are to leave this vendor, engagement by engagement. */
export function VendorExitTab({ vendor }: VendorTabProps) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Exit readiness of the running engagements with {vendor.name}. Open an engagement to see the plan, assets, fallback and drills.
      </Text>
      <ReadinessTable query={{ vendorId: vendor.id }} showVendor={false} empty={`No running engagements with ${vendor.name}.`} />
    </Stack>
  );
}
