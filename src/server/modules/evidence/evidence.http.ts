import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../../http/types.ts';
import type { UploadedFile } from './evidence.service.ts';

/**
 * The HTTP side of evidence files, shared by every module with an upload or download
 * route (due diligence, the portal). Uploads send the file itself as the body and its
 * metadata in the query string, so the file streams to disk under the size cap without
 * a multipart parser buffering it.
 */
export async function withRawBody(app: App, register: (scope: App) => void): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    register(scope);
  });
}

/** The request's body as an upload: the stream, the name the client gave, and the size it declared. */
export function uploadedFile(req: FastifyRequest, name: string): UploadedFile {
  const n = Number(req.headers['content-length']);
  return { name, stream: req.body as Readable, declaredBytes: Number.isFinite(n) ? n : null };
}

export async function sendFile(reply: FastifyReply, f: { stream: Readable; size: number; contentType: string; disposition: string }) {
  reply.header('content-type', f.contentType).header('content-disposition', f.disposition).header('content-length', f.size);
  return reply.send(f.stream);
}
