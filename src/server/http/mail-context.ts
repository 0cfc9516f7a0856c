import type { FastifyRequest } from 'fastify';
import type { MailContext } from '../mail/mailer.ts';

/** Links in e-mails start with the configured public URL, never with the request's Host header. */
export function mailContextOf(req: FastifyRequest): MailContext {
  const d = req.server.deps;
  return { mailer: d.mailer, baseUrl: d.config.publicUrl };
}
