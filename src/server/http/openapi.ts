import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { App } from './types.ts';

/** The OpenAPI document is generated from the same zod contracts the routes validate with. */
export async function registerOpenApi(app: App) {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Outsight API',
        version: '1',
        description:
          'Oversight for outsourced IT. Authenticate with a session cookie (POST /api/v1/auth/login; send X-CSRF-Token on changes) ' +
          'or with `Authorization: Bearer <API token>`. Errors are `{"error":{"code","message","details","requestId"}}`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Named (recursive) schemas, such as a questionnaire's conditions, become components the routes refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
