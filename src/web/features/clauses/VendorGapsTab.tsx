import { Stack } from '@mantine/core';
import type { MeT, VendorT } from '../../api/types.ts';
import { useGapList } from './api.ts';
import { GapIntro } from './GapIntro.tsx';
import { GapSection } from './GapTable.tsx';

/** The vendor page's "Contract gaps" tab. */
export function VendorGapsTab({ vendor }: { vendor: VendorT; me: MeT }) {
  const list = useGapList({ vendorId: vendor.id }, 100);
  return (
    <Stack gap="sm">
      <GapIntro what={`${vendor.name}'s engagements`} />
      <GapSection list={list} showVendor={false} />
    </Stack>
  );
}
