import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import { roleCan } from '../../../shared/permissions.ts';
import type { EngagementT, MeT } from '../../api/types.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { AuditHistory } from '../audit/AuditHistory.tsx';

/** The engagement's details and its history. */
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
                { label: 'Start date', value: e.startDate ? formatDate(e.startDate) : null },
                { label: 'End date', value: e.endDate ? formatDate(e.endDate) : null },
                { label: 'Internal owner', value: e.internalOwnerName },
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
        <Paper withBorder radius="md" p="lg">
          <Stack gap="xs">
            <Title order={2} size="h4">
              Coming next
            </Title>
            <Text size="sm" c="dimmed">
              SLA policies, contracts, costs and the exit plan for this engagement will be managed here.
            </Text>
            <Text size="xs" c="dimmed" mt="sm">
              Created {formatDateTime(e.createdAt)} · updated {formatDateTime(e.updatedAt)}
            </Text>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
    {roleCan(me.user.role, 'audit.read') && <AuditHistory objectId={e.id} />}
  </Stack>
  );
}
