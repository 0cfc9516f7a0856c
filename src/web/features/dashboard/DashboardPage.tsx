import { Anchor, Button, EmptyState, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBriefcase, IconBuildingSkyscraper, IconPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { VENDOR_STATUSES } from '../../../shared/contracts/vendors.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { DashboardT } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TIER_COLORS, TIER_LABELS, VENDOR_STATUS_COLORS, VENDOR_STATUS_LABELS } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { AuditEventList } from '../audit/AuditEventList.tsx';
import { useSession } from '../auth/api.ts';

function StatCard({ label, value, hint, icon, to }: { label: string; value: number; hint?: string; icon: ReactNode; to: string }) {
  return (
    <Paper withBorder radius="md" p="lg" component={Link} to={to} className="stat-card" aria-label={`${label}: ${value}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
            {label}
          </Text>
          <Text fz={32} fw={700} lh={1.2}>
            {value.toLocaleString()}
          </Text>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
        <ThemeIcon variant="light" size={44} radius="md">
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

function Breakdown({ title, rows, total }: { title: string; total: number; rows: { key: string; label: string; count: number; color: string; to: string }[] }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Stack gap="sm" component="ul" className="bare-list">
          {rows.map((r) => (
            <li key={r.key}>
              <Group justify="space-between" mb={4}>
                <Anchor component={Link} to={r.to} size="sm" c="var(--mantine-color-text)">
                  {r.label}
                </Anchor>
                <Text size="sm" fw={600}>
                  {r.count}
                </Text>
              </Group>
              <Progress value={total ? (r.count / total) * 100 : 0} color={r.color} size="sm" aria-label={`${r.label}: ${r.count} of ${total}`} />
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

export function DashboardPage() {
  usePageTitle('Dashboard');
  const me = useSession();
  const dashboard = useQuery({ queryKey: keys.dashboard, queryFn: () => api<DashboardT>('/dashboard') });
  const canWrite = roleCan(me.user.role, 'vendor.write');
  const firstName = me.user.name.split(/\s+/)[0];

  if (dashboard.isPending) {
    return (
      <>
        <PageHeader title="Dashboard" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={110} radius="md" />
          ))}
        </SimpleGrid>
      </>
    );
  }
  if (dashboard.isError) {
    return (
      <>
        <PageHeader title="Dashboard" />
        <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} what="the dashboard" />
      </>
    );
  }
  const d = dashboard.data;
  const v = d.vendors;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome back, ${firstName}. Here is where ${me.org.name} stands with its vendors.`}
        actions={
          canWrite && (
            <Button component={Link} to="/vendors/new" leftSection={<IconPlus size={16} />}>
              New vendor
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <StatCard label="Vendors" value={v.total} hint={`${v.byStatus.active ?? 0} active`} icon={<IconBuildingSkyscraper size={24} />} to="/vendors" />
          <StatCard label="Engagements" value={d.engagements.total} hint={`${d.engagements.active} active`} icon={<IconBriefcase size={24} />} to="/engagements" />
          <StatCard label="Users" value={d.users} hint="in your organisation" icon={<IconUsers size={24} />} to="/settings/users" />
        </SimpleGrid>
        {v.total === 0 ? (
          <Paper withBorder radius="md" p="xl">
            <EmptyState
              icon={<IconBuildingSkyscraper size={28} />}
              variant="light"
              title="Start by adding your vendors"
              description="List the companies you outsource IT to. Outsight then tracks their engagements, and later their contracts, SLAs, costs, risks and exit readiness."
            >
              {canWrite && (
                <EmptyState.Actions>
                  <Button component={Link} to="/vendors/new">
                    Add a vendor
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          </Paper>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Breakdown
              title="Vendors by tier"
              total={v.total}
              rows={[1, 2, 3, 4].map((t) => ({
                key: String(t),
                label: TIER_LABELS[t],
                count: v.byTier[String(t)] ?? 0,
                color: TIER_COLORS[t],
                to: `/vendors?tier=${t}`,
              }))}
            />
            <Breakdown
              title="Vendors by status"
              total={v.total}
              rows={VENDOR_STATUSES.map((s) => ({
                key: s,
                label: VENDOR_STATUS_LABELS[s],
                count: v.byStatus[s] ?? 0,
                color: VENDOR_STATUS_COLORS[s],
                to: `/vendors?status=${s}`,
              }))}
            />
          </SimpleGrid>
        )}
        <Stack gap="sm" component="section" aria-labelledby="recent-changes">
          <Group justify="space-between">
            <Title order={2} size="h4" id="recent-changes">
              Recent changes
            </Title>
            {roleCan(me.user.role, 'audit.read') && (
              <Anchor component={Link} to="/audit" size="sm">
                Open the audit trail
              </Anchor>
            )}
          </Group>
          {d.recentChanges.length === 0 ? (
            <Paper withBorder radius="md" p="md">
              <Text size="sm" c="dimmed">
                Nothing has changed yet.
              </Text>
            </Paper>
          ) : (
            <AuditEventList events={d.recentChanges} />
          )}
        </Stack>
      </Stack>
    </>
  );
}
