import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleCan, type Permission } from '../../shared/permissions.ts';
import type { Actor } from '../context.ts';
import { AppError } from './app-error.ts';

/**
 * Every route declares who may call it in `config.access`; a route without it fails at
 * start-up (see app.ts), and the authorization matrix test reads the same declarations.
 * - 'public': no sign-in (health, login, invitation acceptance)
 * - 'signed-in': any signed-in user, whatever the role
 * - a Permission: the role table in src/shared/permissions.ts
 */
export type Access = 'public' | 'signed-in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * A public route that answers from memory and never needs to know who asks: the
     * session or token is not looked up, so it answers even while the embedded database
     * is busy with one long transaction (a running import's progress).
     */
    noSession?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** preHandler: authentication, CSRF for cookie sessions, then the route's permission. */
export async function enforceAccess(request: FastifyRequest, _reply: FastifyReply) {
  // Static files of the web UI are public; only API routes carry access rules.
  if (!request.url.startsWith('/api/')) return;
  const access = request.routeOptions.config.access;
  if (access === undefined) {
    // Unknown URLs reach the not-found handler without config; anything else is a bug.
    if (request.routeOptions.url === undefined) return;
    throw new AppError('internal', 'Route has no access rule');
  }
  if (access === 'public') return;
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  if (actor.via === 'session' && UNSAFE.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || header !== actor.csrfToken) {
      throw new AppError('csrf_failed', 'The request is missing its CSRF token. Reload the page and try again.');
    }
  }
  if (access !== 'signed-in' && !roleCan(actor.role, access)) throw AppError.forbidden();
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first.');
  return request.actor;
}
