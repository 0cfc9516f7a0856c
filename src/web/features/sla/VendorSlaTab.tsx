import { Button, EmptyState, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconBriefcase } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { MeT, VendorT } from '../../api/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsWide } from '../../lib/useIsWide.ts';
import { useVendorEngagementOptions } from '../engagements/api.ts';
import { TICKET_FILTERS } from './BreachList.tsx';
import { EngagementSla } from './EngagementSla.tsx';

/** The vendor page's SLA tab: pick one of the vendor's engagements (?engagement=id) and see its SLAs. */
export function VendorSlaTab({ vendor, me }: { vendor: VendorT; me: MeT }) {
  const list = useVendorEngagementOptions(vendor.id);
  const [params, setParams] = useSearchParams();
  const wide = useIsWide();
  const engagements = list.data ?? [];

  if (list.isPending) return <Skeleton h={200} radius="md" aria-label="Loading engagements" />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => list.refetch()} what="engagements" />;
  if (engagements.length === 0) {
    return (
      <Paper withBorder radius="md" p={{ base: 'lg', sm: 48 }}>
        <EmptyState
          icon={<IconBriefcase size={28} />}
          variant="light"
          title={<h2 className="empty-title">No engagements yet</h2>}
          description={`SLA policies hang on engagements: the services ${vendor.name} delivers, such as "24/7 service desk". Add one on the overview tab, then set up its SLA policy here.`}
          maw={620}
          mx="auto"
        >
          <EmptyState.Actions>
            <Button component={Link} to={`/vendors/${vendor.id}`} variant="default">
              Go to the overview
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  }

  const asked = params.get('engagement');
  const selected = engagements.find((e) => e.id === asked) ?? engagements[0];
  const choose = (id: string | null) => {
    if (!id) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('engagement', id);
        // Another engagement has other priorities and months: its ticket list starts unfiltered.
        for (const key of Object.keys(TICKET_FILTERS)) next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  const options = engagements.map((e) => ({ value: e.id, label: e.name }));
  const segmented = wide && engagements.length <= 4 && engagements.reduce((s, e) => s + e.name.length, 0) < 90;

  return (
    <Stack gap="lg">
      {engagements.length > 1 && (
        <Group gap="sm" align="center" wrap="wrap">
          {segmented ? (
            <fieldset className="bare-fieldset">
              <VisuallyHidden component="legend">Engagement</VisuallyHidden>
              <Group gap="sm" align="center">
                <Text size="sm" fw={500} aria-hidden>
                  Engagement
                </Text>
                <SegmentedControl data={options} value={selected.id} onChange={choose} />
              </Group>
            </fieldset>
          ) : (
            <Select label="Engagement" data={options} value={selected.id} onChange={choose} allowDeselect={false} searchable={engagements.length > 8} w={{ base: '100%', sm: 360 }} />
          )}
        </Group>
      )}
      {engagements.length === 1 && (
        <Text size="sm" c="dimmed">
          Engagement: <strong>{selected.name}</strong>
        </Text>
      )}
      <EngagementSla key={selected.id} engagement={selected} me={me} />
    </Stack>
  );
}
