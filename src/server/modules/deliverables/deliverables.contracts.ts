import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/app-error.ts';
import { referenceContract, type ContractSummary } from '../contracts/contracts.public.ts';

/**
 * A contract named on a milestone, deliverable or payment: one the caller may see (the
 * contracts module's policy), with the engagement's vendor and covering the engagement.
 */
export async function referenceContractFor(ctx: Ctx, id: string, engagement: { id: string; vendorId: string }, field: string): Promise<ContractSummary> {
  const c = await referenceContract(ctx, id, field);
  if (c.vendorId !== engagement.vendorId) throw AppError.invalid(field, 'This contract is with another vendor than the engagement.');
  if (c.engagementIds.length > 0 && !c.engagementIds.includes(engagement.id)) throw AppError.invalid(field, 'This contract does not cover the engagement.');
  return c;
}
