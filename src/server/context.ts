import type { FastifyBaseLogger } from 'fastify';
import type { Role } from '../shared/contracts/auth.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';

/** Who is acting: a signed-in user (session) or a script (API token). */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  vendorId: string | null;
  email: string;
  name: string;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
}

/** What every service receives. No DI container: plain data, built per request. */
export interface Ctx {
  db: Db;
  actor: Actor;
  now: Date;
  log: FastifyBaseLogger;
  requestId: string | null;
  config: Config;
}

/** Services that run before anyone is signed in (login, setup, invitations). */
export type PublicCtx = Omit<Ctx, 'actor'>;
