import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DATA_ACCESS_LABELS, VENDOR_KIND_LABELS } from '../../../shared/contracts/vendors.ts';
import { roleCan } from '../../../shared/permissions.ts';
import type { MeT, VendorT } from '../../api/types.ts';
import { TierBadge, VendorStatusBadge } from '../../components/Badges.tsx';
import { DetailList } from '../../components/DetailList.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { countryName } from '../../lib/regions.ts';
import { AuditHistory } from '../audit/AuditHistory.tsx';
import { VendorEngagements } from '../engagements/VendorEngagements.tsx';
import { ContactCard } from './ContactCard.tsx';

function Website({ url }: { url: string }) {
  // Only http(s) becomes a link; anything else is shown as text.
  if (!/^https?:\/\//i.test(url)) return <>{url}</>;
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm">
      {url.replace(/^https?:\/\//i, '').replace(/\/$/, '')}
    </Anchor>
  );
}

export function VendorOverviewTab({ vendor, me }: { vendor: VendorT; me: MeT }) {
  const canWrite = roleCan(me.user.role, 'vendor.write');
  const canAudit = roleCan(me.user.role, 'audit.read');
  return (
    <Stack gap="xl">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="lg">
              <Stack gap="md">
                <Title order={2} size="h4">
                  Profile
                </Title>
                <DetailList
                  items={[
                    { label: 'Legal name', value: vendor.legalName },
                    { label: 'Kind', value: VENDOR_KIND_LABELS[vendor.kind] },
                    { label: 'Website', value: vendor.website ? <Website url={vendor.website} /> : null },
                    { label: 'Country', value: vendor.country ? `${countryName(vendor.country)} (${vendor.country})` : null },
                  ]}
                />
              </Stack>
            </Paper>
            <ContactCard vendor={vendor} />
            <Paper withBorder radius="md" p="lg">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  Notes
                </Title>
                {vendor.notes ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {vendor.notes}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    No notes.
                  </Text>
                )}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <Title order={2} size="h4">
                At a glance
              </Title>
              <DetailList
                cols={1}
                items={[
                  { label: 'Status', value: <VendorStatusBadge status={vendor.status} /> },
                  {
                    label: 'Tier',
                    value: (
                      <Stack gap={4}>
                        <TierBadge tier={vendor.tier} />
                        {vendor.tierReason && (
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                            {vendor.tierReason}
                          </Text>
                        )}
                      </Stack>
                    ),
                  },
                  { label: 'Data access', value: DATA_ACCESS_LABELS[vendor.dataAccess] },
                  { label: 'Internal owner', value: vendor.internalOwnerName },
                  {
                    label: 'Tags',
                    value:
                      vendor.tags.length > 0 ? (
                        <Group gap={4}>
                          {vendor.tags.map((t) => (
                            <Badge key={t} variant="default" radius="sm" tt="none">
                              {t}
                            </Badge>
                          ))}
                        </Group>
                      ) : null,
                  },
                  { label: 'Created', value: formatDateTime(vendor.createdAt) },
                  { label: 'Last updated', value: formatDateTime(vendor.updatedAt) },
                ]}
              />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <VendorEngagements vendor={vendor} canWrite={canWrite} />
      {canAudit && <AuditHistory objectId={vendor.id} />}
    </Stack>
  );
}
