import type { Db } from '../../db/client.ts';
import { pruneSignInFailuresAcrossOrgs } from './auth.repo.ts';
import { pruneThrottlesAcrossOrgs } from './security.repo.ts';

const DAY = 86_400_000;

/**
 * Drops sign-in records that can no longer decide anything: every throttle window and
 * lockout is at most an hour (throttle.ts) and the portal's "send me a new link" limit
 * counts the last hour, so a day-old record is history, not protection. Without this the
 * tables grow with every failed sign-in for ever. Safe on several servers at once: a
 * delete of rows nobody reads.
 */
export async function pruneSignInRecords(db: Db, now: Date): Promise<void> {
  const before = new Date(now.getTime() - DAY);
  await pruneSignInFailuresAcrossOrgs(db, before);
  await pruneThrottlesAcrossOrgs(db, before);
}
