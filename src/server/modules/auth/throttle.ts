import type { Db } from '../../db/client.ts';
import * as repo from './security.repo.ts';

/**
 * How many attempts a key gets in a window, and how long it is locked when it runs out;
 * every lockout within a day lasts twice as long as the one before (capped).
 */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
  firstLockMs: number;
  maxLockMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Per account: 5 attempts, then 5, 10, 20, 40 … up to 60 minutes locked. */
export const ACCOUNT_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE, firstLockMs: 5 * MINUTE, maxLockMs: 60 * MINUTE };
/** Per network address, a coarse cap against password spraying (a whole office may share one address). */
export const ADDRESS_RULE: ThrottleRule = { limit: 100, windowMs: 15 * MINUTE, firstLockMs: 15 * MINUTE, maxLockMs: 60 * MINUTE };
/** Per user, for authenticator and recovery codes. */
export const CODE_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE, firstLockMs: 5 * MINUTE, maxLockMs: 60 * MINUTE };

export type Taken = { allowed: true; lockedNow: boolean } | { allowed: false; lockedUntil: Date };

/**
 * Takes one attempt from a key *before* the secret is checked, under the key's row lock.
 * The attempt that uses up the limit locks the key at once, so parallel attempts beyond
 * the limit are refused without being checked; a success gives the attempt back
 * (`succeeded`). At most `limit` checks thus happen per window and lockout.
 */
export function takeAttempt(db: Db, key: string, rule: ThrottleRule, now: Date): Promise<Taken> {
  return repo.withThrottleLocked<Taken>(db, key, now, (row) => {
    const t = now.getTime();
    if (row.lockedUntil && row.lockedUntil.getTime() > t) return { next: {}, result: { allowed: false, lockedUntil: row.lockedUntil } };
    const fresh = row.windowStartedAt.getTime() <= t - rule.windowMs;
    let attempts = (fresh ? 0 : row.attempts) + 1;
    let windowStartedAt = fresh ? now : row.windowStartedAt;
    let lockouts = row.lastAt.getTime() <= t - DAY ? 0 : row.lockouts;
    let lockedUntil: Date | null = null;
    if (attempts >= rule.limit) {
      lockouts += 1;
      lockedUntil = new Date(t + Math.min(rule.firstLockMs * 2 ** (lockouts - 1), rule.maxLockMs));
      attempts = 0;
      windowStartedAt = now;
    }
    return { next: { attempts, windowStartedAt, lockouts, lockedUntil, lastAt: now }, result: { allowed: true, lockedNow: lockedUntil !== null } };
  });
}

/** The secret was right: the key starts afresh (an account) or gets its attempt back (an address). */
export async function succeeded(db: Db, key: string, kind: 'clear' | 'refund'): Promise<void> {
  if (kind === 'clear') await repo.clearThrottle(db, key);
  else await repo.refundThrottle(db, key);
}

/** "5 minutes", "1 hour": how long until a lock ends, rounded up to the minute. */
export function waitInWords(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
  if (minutes >= 60 && minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;
export const codeKey = (userId: string) => `code:${userId}`;
