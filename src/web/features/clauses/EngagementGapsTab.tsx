import { Stack } from '@mantine/core';
import type { EngagementT, MeT } from '../../api/types.ts';
import { useGapList } from './api.ts';
import { GapIntro } from './GapIntro.tsx';
import { GapSection } from './GapTable.tsx';

/** The engagement page's "Contract gaps" tab. */
export function EngagementGapsTab({ engagement }: { engagement: EngagementT; me: MeT }) {
  const list = useGapList({ engagementId: engagement.id }, 100);
  return (
    <Stack gap="sm">
      <GapIntro what="this engagement" />
      <GapSection list={list} showVendor={false} showEngagement={false} />
    </Stack>
  );
}

