import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReadinessTable } from './ReadinessTable.tsx';

/** The portfolio of exit readiness: by default the critical and high engagements, weakest first. */
export function ExitPortfolioPage() {
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') === 'all' ? 'all' : 'critical';
  return (
    <Stack gap="lg">
      <PageHeader title="Exit readiness" />
      <Text size="sm" c="dimmed">
        Could we leave each vendor if we had to? A score from 0 to 100 per engagement: a reviewed plan, the exit-assistance clause, assets under our control, current runbooks, in-house skills, a recent drill, an alternative and a tested data export.
      </Text>
      <SegmentedControl
        w="fit-content"
        value={scope}
        onChange={(v) => setParams(v === 'all' ? { scope: 'all' } : {})}
        data={[
          { value: 'critical', label: 'Critical and high' },
          { value: 'all', label: 'All running engagements' },
        ]}
        aria-label="Which engagements"
      />
      <ReadinessTable query={scope === 'critical' ? { critical: 'true' } : {}} empty="No running engagements to show." />
    </Stack>
  );
}
