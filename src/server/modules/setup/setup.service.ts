import { randomUUID } from 'node:crypto';
import type { Me, SetupRequest } from '../../../shared/contracts/auth.ts';
import type { Org } from '../../../shared/contracts/org.ts';
import type { User } from '../../../shared/contracts/users.ts';
import type { z } from 'zod';
import type { PublicCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { changeAs } from '../audit/audit.public.ts';
import { checkPasswordPolicy, hashPassword, personExists, personHasPassword, startSession } from '../auth/auth.public.ts';
import { insertNewOrg, installationHasOrgs } from '../org/org.public.ts';
import { insertOwnerOfNewOrg } from '../users/users.public.ts';
import * as repo from './setup.repo.ts';

// Set-up runs before anyone is signed in, so it has no policy: the first organisation is
// for whoever comes first (once), and further ones only for trusted callers (the demo
// seed, test builders), which reach it through setup.public.ts and no route.

export async function needsSetup(db: Db): Promise<boolean> {
  return !(await installationHasOrgs(db));
}

export interface NewOrg {
  orgName: string;
  name: string;
  email: string;
  /** Needed only when the owner's e-mail does not sign in yet: an existing person keeps their own. */
  password?: string;
  /** Only for seeds and test builders that create many users: a hash computed once. */
  passwordHash?: string;
  isDemo?: boolean;
}

/**
 * Creates an organisation and its owner in one change (never an organisation without an
 * owner), audited with the new owner as its actor. `firstOnly` refuses once any
 * organisation exists: the first visit in the browser and `outsight users create --org-name`.
 * Without it, the operator's `outsight orgs create`, the demo seed and test builders. An
 * owner whose e-mail already signs in (in another organisation) becomes a member with the
 * password they have; a new one needs `password`.
 */
export async function createOrgWithOwner(
  db: Db,
  input: NewOrg,
  opts: { requestId: string | null; via: 'session' | 'token'; firstOnly?: boolean; now?: Date },
): Promise<{ org: Org; owner: User; ownerIsNew: boolean }> {
  const passwordHash = input.passwordHash ?? (input.password !== undefined ? await hashPassword(input.password) : null);
  const ownerIsNew = !(await personExists(db, input.email));
  // The owner is the change's actor, so both ids are chosen before the rows exist.
  const orgId = randomUUID();
  const ownerId = randomUUID();
  const actor = { userId: ownerId, orgId, name: input.name, email: input.email, via: opts.via };
  return changeAs(db, actor, opts.requestId, async (tx, audit) => {
    if (opts.firstOnly) {
      await repo.lockSetupAcrossOrgs(tx);
      if (await installationHasOrgs(tx)) throw new AppError('conflict', 'Outsight is already set up. Sign in instead.');
    }
    const org = await insertNewOrg(tx, { id: orgId, name: input.orgName, isDemo: input.isDemo ?? false });
    const owner = await insertOwnerOfNewOrg(tx, { id: ownerId, orgId, email: input.email, name: input.name, passwordHash, now: opts.now ?? new Date() });
    if (!(await personHasPassword(tx, input.email))) throw AppError.invalid('password', 'The owner is new here: choose a password for them (10 or more characters).');
    await audit({ action: 'org.create', objectType: 'org', objectId: orgId, after: org });
    return { org: { id: org.id, name: org.name }, owner, ownerIsNew };
  });
}

/** The first organisation, refused once any exists. */
export function createFirstOrg(db: Db, input: NewOrg & { password: string }, opts: { requestId: string | null; via: 'session' | 'token' }) {
  return createOrgWithOwner(db, input, { ...opts, firstOnly: true });
}

/** The browser's first visit: create the organisation and sign its owner in. */
export async function setupFirstOrg(ctx: PublicCtx, input: z.output<typeof SetupRequest>): Promise<{ secret: string; me: Me }> {
  await checkPasswordPolicy(input.password, 'password', [input.email, input.name, input.orgName]);
  const { org, owner } = await createOrgWithOwner(ctx.db, input, { requestId: ctx.requestId, via: 'session', firstOnly: true, now: ctx.now });
  return startSession(ctx, { ...owner, orgId: org.id });
}
