import type { HealthStatus } from '../../../shared/contracts/health.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import * as repo from './health.repo.ts';

// Readiness is public (load balancers ask it), so there is no policy; and nothing to
// present beyond "ok".

/** Ready when the database answers; a 503 otherwise, so a balancer takes the instance out. */
export async function checkHealth(db: Db): Promise<HealthStatus> {
  try {
    await repo.pingDatabase(db);
  } catch {
    throw new AppError('unavailable', 'The database does not answer.');
  }
  return { status: 'ok' };
}
