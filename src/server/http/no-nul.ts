import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NUL_MESSAGE } from '../../shared/contracts/common.ts';
import { AppError } from './app-error.ts';

/** The first string field holding U+0000, by its path ("name", "tags.2"), or null. */
export function findNul(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  // Only parsed JSON is walked: a raw upload's body is the request stream itself, whose
  // object graph (socket, server, every connection) is no text field and is huge to walk.
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // A key can carry one too (a record of priority names).
    if (k.includes('\u0000')) return (path ? `${path}.${k}` : k).split('\u0000').join('\\0');
    const found = findNul(v, path ? `${path}.${k}` : k, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL anywhere in a route's parameters, query
 * (other than an `:id`, which is simply not found) or JSON body is refused before the route runs, naming the field: the shared contract
 * helpers (`text()`, `requiredText()`, `queryText()`) refuse it too, and this covers every
 * field written as a plain `z.string()`. Raw uploads (files) are not text fields and pass.
 */
export function refuseNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    // A malformed `:id` names no object the caller can see: parseId answers 404 for it.
    const { id: _id, ...params } = (request.params ?? {}) as Record<string, unknown>;
    const field = findNul(params) ?? findNul(request.query) ?? findNul(request.body);
    if (field) throw AppError.invalid(field, NUL_MESSAGE);
  });
}
