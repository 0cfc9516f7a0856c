import { Button, Group, Select, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChartPie, IconPlus, IconRefresh } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { RISK_CATEGORIES, RISK_CATEGORY_LABELS } from '../../../shared/contracts/risks.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { ListFilters } from '../../components/list/ListFilters.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { SearchInput } from '../../components/list/SearchInput.tsx';
import { urlFilter, useUrlFilters } from '../../components/list/urlFilters.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { options } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useVendorOptions } from '../vendors/api.ts';
import { useEvaluate, useRiskList } from './api.ts';
import { HeatMapPanel, type CellPick } from './parts.tsx';
import { RiskFormModal } from './RiskFormModal.tsx';
import { RiskTable } from './RiskTable.tsx';

const FILTERS = {
  q: urlFilter.text(),
  vendorId: urlFilter.one(),
  category: urlFilter.one(),
  status: urlFilter.choice(['open', 'closed', 'all'] as const, 'open'),
  aboveAppetite: urlFilter.one(),
  accepted: urlFilter.one(),
  source: urlFilter.one(),
  score: urlFilter.one('scope'),
  likelihood: urlFilter.one('scope'),
  impact: urlFilter.one('scope'),
};

/** The register: the heat map on top (a cell filters the list), then every risk with filters. */
export function RiskRegisterPage() {
  usePageTitle('Risks');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'risk.write');
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure(false);
  const vendors = useVendorOptions();
  const filters = useUrlFilters(FILTERS);
  const { values: f, set } = filters;
  const list = useRiskList({ ...f, status: f.status === 'all' ? null : f.status });
  const evaluate = useEvaluate();
  const selected = f.score && f.likelihood && f.impact ? { score: f.score as CellPick['score'], likelihood: Number(f.likelihood), impact: Number(f.impact) } : null;
  const pick = (c: CellPick) => set({ score: c.score, likelihood: String(c.likelihood), impact: String(c.impact), status: 'open' });
  const runEvaluate = () =>
    evaluate.mutate(undefined, {
      onSuccess: (r) =>
        notifications.show({
          color: 'teal',
          title: 'Signals evaluated',
          message: `${r.raised} new, ${r.updated} changed, ${r.cleared} cleared; ${r.active} active in all.${r.sources.some((s) => !s.ok) ? ` Not read: ${r.sources.filter((s) => !s.ok).map((s) => s.name).join(', ')}.` : ''}`,
        }),
      onError: (e) => notifications.show({ color: 'red', title: 'Signals not evaluated', message: e instanceof Error ? e.message : 'Try again.' }),
    });
  return (
    <>
      <PageHeader
        title="Risks"
        description="The register: risks you record, and risks the signals open from what Outsight already knows — lapsed evidence, missed SLAs, missing clauses, concentration."
        actions={
          <Group gap="xs">
            <Button component={Link} to="/risks/concentration" variant="default" leftSection={<IconChartPie size={16} />}>
              Concentration
            </Button>
            <Button component={Link} to="/risks/what-if" variant="default" leftSection={<IconAlertTriangle size={16} />}>
              What if…
            </Button>
            {canWrite && (
              <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={runEvaluate} loading={evaluate.isPending}>
                Evaluate now
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={dialog.open}>
                New risk
              </Button>
            )}
          </Group>
        }
      />
      <HeatMapPanel onPick={pick} selected={selected} />
      <ListFilters
        label="Filter risks"
        panelCount={filters.panelCount}
        search={<SearchInput label="Search risks" placeholder="Title" value={f.q} onChange={(q) => set({ q })} style={{ flex: '1 1 260px' }} />}
      >
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select label="Vendor" placeholder="Any vendor" data={vendors.data ?? []} searchable clearable value={f.vendorId} onChange={(vendorId) => set({ vendorId })} />
          <Select label="Category" placeholder="Any category" data={options(RISK_CATEGORIES, RISK_CATEGORY_LABELS)} clearable value={f.category} onChange={(category) => set({ category })} />
          <Select label="Status" data={[{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }, { value: 'all', label: 'Open and closed' }]} allowDeselect={false} value={f.status} onChange={(status) => status && set({ status: status as typeof f.status })} />
          <Select label="Appetite" placeholder="Any level" data={[{ value: 'true', label: 'Above appetite' }, { value: 'false', label: 'Within appetite' }]} clearable value={f.aboveAppetite} onChange={(aboveAppetite) => set({ aboveAppetite })} />
          <Select label="Acceptance" placeholder="Accepted or not" data={[{ value: 'true', label: 'Accepted' }, { value: 'false', label: 'Not accepted' }]} clearable value={f.accepted} onChange={(accepted) => set({ accepted })} />
          <Select label="Opened by" placeholder="A person or a signal" data={[{ value: 'manual', label: 'A person' }, { value: 'signal', label: 'A signal' }]} clearable value={f.source} onChange={(source) => set({ source })} />
        </SimpleGrid>
      </ListFilters>
      <ListView
        list={list}
        noun={{ one: 'risk', many: 'risks' }}
        filters={filters}
        empty={{
          icon: <IconAlertTriangle size={28} />,
          title: 'No risks yet',
          description: 'Register a risk, or evaluate the signals: an expired certificate, months of missed SLAs or a missing exit clause open a risk by themselves.',
          actions: canWrite && (
            <Button leftSection={<IconRefresh size={16} />} onClick={runEvaluate} loading={evaluate.isPending}>
              Evaluate signals
            </Button>
          ),
        }}
      >
        {(items) => <RiskTable risks={items} />}
      </ListView>
      {canWrite && <RiskFormModal opened={opened} onClose={dialog.close} vendorId={f.vendorId ?? undefined} onSaved={(r) => navigate(`/risks/${r.id}`)} />}
    </>
  );
}
