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
  OUTSIGHT_TRUST_PROXY: z.string().default('0'),
  OUTSIGHT_SECRET_KEY: z.string().optional(),
  OUTSIGHT_SMTP_URL: z.string().optional(),
  OUTSIGHT_MAIL_FROM: z.string().default('Outsight <outsight@localhost>'),
  OUTSIGHT_FILES_DIR: z.string().optional(),
  OUTSIGHT_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(25),
  OUTSIGHT_VENDOR_UPLOAD_QUOTA_MB: z.coerce.number().int().min(1).max(1_048_576).default(500),
  OUTSIGHT_MAX_UNPACKED_MB: z.coerce.number().int().min(1).max(1_048_576).default(4096),
  OUTSIGHT_JOBS: flag.default(true),
  OUTSIGHT_SLA_TICKETS_KEPT: z.coerce.number().int().min(1_000).max(100_000_000).default(2_000_000),
  OUTSIGHT_SLA_WRITE_BEHIND_FROM: z.coerce.number().int().min(1).max(1_000_000_000).default(20_000),
  OUTSIGHT_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  OUTSIGHT_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string; statementTimeoutMs: number; connectTimeoutMs: number } | { kind: 'pglite'; dataDir: string };
  /** Create the demo organisation when the database is empty. */
  demo: boolean;
  /**
   * Where people reach this server: every link in an e-mail or an answer starts here, never
   * with the request's Host header (which anyone can forge). OUTSIGHT_PUBLIC_URL, or
   * derived once at start from HOST and PORT (`publicUrlDerived` then says so).
   */
  publicUrl: string;
  publicUrlDerived: boolean;
  session: { idleMs: number; absoluteMs: number };
  /**
   * Which proxies in front may name the client's address (X-Forwarded-For): false (none),
   * a number of hops, or the proxies' addresses/CIDR ranges. Never "all".
   */
  trustProxy: false | number | string[];
  /** Encrypts secrets at rest (authenticator secrets); without it a key kept in the database is used. */
  secretKey: string | null;
  logLevel: string;
  /** smtp://user:pass@host:port (smtps:// for TLS); without it e-mails are only logged. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Uploaded evidence lives here under generated names, outside any served folder. */
  filesDir: string;
  maxUploadBytes: number;
  /** What all contacts of one vendor may upload together through the portal (the client's own uploads do not count). */
  vendorUploadQuotaBytes: number;
  /**
   * How large a compressed import (a gzip upload, the parts of an .xlsx workbook) may grow
   * when unpacked; past it the import stops and answers 413 (a "zip bomb" never fills memory or CPU).
   */
  maxUnpackedBytes: number;
  /** Run the reminder job in this process (turn off on all but one server if you like; it is safe either way). */
  jobs: boolean;
  /**
   * The SLA module's memory ceiling, in tickets: at most this many loaded tickets are kept
   * between reads, and twice as many evaluations (an engagement measured in this minute
   * and the last). `docs/PERFORMANCE.md` gives the bytes per ticket measured.
   */
  slaTicketsKept: number;
  /**
   * From how many tickets an engagement measured whole is answered from its verdicts held in
   * memory while they are stored, rather than after (`src/server/modules/sla/sla.verdicts.ts`).
   */
  slaWriteBehindFrom: number;
}

/** http://<HOST>:<PORT>, with a wildcard address read as this machine. */
export function derivedPublicUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
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
    ? ({ kind: 'postgres', url: e.DATABASE_URL, statementTimeoutMs: e.OUTSIGHT_DB_STATEMENT_TIMEOUT_MS, connectTimeoutMs: e.OUTSIGHT_DB_CONNECT_TIMEOUT_MS } as const)
    : ({ kind: 'pglite', dataDir: path.resolve(e.OUTSIGHT_DATA_DIR) } as const);
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    // The demo logins are public, so on a real server the demo is opt-in.
    demo: e.OUTSIGHT_DEMO ?? database.kind === 'pglite',
    publicUrl: e.OUTSIGHT_PUBLIC_URL?.replace(/\/$/, '') ?? derivedPublicUrl(e.HOST, e.PORT),
    publicUrlDerived: e.OUTSIGHT_PUBLIC_URL === undefined,
    session: { idleMs: e.OUTSIGHT_SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.OUTSIGHT_SESSION_MAX_HOURS * 3_600_000 },
    trustProxy: parseTrustProxy(e.OUTSIGHT_TRUST_PROXY),
    secretKey: e.OUTSIGHT_SECRET_KEY || null,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.OUTSIGHT_SMTP_URL ?? null,
    mailFrom: e.OUTSIGHT_MAIL_FROM,
    filesDir: path.resolve(e.OUTSIGHT_FILES_DIR ?? (database.kind === 'pglite' ? `${database.dataDir}-files` : './outsight-files')),
    maxUploadBytes: e.OUTSIGHT_MAX_UPLOAD_MB * 1024 * 1024,
    vendorUploadQuotaBytes: e.OUTSIGHT_VENDOR_UPLOAD_QUOTA_MB * 1024 * 1024,
    maxUnpackedBytes: e.OUTSIGHT_MAX_UNPACKED_MB * 1024 * 1024,
    jobs: e.OUTSIGHT_JOBS,
    slaTicketsKept: e.OUTSIGHT_SLA_TICKETS_KEPT,
    slaWriteBehindFrom: e.OUTSIGHT_SLA_WRITE_BEHIND_FROM,
  };
}

/**
 * OUTSIGHT_TRUST_PROXY: "0"/"false" trusts no proxy; a number trusts that many hops
 * ("true" means 1, the usual single reverse proxy); otherwise a comma-separated list of
 * proxy addresses or CIDR ranges. Trusting every hop would let a client forge its address.
 */
export function parseTrustProxy(v: string): false | number | string[] {
  const s = v.trim().toLowerCase();
  if (s === '' || s === '0' || s === 'false') return false;
  if (s === 'true') return 1;
  if (/^\d+$/.test(s)) return Number(s);
  const list = s.split(',').map((x) => x.trim()).filter(Boolean);
  if (!list.every((x) => /^[0-9a-f.:]+(\/\d{1,3})?$/.test(x))) {
    throw new Error(`Invalid configuration:\n  OUTSIGHT_TRUST_PROXY: expected 0, a number of proxy hops, or a comma-separated list of proxy addresses (got "${v}")`);
  }
  return list;
}
