import type { EngagementT, MeT } from '../../api/types.ts';
import { lazyTab, type TabDef } from '../../components/TabRegistry.tsx';
import { EngagementOverviewTab } from './EngagementOverviewTab.tsx';

export interface EngagementTabProps {
  engagement: EngagementT;
  me: MeT;
}

/**
 * The engagement page's tabs, in order; the first is the default (`/engagements/:id`), the
 * others live at `/engagements/:id/<value>`. A module adds its tab here in one line, e.g.
 * `{ value: 'contracts', label: 'Contracts', permission: 'contract.read', component: lazyTab(() => import('../contracts/EngagementContracts.tsx'), 'EngagementContracts') }`.
 * While there is only one, the page shows it without a tab strip.
 */
export const ENGAGEMENT_TABS: readonly TabDef<EngagementTabProps>[] = [
  { value: 'overview', label: 'Overview', permission: 'engagement.read', component: EngagementOverviewTab },
  { value: 'contracts', label: 'Contracts', permission: 'contract.read', component: lazyTab(() => import('../contracts/EngagementContractsTab.tsx'), 'EngagementContractsTab') },
  { value: 'contract-gaps', label: 'Contract gaps', permission: 'contract.read', component: lazyTab(() => import('../clauses/EngagementGapsTab.tsx'), 'EngagementGapsTab') },
  { value: 'deliverables', label: 'Deliverables', permission: 'contract.read', component: lazyTab(() => import('../deliverables/EngagementDeliverablesTab.tsx'), 'EngagementDeliverablesTab') },
  { value: 'governance', label: 'Governance', permission: 'governance.read', component: lazyTab(() => import('../governance/EngagementGovernanceTab.tsx'), 'EngagementGovernanceTab') },
  { value: 'costs', label: 'Costs', permission: 'cost.read', component: lazyTab(() => import('../costs/EngagementCostsTab.tsx'), 'EngagementCostsTab') },
  { value: 'exit', label: 'Exit', permission: 'exit.read', component: lazyTab(() => import('../exit/EngagementExitTab.tsx'), 'EngagementExitTab') },
];
