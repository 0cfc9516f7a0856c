import type { HealthStatus, ReadyStatus } from '../../../shared/contracts/health.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import * as repo from './health.repo.ts';

// Health is public (load balancers and orchestrators ask it), so there is no policy; and
// nothing to present beyond the status.

/** Liveness ("up"): the process answers; the database is not asked, so a database outage does not get the process restarted. */
export function checkLiveness(): HealthStatus {
  return { status: 'ok' };
}

/** Readiness: the database answers within a few seconds; a 503 otherwise, so a balancer takes the instance out until it is back. */
export async function checkReadiness(db: Db, timeoutMs = 3_000): Promise<ReadyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    await Promise.race([repo.pingDatabase(db), late]);
  } catch {
    throw new AppError('database_unavailable', 'The database does not answer; try again in a minute.');
  } finally {
    clearTimeout(timer);
  }
  return { status: 'ready' };
}

/** For other modules: whether the database answers now. */
export async function checkHealth(db: Db): Promise<ReadyStatus> {
  return checkReadiness(db);
}
