import type { MeT, VendorT } from '../../api/types.ts';
import { lazyTab, type TabDef } from '../../components/TabRegistry.tsx';
import { PlaceholderTab } from './PlaceholderTab.tsx';
import { VendorOverviewTab } from './VendorOverviewTab.tsx';

export interface VendorTabProps {
  vendor: VendorT;
  me: MeT;
}

/** A tab that explains what a later module will hold (see PlaceholderTab). */
function comingLater(value: string, label: string): TabDef<VendorTabProps> {
  return { value, label, permission: 'vendor.read', component: ({ vendor }: VendorTabProps) => <PlaceholderTab tab={value} vendorName={vendor.name} /> };
}

/**
 * The vendor page's tabs, in order; the first is the page's default (`/vendors/:id`), the
 * others live at `/vendors/:id/<value>`. A module adds its tab here, in one line.
 * Charts and the ticket import (recharts, papaparse) load only when the SLA tab is opened.
 */
export const VENDOR_TABS: readonly TabDef<VendorTabProps>[] = [
  { value: 'overview', label: 'Overview', permission: 'vendor.read', component: VendorOverviewTab },
  { value: 'assessments', label: 'Assessments', permission: 'assessment.read', component: lazyTab(() => import('../due-diligence/VendorAssessmentsTab.tsx'), 'VendorAssessmentsTab') },
  { value: 'contracts', label: 'Contracts', permission: 'contract.read', component: lazyTab(() => import('../contracts/VendorContractsTab.tsx'), 'VendorContractsTab') },
  { value: 'contract-gaps', label: 'Contract gaps', permission: 'contract.read', component: lazyTab(() => import('../clauses/VendorGapsTab.tsx'), 'VendorGapsTab') },
  { value: 'deliverables', label: 'Deliverables', permission: 'contract.read', component: lazyTab(() => import('../deliverables/VendorDeliverablesTab.tsx'), 'VendorDeliverablesTab') },
  { value: 'slas', label: 'SLAs', permission: 'sla.read', component: lazyTab(() => import('../sla/VendorSlaTab.tsx'), 'VendorSlaTab') },
  { value: 'sourcing', label: 'Sourcing', permission: 'sourcing.read', component: lazyTab(() => import('../sourcing/VendorSourcingTab.tsx'), 'VendorSourcingTab') },
  comingLater('costs', 'Costs'),
  comingLater('risks', 'Risks'),
  comingLater('exit', 'Exit'),
];
