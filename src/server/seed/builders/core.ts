import { randomUUID } from 'node:crypto';
import { EngagementInput, type Engagement } from '../../../shared/contracts/engagements.ts';
import { ROLES, type Role } from '../../../shared/contracts/auth.ts';
import type { User } from '../../../shared/contracts/users.ts';
import { VendorInput, type Vendor } from '../../../shared/contracts/vendors.ts';
import type { Config } from '../../config.ts';
import type { Actor, Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { hashPassword, startSession } from '../../modules/auth/auth.public.ts';
import { createEngagement } from '../../modules/engagements/engagements.public.ts';
import { createOrgWithOwner } from '../../modules/setup/setup.public.ts';
import { createToken } from '../../modules/tokens/tokens.public.ts';
import { createInvitation, createUser } from '../../modules/users/users.public.ts';
import { createVendor } from '../../modules/vendors/vendors.public.ts';
import { silentLog } from './silent-log.ts';

/**
 * Builders: one per entity (`anOrg`, `aVendor`, `anEngagement`, …), used by the API
 * tests, the browser tests and the demo seed alike. Each creates its object through the
 * same services the API uses — so through the same policies and audit trail — and, unless
 * given an organisation, in a *new* one: every test gets another tenant to leak into.
 */

/** What builders need to reach the services. */
export interface World {
  db: Db;
  config: Config;
  /** The clock the objects are created at (tests move it). */
  now?: () => Date;
}

export const BUILDER_PASSWORD = 'correct horse battery';
let sharedHash: Promise<string> | null = null;
/** argon2 is slow by design; builders hash the shared password once per process. */
const builderHash = () => (sharedHash ??= hashPassword(BUILDER_PASSWORD));

export interface OrgHandle {
  world: World;
  orgId: string;
  name: string;
  owner: User;
  /** A service context acting as `user` (default: the owner). */
  ctx(user?: User): Ctx;
}

const uniq = () => randomUUID().slice(0, 8);

export function actorOf(user: User, orgId: string): Actor {
  return { userId: user.id, orgId, role: user.role, vendorId: user.vendorId, email: user.email, name: user.name, via: 'session', sessionId: null, csrfToken: null };
}

function handle(world: World, orgId: string, name: string, owner: User): OrgHandle {
  return {
    world,
    orgId,
    name,
    owner,
    ctx: (user = owner) => ({ db: world.db, config: world.config, now: world.now?.() ?? new Date(), log: silentLog, requestId: 'builder', actor: actorOf(user, orgId) }),
  };
}

const isOrg = (on: World | OrgHandle): on is OrgHandle => 'orgId' in on;
/** The organisation to build in: the one given, or a new one. */
export const orgOf = async (on: World | OrgHandle): Promise<OrgHandle> => (isOrg(on) ? on : anOrg(on));

/** A new organisation with its owner. */
export async function anOrg(world: World, o: { name?: string; ownerEmail?: string; ownerName?: string; password?: string; isDemo?: boolean } = {}): Promise<OrgHandle> {
  const tag = uniq();
  const password = o.password ?? BUILDER_PASSWORD;
  const { org, owner } = await createOrgWithOwner(
    world.db,
    {
      orgName: o.name ?? `Org ${tag}`,
      name: o.ownerName ?? `Owner ${tag}`,
      email: o.ownerEmail ?? `owner.${tag}@test.outsight.test`,
      password,
      passwordHash: password === BUILDER_PASSWORD ? await builderHash() : undefined,
      isDemo: o.isDemo,
    },
    { requestId: 'builder', via: 'session' },
  );
  return handle(world, org.id, org.name, owner);
}

/** A user of an organisation; a vendor contact needs `vendorId`. */
export async function aUser(on: World | OrgHandle, o: { role?: Role; email?: string; name?: string; vendorId?: string | null; password?: string } = {}): Promise<User> {
  const org = await orgOf(on);
  const role = o.role ?? 'analyst';
  const tag = uniq();
  const password = o.password ?? BUILDER_PASSWORD;
  return createUser(org.ctx(), {
    email: o.email ?? `${role}.${tag}@test.outsight.test`,
    name: o.name ?? `${role} ${tag}`,
    role,
    password,
    passwordHash: password === BUILDER_PASSWORD ? await builderHash() : undefined,
    vendorId: o.vendorId ?? null,
  });
}

/** An open invitation (an analyst, unless told otherwise) sent by `by` (default: the owner), with its one-time token. */
export async function anInvitation(
  on: World | OrgHandle,
  o: { email?: string; role?: Role; vendorId?: string | null; by?: User } = {},
): Promise<{ id: string; token: string; email: string }> {
  const org = await orgOf(on);
  const role = o.role ?? 'analyst';
  const inv = await createInvitation(org.ctx(o.by), { email: o.email ?? `invited.${uniq()}@test.outsight.test`, role, vendorId: o.vendorId ?? null });
  return { id: inv.id, token: inv.token, email: inv.email };
}

/** An API token of `user` (default: the owner), with its secret. */
export async function anApiToken(on: World | OrgHandle, o: { user?: User; name?: string; expiresInDays?: number | null } = {}): Promise<{ id: string; token: string }> {
  const org = await orgOf(on);
  const created = await createToken(org.ctx(o.user), { name: o.name ?? `Token ${uniq()}`, expiresInDays: o.expiresInDays ?? null });
  return { id: created.id, token: created.token };
}

/** A vendor (a SaaS provider, active, tier 2, unless told otherwise). */
export async function aVendor(on: World | OrgHandle, o: Partial<VendorInput> = {}): Promise<Vendor> {
  const org = await orgOf(on);
  return createVendor(org.ctx(), VendorInput.parse({ name: `Vendor ${uniq()}`, kind: 'saas', status: 'active', tier: 2, dataAccess: 'internal', ...o }));
}

/** An engagement of `vendorId`, or of a new vendor. */
export async function anEngagement(on: World | OrgHandle, o: Partial<EngagementInput> = {}): Promise<Engagement> {
  const org = await orgOf(on);
  const vendorId = o.vendorId ?? (await aVendor(org)).id;
  return createEngagement(org.ctx(), EngagementInput.parse({ name: `Service ${uniq()}`, serviceType: 'service_desk', criticality: 'high', status: 'active', ...o, vendorId }));
}

/** A signed-in session of `user`, as the browser holds it: the cookie secret and its CSRF token. */
export async function aSession(world: World, user: User & { orgId: string }, at = new Date()): Promise<{ secret: string; csrfToken: string }> {
  const { secret, me } = await startSession({ db: world.db, config: world.config, now: at, log: silentLog, requestId: 'builder' }, user);
  return { secret, csrfToken: me.csrfToken ?? '' };
}

/** One user per role — the shape every authorization test needs. */
export async function oneOfEachRole(org: OrgHandle, vendorId: string): Promise<Record<Role, User>> {
  const users = { owner: org.owner } as Record<Role, User>;
  for (const role of ROLES) {
    if (role !== 'owner') users[role] = await aUser(org, { role, vendorId: role === 'vendor_contact' ? vendorId : null });
  }
  return users;
}
