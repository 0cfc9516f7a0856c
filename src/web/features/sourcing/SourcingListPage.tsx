import { Anchor, Button, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from '../../../shared/contracts/sourcing.ts';
import { roleCan } from '../../../shared/permissions.ts';
import { DataTable, type Column } from '../../components/list/DataTable.tsx';
import { ListFilters } from '../../components/list/ListFilters.tsx';
import { ListView } from '../../components/list/ListView.tsx';
import { urlFilter, useUrlFilters } from '../../components/list/urlFilters.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate } from '../../lib/format.ts';
import { options } from '../../lib/labels.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useSession } from '../auth/api.ts';
import { useProjectList, type ProjectSummaryT } from './api.ts';
import { NeedFormModal } from './NeedFormModal.tsx';
import { money, ProjectStatusBadge } from './words.tsx';

const FILTERS = { status: urlFilter.one() };

export const PROJECT_COLUMNS: Column<ProjectSummaryT>[] = [
  {
    key: 'name',
    header: 'Project',
    maw: 320,
    cell: (p) => (
      <Anchor component={Link} to={`/sourcing/${p.id}`} fw={600} size="sm">
        {p.name}
      </Anchor>
    ),
  },
  { key: 'status', header: 'Stage', fit: true, cell: (p) => <ProjectStatusBadge status={p.status} /> },
  { key: 'candidates', header: 'Candidates', fit: true, cell: (p) => <Text size="sm">{p.candidateCount}</Text> },
  { key: 'budget', header: 'Budget', fit: true, cell: (p) => <Text size="sm">{p.budgetMinor === null ? 'Not set' : money(p.budgetMinor, p.currency)}</Text> },
  { key: 'decide', header: 'Decide by', fit: true, cell: (p) => <Text size="sm">{p.decideBy ? formatDate(p.decideBy) : '—'}</Text> },
];

/** Sourcing projects: choosing a vendor from the need to the go / no-go. */
export function SourcingListPage() {
  usePageTitle('Sourcing');
  const me = useSession();
  const canWrite = roleCan(me.user.role, 'sourcing.write');
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure(false);
  const filters = useUrlFilters(FILTERS);
  const { values: f, set } = filters;
  const list = useProjectList(f.status ? { status: f.status } : {});
  return (
    <>
      <PageHeader
        title="Sourcing"
        description="Choosing a vendor: the need and the should-we-outsource check first, then candidates compared on weighted criteria, references, interviews and a pilot with a go / no-go."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={dialog.open}>
              New project
            </Button>
          )
        }
      />
      <ListFilters label="Filter projects" panelCount={filters.panelCount} inline={<Select aria-label="Stage" placeholder="Any stage" data={options(PROJECT_STATUSES, PROJECT_STATUS_LABELS)} clearable value={f.status} onChange={(status) => set({ status })} />} />
      <ListView
        list={list}
        noun={{ one: 'project', many: 'projects' }}
        filters={filters}
        empty={{
          icon: <IconTargetArrow size={28} />,
          title: 'No sourcing projects yet',
          description: 'Describe what you need before talking to any vendor: scope, goals, budget, the hours you need — then check whether to outsource at all.',
          actions: canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={dialog.open}>
              Describe your first need
            </Button>
          ),
        }}
      >
        {(items) => <DataTable rows={items} columns={PROJECT_COLUMNS} rowKey={(p) => p.id} label="Sourcing projects" minWidth={640} />}
      </ListView>
      {opened && <NeedFormModal onClose={dialog.close} onSaved={(p) => navigate(`/sourcing/${p.id}`)} />}
    </>
  );
}
