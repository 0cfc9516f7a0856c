import { IconTargetArrow } from '@tabler/icons-react';
import { DataTable } from '../../components/list/DataTable.tsx';
import { ListSection, ListView } from '../../components/list/ListView.tsx';
import type { VendorTabProps } from '../vendors/tabs.tsx';
import { useProjectList } from './api.ts';
import { PROJECT_COLUMNS } from './SourcingListPage.tsx';

/** The vendor page's Sourcing tab: the sourcing projects this vendor is (or was) a candidate in. */
export function VendorSourcingTab({ vendor }: VendorTabProps) {
  const list = useProjectList({ vendorId: vendor.id });
  return (
    <ListSection id="vendor-sourcing" title="Sourcing" hint="The sourcing projects this vendor is a candidate in: how it compared, and its pilots.">
      <ListView
        list={list}
        variant="section"
        noun={{ one: 'project', many: 'projects' }}
        empty={{ icon: <IconTargetArrow size={24} />, title: 'Not a candidate anywhere', description: `${vendor.name} has not been compared in a sourcing project. Prospects are attached to a project from its Candidates tab.` }}
      >
        {(items) => <DataTable rows={items} columns={PROJECT_COLUMNS} rowKey={(p) => p.id} label="Sourcing projects" minWidth={640} />}
      </ListView>
    </ListSection>
  );
}
