import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

const serialized = new WeakMap<object, string>();

/**
 * A response body that many requests share — the SLA report, kept with its measurement
 * until the next minute — checked against its schema and serialized once, not on every
 * request. Under 50 connections the response schema's check and `JSON.stringify` of the
 * same report were 4–9 % of the server's time (two profiles, docs/PERFORMANCE.md). The value must not change once answered
 * (cached reports never do); the string is the same the route's serializer would write.
 */
export function sharedJson<S extends z.ZodType>(reply: FastifyReply, schema: S, value: z.output<S> & object): FastifyReply {
  let body = serialized.get(value);
  if (body === undefined) {
    body = JSON.stringify(schema.parse(value));
    serialized.set(value, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
}
