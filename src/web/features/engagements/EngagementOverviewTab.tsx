import { Anchor, Badge, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import { DATA_ACCESS_LABELS } from '../../../shared/contracts/vendors.ts';
import { roleCan } from '../../../shared/permissions.ts';
import type { EngagementT, MeT } from '../../api/types.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { countryName } from '../../lib/regions.ts';
import { AuditHistory } from '../audit/AuditHistory.tsx';
import { useSlaPolicy } from '../sla/api.ts';

/** Where this engagement's SLA is measured: the vendor's SLA tab with this engagement selected. */
function SlaCard({ engagement: e }: { engagement: EngagementT }) {
  const policy = useSlaPolicy(e.id);
  const to = `/vendors/${e.vendorId}/slas?engagement=${encodeURIComponent(e.id)}`;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="engagement-sla">
      <Stack gap="xs">
        <Title order={2} size="h4" id="engagement-sla">
          SLA
        </Title>
        {policy.isPending ? (
          <Skeleton h={16} w="70%" />
        ) : policy.isError ? (
          <Text size="sm" c="dimmed">
            The SLA policy could not be read just now.
          </Text>
        ) : policy.data ? (
          <Text size="sm" c="dimmed">
            Measured against SLA policy version {policy.data.version}, saved {formatDate(policy.data.createdAt)}.
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            No SLA policy yet: set one to measure this engagement&apos;s tickets against its targets.
          </Text>
        )}
        <Anchor component={Link} to={to} size="sm">
          {policy.data === null ? 'Set an SLA policy' : 'Open the SLA report'}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** The engagement's details, where its SLA is measured, and its history. */
export function EngagementOverviewTab({ engagement: e, me }: { engagement: EngagementT; me: MeT }) {
  return (
  <Stack gap="xl">
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Title order={2} size="h4">
              Details
            </Title>
            <DetailList
              items={[
                { label: 'Vendor', value: <Anchor component={Link} to={`/vendors/${e.vendorId}`} size="sm">{e.vendorName}</Anchor> },
                { label: 'Service type', value: SERVICE_TYPE_LABELS[e.serviceType] },
                { label: 'Data access', value: DATA_ACCESS_LABELS[e.dataAccess] },
                { label: 'Start date', value: e.startDate ? formatDate(e.startDate) : null },
                { label: 'End date', value: e.endDate ? formatDate(e.endDate) : null },
                { label: 'Internal owner', value: e.internalOwnerName },
                { label: 'Delivered from', value: countryName(e.deliveryCountry) },
                {
                  label: 'Business services',
                  value:
                    e.businessServices.length > 0 ? (
                      <Group gap={4}>
                        {e.businessServices.map((s) => (
                          <Badge key={s} variant="default" radius="sm" tt="none">
                            {s}
                          </Badge>
                        ))}
                      </Group>
                    ) : null,
                },
                {
                  label: 'Description',
                  wide: true,
                  value: e.description ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{e.description}</Text> : null,
                },
              ]}
            />
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          {roleCan(me.user.role, 'sla.read') && <SlaCard engagement={e} />}
          <Text size="xs" c="dimmed">
            Created {formatDateTime(e.createdAt)} · updated {formatDateTime(e.updatedAt)}
          </Text>
        </Stack>
      </Grid.Col>
    </Grid>
    {roleCan(me.user.role, 'audit.read') && <AuditHistory objectId={e.id} />}
  </Stack>
  );
}
