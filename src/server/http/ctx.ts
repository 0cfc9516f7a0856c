import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Ctx, PublicCtx } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import { requireActor } from './access.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  /** Injected so tests can move time (idle timeouts, expiring links). */
  now: () => Date;
  mailer: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The service context of a signed-in request. */
export function ctxOf(request: FastifyRequest): Ctx {
  return { ...publicCtxOf(request), actor: requireActor(request) };
}

export function publicCtxOf(request: FastifyRequest): PublicCtx {
  const d = request.server.deps;
  return { db: d.db, config: d.config, now: d.now(), log: request.log, requestId: request.id };
}
