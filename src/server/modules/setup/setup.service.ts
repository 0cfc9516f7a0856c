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

/**
 * Creates the first organisation and its owner in one transaction (never an organisation
 * without an owner); refused once any organisation exists. Used by the first visit in
 * the browser and by `outsight users create --org-name`.
 */
export async function createFirstOrg(
  db: Db,
  input: { orgName: string; name: string; email: string; password: string },
  opts: { requestId: string | null; via: 'session' | 'token' },
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if (!(await needsSetup(tx))) throw new AppError('conflict', 'Outsight is already set up. Sign in instead.');
    const org = await insertOrg(tx, { name: input.orgName });
    const owner = await insertUser(tx, { orgId: org.id, email: input.email, name: input.name, passwordHash, role: 'owner' });
    const actor = { userId: owner.id, orgId: org.id, name: owner.name, email: owner.email, via: opts.via };
    await recordAudit(tx, { actor, requestId: opts.requestId }, { action: 'org.create', objectType: 'org', objectId: org.id, after: org });
    return { org, owner };
  });
}

/** The browser's first visit: create the organisation and sign its owner in. */
export async function setupFirstOrg(
  ctx: PublicCtx,
  input: { orgName: string; name: string; email: string; password: string },
): Promise<{ secret: string; me: Me }> {
  const { owner } = await createFirstOrg(ctx.db, input, { requestId: ctx.requestId, via: 'session' });
  return startSession(ctx, owner);
}
