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

/** Creates the first organisation and its owner; refused once any organisation exists. */
export async function setupFirstOrg(
  ctx: PublicCtx,
  input: { orgName: string; name: string; email: string; password: string },
): Promise<{ secret: string; me: Me }> {
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction(async (tx) => {
    // Two first visitors at once: the lock makes the second one see the first's org.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7024311906)`);
    if (!(await needsSetup(tx))) throw new AppError('conflict', 'Outsight is already set up. Sign in instead.');
    const org = await insertOrg(tx, { name: input.orgName });
    const owner = await insertUser(tx, { orgId: org.id, email: input.email, name: input.name, passwordHash, role: 'owner' });
    const actor = { userId: owner.id, orgId: org.id, name: owner.name, email: owner.email, via: 'session' as const };
    await recordAudit(tx, { actor, requestId: ctx.requestId }, {
      action: 'org.create',
      objectType: 'org',
      objectId: org.id,
      after: org,
    });
    return owner;
  });
  return startSession(ctx, user);
}
