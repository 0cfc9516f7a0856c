import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { FourthPartyInput, RiskInput, type RiskDetail } from '../../../shared/contracts/risks.ts';
import type { User } from '../../../shared/contracts/users.ts';
import { acceptRisk, closeRisk, createFourthParty, createRisk } from '../../modules/risks/risks.public.ts';
import { aVendor, orgOf, type OrgHandle, type World } from './core.ts';

/** Builders of risks (open, accepted or closed) and fourth parties, through the services. */
const uniq = () => randomUUID().slice(0, 8);

export type RiskOptions = Partial<z.input<typeof RiskInput>> & {
  /** Leave it accepted until this date (needs an owner or admin as `user`, the default owner is one). */
  acceptedUntil?: string;
  closed?: boolean;
  user?: User;
};

export async function aRisk(on: World | OrgHandle, o: RiskOptions = {}): Promise<RiskDetail> {
  const org = await orgOf(on);
  const ctx = org.ctx(o.user);
  const { acceptedUntil, closed, user: _u, ...fields } = o;
  let r = await createRisk(ctx, RiskInput.parse({ title: `Risk ${uniq()}`, category: 'security', inherentLikelihood: 3, inherentImpact: 3, ...fields }));
  if (acceptedUntil) r = await acceptRisk(ctx, r.id, { expiresOn: acceptedUntil, note: 'Accepted for the matrix of tests.' });
  if (closed) r = await closeRisk(ctx, r.id, {});
  return r;
}

export async function aFourthParty(on: World | OrgHandle, o: Partial<z.input<typeof FourthPartyInput>> = {}) {
  const org = await orgOf(on);
  const vendorId = o.vendorId ?? (await aVendor(org)).id;
  return createFourthParty(org.ctx(), FourthPartyInput.parse({ name: `Subprocessor ${uniq()}`, service: 'Hosting', ...o, vendorId }));
}
