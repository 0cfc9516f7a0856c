import type { ContractTabProps } from '../contracts/tabs.tsx';
import { PlanView } from './PlanView.tsx';

/** What the contract (a statement of work) asks to deliver, and the payments it schedules. */
export function ContractDeliverablesTab({ contract, me }: ContractTabProps) {
  return <PlanView scope={{ contractId: contract.id }} me={me} />;
}
