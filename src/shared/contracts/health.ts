import { z } from 'zod';

/** Liveness: the server process answers. It does not ask the database, so it stays "ok" while the database is away. */
export const HealthStatus = z.object({ status: z.literal('ok') });
export type HealthStatus = z.infer<typeof HealthStatus>;

/** Readiness: the database answers too. A database that does not answer is a 503 `database_unavailable`. */
export const ReadyStatus = z.object({ status: z.literal('ready') });
export type ReadyStatus = z.infer<typeof ReadyStatus>;
