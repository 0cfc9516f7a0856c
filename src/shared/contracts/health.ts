import { z } from 'zod';

/** The readiness answer: only ever "ok"; a database that does not answer is a 503 error. */
export const HealthStatus = z.object({ status: z.literal('ok') });
export type HealthStatus = z.infer<typeof HealthStatus>;
