import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorFromSession } from '../modules/auth/auth.public.ts';
import { actorFromToken } from '../modules/tokens/tokens.public.ts';
import { publicCtxOf } from './ctx.ts';

export const SESSION_COOKIE = 'outsight_session';

/** onRequest: turns a session cookie or a bearer token into `request.actor` (or null). */
export async function authenticate(request: FastifyRequest, _reply: FastifyReply) {
  request.actor = null;
  // Static files and the SPA need no database round trip.
  if (!request.url.startsWith('/api/')) return;
  const config = request.routeOptions.config;
  if (config?.noSession && config.access === 'public') return;
  const ctx = publicCtxOf(request);
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    request.actor = await actorFromToken(ctx, auth.slice(7).trim());
    return;
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (secret) request.actor = await actorFromSession(ctx, secret);
}
