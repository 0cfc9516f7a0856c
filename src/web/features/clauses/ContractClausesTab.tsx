import type { ContractT, MeT } from '../../api/types.ts';
import { ClauseChecklist } from './ClauseChecklist.tsx';

/** The contract page's "Clauses" tab: the checklist, its progress and the gaps the contract leaves. */
export function ContractClausesTab({ contract, me }: { contract: ContractT; me: MeT }) {
  return <ClauseChecklist contractId={contract.id} me={me} />;
}
