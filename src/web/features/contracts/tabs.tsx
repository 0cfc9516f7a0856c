import type { ContractT, MeT } from '../../api/types.ts';
import { lazyTab, type TabDef } from '../../components/TabRegistry.tsx';

export interface ContractTabProps {
  contract: ContractT;
  me: MeT;
}

/**
 * The contract page's tabs, in order; the first is the default (`/contracts/:id`), the
 * others live at `/contracts/:id/<value>`. A module adds its tab here in one line, e.g.
 * `{ value: 'clauses', label: 'Clauses', permission: 'contract.read', component: lazyTab(() => import('../clauses/ContractClausesTab.tsx'), 'ContractClausesTab') }`.
 */
export const CONTRACT_TABS: readonly TabDef<ContractTabProps>[] = [
  { value: 'overview', label: 'Overview', permission: 'contract.read', component: lazyTab(() => import('./ContractOverviewTab.tsx'), 'ContractOverviewTab') },
  { value: 'clauses', label: 'Clauses', permission: 'contract.read', component: lazyTab(() => import('../clauses/ContractClausesTab.tsx'), 'ContractClausesTab') },
  { value: 'deliverables', label: 'Deliverables and payments', permission: 'contract.read', component: lazyTab(() => import('../deliverables/ContractDeliverablesTab.tsx'), 'ContractDeliverablesTab') },
  { value: 'rate-card', label: 'Rate card', permission: 'cost.read', component: lazyTab(() => import('../costs/ContractRateCardTab.tsx'), 'ContractRateCardTab') },
];
