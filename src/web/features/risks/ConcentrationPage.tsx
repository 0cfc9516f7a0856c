import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatMoney } from '../../../domain/money.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useConcentration } from './api.ts';

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
const bandColor = (band: string) => (band.startsWith('Highly') ? 'red' : band.startsWith('Moderately') ? 'orange' : 'teal');

function Shares({ rows, label }: { rows: Array<{ key: string; name: string; share: number; detail: string; to?: string }>; label: string }) {
  return (
    <Stack gap={6} aria-label={label}>
      {rows.map((r) => (
        <div key={r.key}>
          <Group justify="space-between" gap="xs">
            {r.to ? <Anchor component={Link} to={r.to} size="sm">{r.name}</Anchor> : <Text size="sm">{r.name}</Text>}
            <Text size="sm" c="dimmed">{r.detail} · {pct(r.share)}</Text>
          </Group>
          <Progress value={r.share * 100} color={r.share > 0.3 ? 'orange' : 'blue'} aria-label={`${r.name}: ${pct(r.share)}`} />
        </div>
      ))}
    </Stack>
  );
}

/** Concentration and dependency (004 §8): who carries the critical services and the spend, the HHI of each, countries, shared fourth parties. */
export function ConcentrationPage() {
  usePageTitle('Concentration');
  const c = useConcentration();
  if (c.isPending) return <Skeleton h={400} radius="md" />;
  if (c.isError) return <QueryError error={c.error} onRetry={() => c.refetch()} what="concentration" />;
  const d = c.data;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Risks', to: '/risks' }, { label: 'Concentration' }]}
        title="Concentration and dependency"
        description="How much of your critical work and spend rests on one vendor, one country, or one provider behind several vendors. The Herfindahl–Hirschman index (0–10,000) is shown with the thresholds competition authorities use, as guidance."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">Critical and high engagements</Title>
            <Badge color={bandColor(d.hhiServicesBand)} variant="light">HHI {d.hhiServices.toLocaleString('en')} · {d.hhiServicesBand}</Badge>
          </Group>
          <Text size="sm" c="dimmed" mb="sm">{d.criticalEngagements} running critical or high engagements; the business services each vendor's engagements support, of {d.businessServices} in all, in brackets.</Text>
          <Shares label="Share of critical and high engagements" rows={d.byVendor.map((v) => ({ key: v.id, name: v.name, share: v.share, detail: `${v.count} (${v.businessServices} business ${v.businessServices === 1 ? 'service' : 'services'}, ${pct(v.businessServiceShare)})`, to: `/vendors/${v.id}/risks` }))} />
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">Spend</Title>
          {d.spendNote && <Text size="sm" c="dimmed" mb="sm">{d.spendNote}</Text>}
          <Stack gap="md">
            {d.spend.map((s) => (
              <div key={s.currency}>
                <Group justify="space-between" mb={4}>
                  <Text fw={600}>{formatMoney({ amountMinor: s.totalMinor, currency: s.currency })}</Text>
                  <Badge color={bandColor(s.band)} variant="light">HHI {s.hhi.toLocaleString('en')} · {s.band}</Badge>
                </Group>
                <Shares label={`Share of spend in ${s.currency}`} rows={s.byVendor.map((v) => ({ key: v.id, name: v.name, share: v.share, detail: formatMoney({ amountMinor: v.amountMinor, currency: s.currency }), to: `/vendors/${v.id}/risks` }))} />
              </div>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">By country of delivery</Title>
          <Shares label="Critical and high engagements by country" rows={d.byCountry.map((x) => ({ key: x.country, name: x.country === 'Unknown' ? 'Country not recorded' : x.country, share: x.share, detail: `${x.count}` }))} />
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">Fourth parties behind several vendors</Title>
          {d.sharedFourthParties.length === 0 ? (
            <Text size="sm" c="dimmed">No subcontractor or sub-processor is named by two vendors yet. Record them on each vendor's Risks tab.</Text>
          ) : (
            <Table aria-label="Shared fourth parties">
              <Table.Thead><Table.Tr><Table.Th>Fourth party</Table.Th><Table.Th>Vendors relying on it</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {d.sharedFourthParties.map((s) => (
                  <Table.Tr key={s.normalisedName}>
                    <Table.Td><Text fw={600} size="sm">{s.name}</Text><Text size="xs" c="dimmed">{s.countries.join(', ')}</Text></Table.Td>
                    <Table.Td><Text size="sm">{s.vendors.map((v) => `${v.name} (${v.service})`).join(', ')}</Text></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/risks/what-if?fourthParty=${encodeURIComponent(s.name)}`} size="sm">What if it fails?</Anchor></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
    </>
  );
}
