import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import type { App } from '../../http/types.ts';

export function registerHealthRoutes(app: App) {
  app.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'Ready when the database answers', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async (request) => {
      try {
        await request.server.deps.db.execute(sql`SELECT 1`);
      } catch {
        throw new AppError('unavailable', 'The database does not answer.');
      }
      return { status: 'ok' as const };
    },
  );
}
