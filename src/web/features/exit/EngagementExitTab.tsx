import { Alert, Skeleton, Stack } from '@mantine/core';
import { roleCan } from '../../../shared/permissions.ts';
import { QueryError } from '../../components/QueryError.tsx';
import type { EngagementTabProps } from '../engagements/tabs.tsx';
import { useEngagementExit } from './api.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { AssetsSection } from './AssetsSection.tsx';
import { DrillsSection } from './DrillsSection.tsx';
import { FallbackSection } from './FallbackSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import { ReadinessCard } from './ReadinessCard.tsx';

/** The engagement's Exit tab: readiness with its computation and history, the plan, assets and access, the in-house fallback, drills. */
export function EngagementExitTab({ engagement, me }: EngagementTabProps) {
  const exit = useEngagementExit(engagement.id);
  const canWrite = roleCan(me.user.role, 'exit.write') && !engagement.archived;
  if (exit.isPending) return <Skeleton h={320} />;
  if (exit.isError) return <QueryError error={exit.error} onRetry={() => exit.refetch()} what="the exit" />;
  const data = exit.data;
  return (
    <Stack gap="xl">
      {data.truncated && (
        <Alert color="yellow" variant="light">
          This engagement has more assets, drills or history than one page shows; the oldest are left out.
        </Alert>
      )}
      <ReadinessCard data={data} />
      <PlanSection data={data} canWrite={canWrite} />
      <AssetsSection data={data} canWrite={canWrite} />
      <FallbackSection data={data} canWrite={canWrite} />
      <DrillsSection data={data} canWrite={canWrite} />
      <ActionsSection data={data} canWrite={canWrite} />
    </Stack>
  );
}
