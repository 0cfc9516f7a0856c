import type { MeT, VendorT } from '../../api/types.ts';
import { lazyTab, type TabDef } from '../../components/TabRegistry.tsx';
import { VendorOverviewTab } from './VendorOverviewTab.tsx';

export interface VendorTabProps {
  vendor: VendorT;
  me: MeT;
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
  { value: 'costs', label: 'Costs', permission: 'cost.read', component: lazyTab(() => import('../costs/VendorCostsTab.tsx'), 'VendorCostsTab') },
  { value: 'risks', label: 'Risks', permission: 'risk.read', component: lazyTab(() => import('../risks/VendorRisksTab.tsx'), 'VendorRisksTab') },
  { value: 'exit', label: 'Exit', permission: 'exit.read', component: lazyTab(() => import('../exit/VendorExitTab.tsx'), 'VendorExitTab') },
  { value: 'sourcing', label: 'Sourcing', permission: 'sourcing.read', component: lazyTab(() => import('../sourcing/VendorSourcingTab.tsx'), 'VendorSourcingTab') },
];
