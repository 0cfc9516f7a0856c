import path from 'node:path';
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  OUTSIGHT_DATA_DIR: z.string().default('./data'),
  OUTSIGHT_DEMO: flag.optional(),
  OUTSIGHT_PUBLIC_URL: z.url().optional(),
  OUTSIGHT_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  OUTSIGHT_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  OUTSIGHT_TRUST_PROXY: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  /** Create the demo organisation when the database is empty. */
  demo: boolean;
  publicUrl: string | null;
  session: { idleMs: number; absoluteMs: number };
  trustProxy: boolean;
  logLevel: string;
}

/** Reads the environment once at start; a bad value stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const database = e.DATABASE_URL
    ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: path.resolve(e.OUTSIGHT_DATA_DIR) } as const);
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    // The demo logins are public, so on a real server the demo is opt-in.
    demo: e.OUTSIGHT_DEMO ?? database.kind === 'pglite',
    publicUrl: e.OUTSIGHT_PUBLIC_URL?.replace(/\/$/, '') ?? null,
    session: { idleMs: e.OUTSIGHT_SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.OUTSIGHT_SESSION_MAX_HOURS * 3_600_000 },
    trustProxy: e.OUTSIGHT_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
  };
}
