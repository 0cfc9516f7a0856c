import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { presentPrincipal, type Principal } from './auth.presenter.ts';
import * as repo from './auth.repo.ts';
import { mfaStatusOfPerson } from './mfa.ts';

// People: the login identity (e-mail, password, authenticator) above organisations. A
// membership (the users module's `users` row) is what a person is in one organisation.
// These helpers run inside other services' changes (creating a user, accepting an
// invitation, set-up), which have already asked their own policy.

/** The person a membership belongs to. */
export async function personIdOf(db: Db, orgId: string, userId: string): Promise<string> {
  const personId = await repo.personIdOfMembership(db, orgId, userId);
  if (!personId) throw AppError.notFound('The account');
  return personId;
}

/**
 * The person an e-mail signs in as, made if new. An existing person keeps their password:
 * `passwordHash` only sets one for a person who has none yet (a vendor contact, or a new person).
 */
export async function ensurePerson(db: Db, input: { email: string; passwordHash: string | null; now: Date }): Promise<{ id: string; created: boolean; hasPassword: boolean }> {
  const existing = await repo.findPersonByEmailForSignIn(db, input.email);
  if (!existing) {
    const p = await repo.insertPerson(db, { email: input.email.trim().toLowerCase(), passwordHash: input.passwordHash, at: input.now });
    return { id: p.id, created: true, hasPassword: p.passwordHash !== null };
  }
  if (existing.passwordHash === null && input.passwordHash !== null) await repo.setPersonPassword(db, existing.id, input.passwordHash, input.now);
  return { id: existing.id, created: false, hasPassword: existing.passwordHash !== null || input.passwordHash !== null };
}

/** Whether an e-mail already belongs to a person who has a password (an invitation then asks for it). */
export async function personHasPassword(db: Db, email: string): Promise<boolean> {
  return Boolean((await repo.findPersonByEmailForSignIn(db, email))?.passwordHash);
}

/** The password hash of the person an e-mail signs in as, or null (no such person, or no password yet). */
export async function passwordOfEmailForSignIn(db: Db, email: string): Promise<string | null> {
  return (await repo.findPersonByEmailForSignIn(db, email))?.passwordHash ?? null;
}

/** Whether an e-mail already signs in as someone (the operator's CLI says "added" rather than "created"). */
export async function personExists(db: Db, email: string): Promise<boolean> {
  return (await repo.findPersonByEmailForSignIn(db, email)) !== null;
}

/** A new password for a person (every membership signs in with it). */
export async function setPasswordOfPerson(db: Db, personId: string, passwordHash: string, now: Date): Promise<void> {
  await repo.setPersonPassword(db, personId, passwordHash, now);
}

/**
 * Every membership of the person an e-mail signs in as, oldest first, before anyone is
 * signed in (reset links, portal links, the CLI's --as). Disabled ones are included, marked.
 */
export async function membershipsByEmailForSignIn(db: Db, email: string): Promise<Array<Principal & { personId: string; orgName: string }>> {
  const person = await repo.findPersonByEmailForSignIn(db, email);
  if (!person) return [];
  const rows = await repo.membershipsOfPersonForSignIn(db, person.id);
  return rows.map((r) => ({ ...presentPrincipal({ ...r.user, userId: r.user.id }), personId: person.id, orgName: r.orgName }));
}

/** The two-step sign-in status of the person behind a membership (tests, the CLI). */
export async function mfaStatus(db: Db, orgId: string, userId: string) {
  return mfaStatusOfPerson(db, await personIdOf(db, orgId, userId));
}
