import type { FastifyRequest } from 'fastify';
import type { MailContext } from '../mail/mailer.ts';

/** Links in e-mails point at OUTSIGHT_PUBLIC_URL, or at the address the request came to. */
export function mailContextOf(req: FastifyRequest): MailContext {
  const d = req.server.deps;
  return { mailer: d.mailer, baseUrl: d.config.publicUrl ?? `${req.protocol}://${req.host}` };
}
