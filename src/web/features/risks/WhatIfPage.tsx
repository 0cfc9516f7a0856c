import { Anchor, Badge, Button, Group, List, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { formatMoney } from '../../../domain/money.ts';
import { SERVICE_TYPE_LABELS } from '../../../shared/contracts/engagements.ts';
import type { WhatIf } from '../../../shared/contracts/risks.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../lib/format.ts';
import { CRITICALITY_COLORS, CRITICALITY_LABELS } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useConcentration, useWhatIf } from './api.ts';
import { LevelBadge } from './parts.tsx';

const service = (t: string) => SERVICE_TYPE_LABELS[t as keyof typeof SERVICE_TYPE_LABELS] ?? t;
const amounts = (list: Array<{ amountMinor: number; currency: string }>) => (list.length ? list.map((m) => formatMoney(m)).join(' · ') : 'None recorded');
const CLAUSE_WORDS: Record<string, string> = { present: 'present', weak: 'weak', missing: 'missing', not_applicable: 'not applicable', 'not reviewed': 'not reviewed yet' };

/** What breaks if a vendor, or a fourth party behind several vendors, fails tomorrow: one screen, printable as a brief. */
const PLAN_WORDS: Record<string, string> = { draft: 'exit plan ready, not started', running: 'exit in progress', done: 'exit completed' };
/** Readiness in words: "38 of 100, below the threshold; exit plan ready, not started". */
function exitWords(x: WhatIf['engagements'][number]['exit']): string {
  if (!x || x.readiness === null) return 'Not known';
  const parts = [`${x.readiness} of 100${x.belowThreshold ? ', below the threshold' : ''}`];
  if (x.planStatus) parts.push(PLAN_WORDS[x.planStatus]);
  return parts.join('; ');
}

export function WhatIfPage() {
  const [params, setParams] = useSearchParams();
  const vendorId = params.get('vendorId');
  const fourthParty = params.get('fourthParty');
  const vendors = useVendorOptions();
  const conc = useConcentration();
  const w = useWhatIf({ vendorId, fourthParty });
  usePageTitle(w.data ? `What if ${w.data.subject.name} fails` : 'What if');
  const choices = [
    { group: 'Vendors', items: (vendors.data ?? []).map((v) => ({ value: `v:${v.value}`, label: v.label })) },
    { group: 'Fourth parties behind several vendors', items: (conc.data?.sharedFourthParties ?? []).map((s) => ({ value: `f:${s.name}`, label: s.name })) },
  ];
  const value = vendorId ? `v:${vendorId}` : fourthParty ? `f:${fourthParty}` : null;
  // A fourth party named in the address as written elsewhere ("amazon web services") is still a choice.
  if (fourthParty && !choices[1].items.some((i) => i.value === value)) choices[1].items.unshift({ value: `f:${fourthParty}`, label: w.data?.subject.name ?? fourthParty });
  const choose = (v: string | null) => setParams(v ? (v.startsWith('v:') ? { vendorId: v.slice(2) } : { fourthParty: v.slice(2) }) : {});
  const d = w.data;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Risks', to: '/risks' }, { label: 'What if' }]}
        title={d ? `What if ${d.subject.name} fails tomorrow?` : 'What if a vendor fails tomorrow?'}
        description="The engagements and business services affected, the spend at stake, open deliverables and payments, what the contracts say about exit, who else could take over, and the risks already registered."
        actions={d && <Button className="no-print" variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>Print brief</Button>}
      />
      <Select className="no-print" label="Vendor or fourth party" placeholder="Choose one" data={choices} searchable value={value} onChange={choose} maw={480} mb="lg" />
      {w.isPending && value && <Skeleton h={300} radius="md" />}
      {w.isError && <QueryError error={w.error} onRetry={() => w.refetch()} what="the what-if brief" />}
      {d && (
        <Stack gap="lg" className="print-brief">
          {d.subject.kind === 'fourth_party' && (
            <Paper withBorder radius="md" p="md">
              <Title order={2} size="h4" mb="xs">Vendors relying on {d.subject.name}</Title>
              <List size="sm">{d.vendors.map((v) => <List.Item key={v.id}><Anchor component={Link} to={`/vendors/${v.id}/risks`}>{v.name}</Anchor> — {v.service}</List.Item>)}</List>
            </Paper>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder radius="md" p="md"><Text size="xs" c="dimmed">Spend at stake</Text><Text fw={700}>{d.spendAtStake.length ? amounts(d.spendAtStake) : '—'}</Text><Text size="xs" c="dimmed">{d.spendNote}</Text></Paper>
            <Paper withBorder radius="md" p="md"><Text size="xs" c="dimmed">Open payments</Text><Text fw={700}>{amounts(d.openPayments)}</Text></Paper>
            <Paper withBorder radius="md" p="md"><Text size="xs" c="dimmed">Open deliverables</Text><Text fw={700}>{d.openDeliverables}</Text></Paper>
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="xs">Engagements affected</Title>
            {d.engagements.length === 0 ? <Text size="sm" c="dimmed">No running engagement.</Text> : (
              <Table aria-label="Engagements affected">
                <Table.Thead><Table.Tr><Table.Th>Engagement</Table.Th><Table.Th>Vendor</Table.Th><Table.Th>Criticality</Table.Th><Table.Th>Service</Table.Th><Table.Th>Business services</Table.Th><Table.Th>Exit readiness</Table.Th><Table.Th>In-house fallback</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {d.engagements.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td><Anchor component={Link} to={`/engagements/${e.id}`} size="sm">{e.name}</Anchor></Table.Td>
                      <Table.Td>{e.vendorName}</Table.Td>
                      <Table.Td><Badge color={CRITICALITY_COLORS[e.criticality]} variant="light">{CRITICALITY_LABELS[e.criticality] ?? e.criticality}</Badge></Table.Td>
                      <Table.Td>{service(e.serviceType)}</Table.Td>
                      <Table.Td>{e.businessServices.join(', ') || '—'}</Table.Td>
                      <Table.Td>{exitWords(e.exit)}</Table.Td>
                      <Table.Td>{e.exit?.fallback ?? 'Not recorded'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Paper withBorder radius="md" p="md">
              <Title order={2} size="h4" mb="xs">What the contracts say about exit</Title>
              {d.contracts.length === 0 && <Text size="sm" c="dimmed">No contract on record.</Text>}
              <List size="sm">
                {d.contracts.map((c) => (
                  <List.Item key={c.id}>
                    <Anchor component={Link} to={`/contracts/${c.id}`}>{c.name}</Anchor>{c.initialTermEnd ? `, term ends ${formatDate(c.initialTermEnd)}` : ''}
                    {d.exitClauses.filter((x) => x.contract.id === c.id).map((x) => <Text key={x.clause} size="sm" c={x.status === 'present' ? undefined : 'red'}>{x.clause}: {CLAUSE_WORDS[x.status] ?? x.status}</Text>)}
                  </List.Item>
                ))}
              </List>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={2} size="h4" mb="xs">Who else could take over</Title>
              {d.alternatives.length === 0 && <Text size="sm" c="dimmed">Nothing to replace.</Text>}
              <List size="sm">
                {d.alternatives.map((a) => <List.Item key={a.serviceType}>{service(a.serviceType)}: {a.vendors.length ? a.vendors.map((v) => v.name).join(', ') : <Text span c="red" size="sm">no other vendor on record</Text>}</List.Item>)}
              </List>
            </Paper>
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="xs">Risks already registered</Title>
            {d.risks.length === 0 ? <Text size="sm" c="dimmed">None.</Text> : (
              <Stack gap={4}>{d.risks.map((r) => <Group key={r.id} gap="xs"><LevelBadge cell={r.residual} /><Anchor component={Link} to={`/risks/${r.id}`} size="sm">{r.title}</Anchor></Group>)}</Stack>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
