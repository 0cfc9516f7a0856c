import { Alert, Anchor, Badge, Button, EmptyState, Grid, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBriefcase, IconBuildingSkyscraper, IconPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { VENDOR_STATUSES } from '../../../shared/contracts/vendors.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import type { DashboardT } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TIER_COLORS, TIER_LABELS, VENDOR_STATUS_COLORS, VENDOR_STATUS_LABELS } from '../../lib/labels.ts';
import { formatDate, isEmailLocalPart, pluralize } from '../../lib/format.ts';
import { formatMoney } from '../../../domain/money.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { AuditEventList } from '../audit/AuditEventList.tsx';
import { DueItemsList } from './DueItemsList.tsx';
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

const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'gray' } as const;

/** Overdue and due within seven days, from every module; each line opens its object. */
function ThisWeek({ list, today }: { list: DashboardT['thisWeek']; today: string }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="this-week">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} size="h4" id="this-week">
            This week
          </Title>
          <Text size="sm" c="dimmed">
            {list.total === 0 ? 'Nothing overdue or due in the next seven days' : `${pluralize(list.total, 'item')} overdue or due by ${formatDate(addDaysIso(today, 7))}`}
          </Text>
        </Group>
        {list.items.length > 0 && <DueItemsList items={list.items} today={today} label="Due this week" />}
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {list.truncated ? `Showing the first ${list.items.length} of ${list.total}.` : ''}
          </Text>
          <Anchor component={Link} to="/due" size="sm">
            {list.truncated ? `See all ${list.total}, and further ahead` : 'See what is due further ahead'}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

function addDaysIso(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** What exposes the organisation: each count opens the list it counts. */
function Exposed({ items }: { items: DashboardT['exposed'] }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="exposed">
      <Stack gap="sm">
        <Title order={2} size="h4" id="exposed">
          Exposed
        </Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing found: every tier-1 and tier-2 vendor is measured and assessed, and no high finding is open.
          </Text>
        ) : (
          <Stack gap={6} component="ul" className="bare-list">
            {items.map((e) => (
              <li key={e.key}>
                <Anchor component={Link} to={e.href} size="sm" aria-label={`${e.label}: ${e.count}`}>
                  <Group gap="xs" wrap="nowrap" align="baseline">
                    <Badge color={SEVERITY_COLOR[e.severity]} variant="filled" miw={36} style={{ flexShrink: 0, cursor: 'pointer' }}>
                      {e.count}
                    </Badge>
                    <span>{e.label}</span>
                  </Group>
                </Anchor>
                {e.examples.length > 0 && (
                  <Text size="xs" c="dimmed" ml={44}>
                    {e.examples.map((x, i) => (
                      <Fragment key={x.href + x.label}>
                        {i > 0 && ', '}
                        <Anchor component={Link} to={x.href} inherit c="dimmed" underline="always">
                          {x.label}
                        </Anchor>
                      </Fragment>
                    ))}
                    {e.count > e.examples.length && (
                      <>
                        {' and '}
                        <Anchor component={Link} to={e.href} inherit>
                          {e.count - e.examples.length} more
                        </Anchor>
                      </>
                    )}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** Money at stake, one amount per currency (never added across currencies). */
function PayingFor({ items }: { items: DashboardT['payingFor'] }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="paying-for">
      <Stack gap="sm">
        <Title order={2} size="h4" id="paying-for">
          Paying for
        </Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No money figures yet: SLA policies with a monthly fee show the service credits owed here.
          </Text>
        ) : (
          <Stack gap="sm" component="ul" className="bare-list">
            {items.map((m) => (
              <li key={m.key}>
                <Anchor component={Link} to={m.href} size="sm">
                  {m.label}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {m.period}
                </Text>
                <Group gap="md">
                  {m.amounts.length === 0 ? (
                    <Text fw={600}>None</Text>
                  ) : (
                    m.amounts.map((a) => (
                      <Text key={a.currency} fw={700} fz="lg">
                        {formatMoney(a)}
                      </Text>
                    ))
                  )}
                </Group>
                {m.note && (
                  <Text size="xs" c="dimmed">
                    {m.note}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

export function DashboardPage() {
  usePageTitle('Dashboard');
  const me = useSession();
  const dashboard = useQuery({ queryKey: keys.dashboard, queryFn: () => api<DashboardT>('/dashboard') });
  const canWrite = roleCan(me.user.role, 'vendor.write');
  // A user created from an address has no name yet: greet without it rather than by the address.
  const firstName = isEmailLocalPart(me.user.name, me.user.email) ? null : me.user.name.trim().split(/\s+/)[0];

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
  const v = d.counts.vendors;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome back${firstName ? `, ${firstName}` : ''}. Here is where ${me.org.name} stands with its vendors.`}
        actions={
          canWrite && (
            <Button component={Link} to="/vendors/new" leftSection={<IconPlus size={16} />}>
              New vendor
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {d.unavailable.length > 0 && (
          <Alert color="yellow" title="Part of the dashboard could not be read">
            {d.unavailable.join(', ')}: try again in a moment.
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ThisWeek list={d.thisWeek} today={d.today} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <Exposed items={d.exposed} />
              <PayingFor items={d.payingFor} />
            </Stack>
          </Grid.Col>
        </Grid>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <StatCard label="Vendors" value={v.total} hint={`${v.byStatus.active ?? 0} active`} icon={<IconBuildingSkyscraper size={24} />} to="/vendors" />
          <StatCard label="Engagements" value={d.counts.engagements.total} hint={`${d.counts.engagements.active} active`} icon={<IconBriefcase size={24} />} to="/engagements" />
          <StatCard label="Users" value={d.counts.users} hint="in your organisation" icon={<IconUsers size={24} />} to="/settings/users" />
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
        {roleCan(me.user.role, 'audit.read') && d.recentChanges.length > 0 && (
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
          <AuditEventList events={d.recentChanges} />
        </Stack>
        )}
      </Stack>
    </>
  );
}
