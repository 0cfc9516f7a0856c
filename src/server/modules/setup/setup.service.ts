import { sql } from 'drizzle-orm';
import type { Me } from '../../../shared/contracts/auth.ts';
import type { PublicCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { countOrgs, insertOrg } from '../org/org.repo.ts';
import { insertUser } from '../users/users.repo.ts';
import { AppError } from '../../http/app-error.ts';
import { recordAudit } from '../audit/record.ts';
import { startSession } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/secrets.ts';

export async function needsSetup(db: Db): Promise<boolean> {
  return (await countOrgs(db)) === 0;
}

/** Same key in every process: concurrent first visitors and CLI runs are serialised. */
const SETUP_LOCK_KEY = 7_024_311_906;

export interface NewOrg {
  orgName: string;
  name: string;
  email: string;
  password: string;
  /** Only for seeds and test builders that create many users: a hash computed once. */
  passwordHash?: string;
  isDemo?: boolean;
}

/**
 * Creates an organisation and its owner in one transaction (never an organisation
 * without an owner). `firstOnly` refuses once any organisation exists: the first visit
 * in the browser and `outsight users create --org-name`.
 */
export async function createOrgWithOwner(db: Db, input: NewOrg, opts: { requestId: string | null; via: 'session' | 'token'; firstOnly?: boolean }) {
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  return db.transaction(async (tx) => {
    if (opts.firstOnly) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
      if (!(await needsSetup(tx))) throw new AppError('conflict', 'Outsight is already set up. Sign in instead.');
    }
    const org = await insertOrg(tx, { name: input.orgName, isDemo: input.isDemo ?? false });
    const owner = await insertUser(tx, { orgId: org.id, email: input.email, name: input.name, passwordHash, role: 'owner' });
    const actor = { userId: owner.id, orgId: org.id, name: owner.name, email: owner.email, via: opts.via };
    await recordAudit(tx, { actor, requestId: opts.requestId }, { action: 'org.create', objectType: 'org', objectId: org.id, after: org });
    return { org, owner };
  });
}

/** The first organisation, refused once any exists. */
export function createFirstOrg(db: Db, input: NewOrg, opts: { requestId: string | null; via: 'session' | 'token' }) {
  return createOrgWithOwner(db, input, { ...opts, firstOnly: true });
}

/** The browser's first visit: create the organisation and sign its owner in. */
export async function setupFirstOrg(
  ctx: PublicCtx,
  input: { orgName: string; name: string; email: string; password: string },
): Promise<{ secret: string; me: Me }> {
  const { owner } = await createFirstOrg(ctx.db, input, { requestId: ctx.requestId, via: 'session' });
  return startSession(ctx, owner);
}
