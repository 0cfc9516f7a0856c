import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sharedJson } from '../../src/server/http/shared-json.ts';

const Body = z.object({ name: z.string(), count: z.number() });

async function appAnswering(value: () => object) {
  const app = Fastify();
  app.get('/x', (_req, reply) => sharedJson(reply, Body, value() as z.output<typeof Body>));
  await app.ready();
  return app;
}

describe('sharedJson: a shared response body serialized once', () => {
  it('answers JSON checked by the schema: a field the schema does not name is not sent', async () => {
    const app = await appAnswering(() => ({ name: 'report', count: 3, internalNote: 'not for the client' }));
    const res = await app.inject({ url: '/x' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual({ name: 'report', count: 3 });
  });

  it('refuses a value the schema rejects, rather than sending it unchecked', async () => {
    const app = await appAnswering(() => ({ name: 'report', count: 'three' }));
    const res = await app.inject({ url: '/x' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('three');
  });

  it('serializes one object once: the same object answers the same body; another object is serialized anew', async () => {
    const shared = { name: 'a', count: 1 };
    let current: object = shared;
    const app = await appAnswering(() => current);
    const first = (await app.inject({ url: '/x' })).body;
    // Kept by object: a change to an answered object is not seen (cached reports never change).
    shared.count = 99;
    expect((await app.inject({ url: '/x' })).body).toBe(first);
    expect(JSON.parse(first)).toEqual({ name: 'a', count: 1 });
    current = { name: 'b', count: 2 };
    expect((await app.inject({ url: '/x' })).json()).toEqual({ name: 'b', count: 2 });
  });
});
