import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Role } from '../../../shared/contracts/auth.ts';
import type { User, UserUpdate } from '../../../shared/contracts/users.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { keysetPage, type PageRequest } from '../../paging.ts';
import { change, type TxCtx } from '../audit/audit.public.ts';
import { endSessionsOf, ensurePerson, hashPassword } from '../auth/auth.public.ts';
import { presentUser } from './users.presenter.ts';
import { checkAssignable, checkKeepsAnOwner, checkMayChange, userPolicy, vendorOfRole } from './users.policy.ts';
import * as repo from './users.repo.ts';

/** Said only about one's own organisation: whether an address is used elsewhere is nobody's business. */
export const EMAIL_TAKEN = 'Someone in your organisation already has this e-mail.';

/** One page of the organisation's users, by name. */
export async function listUsers(ctx: Ctx, q: PageRequest) {
  userPolicy.check(ctx.actor, 'list');
  return keysetPage(q, repo.USER_SORT, (after, limit) => repo.listUsers(ctx.db, ctx.actor.orgId, after, limit), (r) => presentUser(r.user));
}

/** Everyone of the organisation, page after page (jobs and seeds that visit each person). */
export async function allUsers(ctx: Ctx): Promise<User[]> {
  const out: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(ctx, { limit: 200, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  return presentUser(userPolicy.authorize(ctx.actor, 'read', await repo.findUser(ctx.db, ctx.actor.orgId, id)));
}

/**
 * A user id named inside a body (an internal owner, a reviewer): an enabled internal user
 * of the caller's organisation, or an invalid field.
 */
export async function referenceInternalUser(ctx: Ctx, id: string, field: string): Promise<repo.UserRow> {
  const message = 'Choose an active user of your organisation.';
  const u = userPolicy.reference(ctx.actor, 'reference', await repo.findUser(ctx.db, ctx.actor.orgId, id), field, message);
  if (u.disabledAt || u.role === 'vendor_contact') throw AppError.invalid(field, message);
  return u;
}

/** A user id named inside a body as a vendor's contact: an enabled contact of that vendor in the caller's organisation, or an invalid field. */
export async function referenceVendorContact(ctx: Ctx, id: string, vendorId: string, field: string): Promise<repo.UserRow> {
  const message = "Choose an active contact of this engagement's vendor.";
  const u = userPolicy.reference(ctx.actor, 'reference', await repo.findUser(ctx.db, ctx.actor.orgId, id), field, message);
  if (u.disabledAt || u.role !== 'vendor_contact' || u.vendorId !== vendorId) throw AppError.invalid(field, message);
  return u;
}

/**
 * Enabled internal users of the organisation whose name or e-mail is among `keys`
 * (case-insensitive), for imports naming people; the caller decides what an ambiguous name means.
 */
export async function internalUsersByNames(ctx: Ctx, keys: readonly string[]): Promise<repo.UserRow[]> {
  userPolicy.check(ctx.actor, 'list');
  const rows = await repo.findUsersByNamesOrEmails(ctx.db, ctx.actor.orgId, [...new Set(keys.map((k) => k.trim().toLowerCase()))]);
  return rows.filter((u) => !u.disabledAt && u.role !== 'vendor_contact');
}

/** Changes a user's name, role, vendor or disabled flag; owners stay in control of owners. */
export async function updateUser(ctx: Ctx, id: string, input: z.output<typeof UserUpdate>): Promise<User> {
  userPolicy.check(ctx.actor, 'update');
  const updated = await change(ctx, async (tx) => {
    const before = userPolicy.authorize(ctx.actor, 'update', await repo.lockUser(tx.db, ctx.actor.orgId, id));
    checkMayChange(ctx.actor, before);
    const role = input.role ?? (before.role as Role);
    if (input.role && input.role !== before.role) checkAssignable(ctx.actor, input.role);
    const vendorId = vendorOfRole(role, input.vendorId !== undefined ? input.vendorId : before.vendorId);
    const disabledAt = input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? ctx.now) : null;
    await checkKeepsAnOwner(before, { role, disabledAt }, input.role ? 'role' : 'disabled', () => repo.countActiveOwners(tx.db, ctx.actor.orgId));
    const after = await repo.updateUser(tx.db, ctx.actor.orgId, id, { name: input.name ?? before.name, role, vendorId, disabledAt, updatedAt: ctx.now });
    // A disabled user, or one whose role changed, signs in again with the new rights.
    if (disabledAt || role !== before.role) await endSessionsOf(tx, id);
    await tx.audit({ action: 'user.update', objectType: 'user', objectId: id, before, after });
    return after;
  });
  return presentUser(updated);
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  vendorId?: string | null;
  /** Only for seeds and test builders that create many users: a hash computed once. */
  passwordHash?: string;
}

/**
 * Creates a user with a password directly (CLI, demo seed, builders); the web uses invitations.
 * An e-mail that already signs in elsewhere becomes a membership of that person here; the
 * person keeps their own password (the one given is used only if they have none).
 */
export async function createUser(ctx: Ctx, input: NewUser): Promise<User> {
  userPolicy.check(ctx.actor, 'create');
  checkAssignable(ctx.actor, input.role);
  if (await repo.findUserByEmail(ctx.db, ctx.actor.orgId, input.email)) throw AppError.invalid('email', EMAIL_TAKEN);
  const vendorId = vendorOfRole(input.role, input.vendorId);
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  const row = await change(ctx, async (tx) => {
    const person = await ensurePerson(tx.db, { email: input.email, passwordHash, now: ctx.now });
    const u = await repo.insertUser(tx.db, { orgId: ctx.actor.orgId, personId: person.id, email: input.email, name: input.name, role: input.role, vendorId });
    await tx.audit({ action: 'user.create', objectType: 'user', objectId: u.id, after: u });
    return u;
  });
  return presentUser(row);
}

/**
 * The owner of an organisation being set up, inside set-up's own change (which audits the
 * organisation with this owner as its actor). No policy: nobody is signed in yet, and
 * set-up's own rules (the first organisation only, the operator's CLI, a trusted seed) decide.
 * An e-mail that already signs in elsewhere keeps its person and password.
 */
export async function insertOwnerOfNewOrg(db: Db, input: { id?: string; orgId: string; email: string; name: string; passwordHash: string | null; now: Date }): Promise<User> {
  const person = await ensurePerson(db, { email: input.email, passwordHash: input.passwordHash, now: input.now });
  return presentUser(await repo.insertUser(db, { id: input.id ?? randomUUID(), orgId: input.orgId, personId: person.id, email: input.email, name: input.name, role: 'owner' }));
}

/** The organisation's longest-standing active owner: who the CLI acts as when nobody is named. */
export async function firstActiveOwner(db: Db, orgId: string): Promise<User | null> {
  const u = await repo.findFirstActiveOwner(db, orgId);
  return u ? presentUser(u) : null;
}

/** How many enabled users the organisation has (vendor contacts included). */
export async function countUsers(ctx: Ctx): Promise<number> {
  userPolicy.check(ctx.actor, 'list');
  return repo.countEnabledUsers(ctx.db, ctx.actor.orgId);
}

/**
 * The vendor contact who answers an assessment sent to `email` for `vendorId`: that
 * vendor's existing contact, or a new one, who signs in through the e-mailed links. Only
 * this organisation's users are looked at (someone of this organisation with that address,
 * not a contact of this vendor, is refused as an invalid field); a person known in other
 * organisations simply gains a membership here, which takes nothing from those. That
 * membership opens by this organisation's e-mailed links only, never with the person's
 * password: whoever chose that password (perhaps another organisation's inviter, holding an
 * invitation link for this address) has not shown they read this mailbox.
 */
export async function vendorContactFor(tx: TxCtx, vendorId: string, email: string, field = 'contactEmail'): Promise<{ id: string; email: string }> {
  const existing = await repo.findUserByEmail(tx.db, tx.actor.orgId, email);
  if (existing) {
    if (existing.role !== 'vendor_contact' || existing.vendorId !== vendorId) {
      throw AppError.invalid(field, 'This e-mail belongs to someone who is not a contact of this vendor.');
    }
    if (existing.disabledAt) throw AppError.invalid(field, 'This vendor contact is disabled.');
    return existing;
  }
  const person = await ensurePerson(tx.db, { email, passwordHash: null, now: tx.now });
  const created = await repo.insertUser(tx.db, { orgId: tx.actor.orgId, personId: person.id, email, name: email.split('@')[0], role: 'vendor_contact', vendorId, opensWithPassword: false });
  await tx.audit({ action: 'user.create', objectType: 'user', objectId: created.id, after: created });
  return created;
}
