import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ContractInput, NoticeInput, type Contract } from '../../../shared/contracts/contracts.ts';
import { createContract, recordNotice } from '../../modules/contracts/contracts.public.ts';
import { aVendor, orgOf, type OrgHandle, type World } from './core.ts';

/**
 * Builders for contracts, through the services like every builder: a contract of
 * `vendorId` (or of a new vendor), a master agreement in force unless told otherwise.
 */
export async function aContract(on: World | OrgHandle, o: Partial<ContractInput> = {}): Promise<Contract> {
  const org = await orgOf(on);
  const vendorId = o.vendorId ?? (await aVendor(org)).id;
  return createContract(org.ctx(), ContractInput.parse({ title: `Agreement ${randomUUID().slice(0, 8)}`, type: 'master_agreement', status: 'active', ...o, vendorId }));
}

/** Notice of non-renewal given on `givenOn` (by letter, unless told otherwise). */
export async function aNotice(org: OrgHandle, contractId: string, o: Partial<z.input<typeof NoticeInput>> & { givenOn: string }): Promise<Contract> {
  return recordNotice(org.ctx(), contractId, NoticeInput.parse({ method: 'letter', givenBy: org.owner.name, ...o }));
}
