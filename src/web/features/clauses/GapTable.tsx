import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CLAUSE_STATUS_LABELS, GAP_KIND_LABELS, GAP_SEVERITY_LABELS } from '../../../shared/contracts/clauses.ts';
import type { PagedList } from '../../api/paging.ts';
import { CriticalityBadge } from '../../components/Badges.tsx';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import type { GapT } from './api.ts';

const SEVERITY_COLORS: Record<GapT['severity'], string> = { high: 'red', medium: 'orange', low: 'gray' };
const KIND_COLORS: Record<GapT['kind'], string> = { missing: 'red', weak: 'orange', unreviewed: 'gray' };

export function SeverityBadge({ severity }: { severity: GapT['severity'] }) {
  return (
    <Badge variant="light" color={SEVERITY_COLORS[severity]}>
      {GAP_SEVERITY_LABELS[severity]}
    </Badge>
  );
}

/** What the covering contracts say of the clause, in words. */
function contractsInWords(g: GapT): string {
  if (g.contracts.length === 0) return 'No contract in force covers this engagement.';
  return g.contracts
    .map((c) => `${c.title}: ${c.status ? CLAUSE_STATUS_LABELS[c.status].toLowerCase() : 'not reviewed'}${c.status === 'weak' && c.weakReason ? ` (${c.weakReason})` : ''}`)
    .join('; ');
}

function Contracts({ g }: { g: GapT }) {
  if (g.contracts.length === 0) return <Text size="sm" c="dimmed">No contract in force covers this engagement.</Text>;
  return (
    <Stack gap={2}>
      {g.contracts.map((c) => (
        <Text key={c.id} size="sm">
          <Anchor component={Link} to={`/contracts/${c.id}/clauses`} size="sm">
            {c.title}
          </Anchor>
          : {c.status ? CLAUSE_STATUS_LABELS[c.status].toLowerCase() : 'not reviewed'}
          {c.status === 'weak' && c.weakReason ? ` (${c.weakReason})` : ''}
        </Text>
      ))}
    </Stack>
  );
}

function columns(show: { vendor: boolean; engagement: boolean }): Column<GapT>[] {
  return [
    { key: 'clause', header: 'Required clause', maw: 240, cell: (g) => <Text size="sm" fw={600}>{g.clause.title}</Text> },
    {
      key: 'engagement',
      header: 'Engagement',
      hidden: !show.engagement,
      cell: (g) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/engagements/${g.engagement.id}/contract-gaps`} size="sm">
            {g.engagement.name}
          </Anchor>
          <CriticalityBadge criticality={g.engagement.criticality} />
        </Stack>
      ),
    },
    {
      key: 'vendor',
      header: 'Vendor',
      hidden: !show.vendor,
      cell: (g) => (
        <Anchor component={Link} to={`/vendors/${g.vendor.id}/contract-gaps`} size="sm">
          {g.vendor.name}
        </Anchor>
      ),
    },
    { key: 'kind', header: 'Gap', fit: true, cell: (g) => <Badge variant="outline" color={KIND_COLORS[g.kind]}>{GAP_KIND_LABELS[g.kind]}</Badge> },
    { key: 'severity', header: 'Severity', fit: true, cell: (g) => <SeverityBadge severity={g.severity} /> },
    { key: 'why', header: 'Why it is required', maw: 280, cell: (g) => <Text size="sm">{g.reasons.join(' · ')}</Text> },
    { key: 'contracts', header: 'What the contracts say', maw: 300, cell: (g) => <Contracts g={g} /> },
  ];
}

function GapCard({ g, show }: { g: GapT; show: { vendor: boolean; engagement: boolean } }) {
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {g.clause.title}
      </Text>
      {show.engagement && (
        <Text size="sm">
          <Anchor component={Link} to={`/engagements/${g.engagement.id}/contract-gaps`} size="sm">
            {g.engagement.name}
          </Anchor>
          {show.vendor ? ` · ${g.vendor.name}` : ''}
        </Text>
      )}
      <Group gap={6}>
        <Badge variant="outline" color={KIND_COLORS[g.kind]}>
          {GAP_KIND_LABELS[g.kind]}
        </Badge>
        <SeverityBadge severity={g.severity} />
      </Group>
      <Text size="xs" c="dimmed">
        {g.reasons.join(' · ')}
      </Text>
      <Text size="xs">{contractsInWords(g)}</Text>
    </Stack>
  );
}

/** Gaps as a table on wide screens and cards on a phone. */
export function GapTable({ gaps, showVendor = true, showEngagement = true }: { gaps: GapT[]; showVendor?: boolean; showEngagement?: boolean }) {
  const show = { vendor: showVendor, engagement: showEngagement };
  return (
    <DataTable
      rows={gaps}
      rowKey={(g) => g.key}
      columns={columns(show)}
      label="Contract gaps"
      minWidth={showVendor ? 1000 : 800}
      card={(g) => <GapCard g={g} show={show} />}
    />
  );
}

/** A gap list inside a page (an engagement's or a vendor's). */
export function GapSection({ list, showVendor, showEngagement }: { list: PagedList<GapT>; showVendor?: boolean; showEngagement?: boolean }) {
  return (
    <ListView
      list={list}
      noun={{ one: 'gap', many: 'gaps' }}
      variant="section"
      showCount
      empty={{
        icon: <IconShieldCheck size={24} />,
        title: 'No contract gaps',
        description: 'Every clause your requirements demand is present (or not applicable) in a contract in force.',
      }}
    >
      {(items) => <GapTable gaps={items} showVendor={showVendor} showEngagement={showEngagement} />}
    </ListView>
  );
}
