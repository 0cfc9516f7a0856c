/** The users module as other modules see it (lint rule outsight/public-surface). */
import { AppError } from '../../http/app-error.ts';
import type { TxCtx } from '../audit/audit.public.ts';
import { findUserByEmail } from '../auth/auth.public.ts';
import { insertUser } from './users.repo.ts';

export { createUser, referenceInternalUser } from './users.service.ts';

/**
 * The vendor contact who answers an assessment sent to `email` for `vendorId`: that
 * vendor's existing contact, or a new one without a password, who signs in through the
 * e-mailed links. Anyone else with that address is refused as an invalid field.
 */
export async function vendorContactFor(tx: TxCtx, vendorId: string, email: string, field = 'contactEmail'): Promise<{ id: string; email: string }> {
  const existing = await findUserByEmail(tx.db, email);
  if (existing) {
    if (existing.orgId !== tx.actor.orgId || existing.role !== 'vendor_contact' || existing.vendorId !== vendorId) {
      throw AppError.invalid(field, 'This e-mail belongs to someone who is not a contact of this vendor.');
    }
    if (existing.disabledAt) throw AppError.invalid(field, 'This vendor contact is disabled.');
    return existing;
  }
  const created = await insertUser(tx.db, { orgId: tx.actor.orgId, email, name: email.split('@')[0], role: 'vendor_contact', vendorId, passwordHash: null });
  await tx.audit({ action: 'user.create', objectType: 'user', objectId: created.id, after: created });
  return created;
}
