import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Without SMTP, the last mails are kept here so a developer can still follow links. */
  readonly outbox: Mail[];
  /** False without SMTP: mails only reach the log, so a reviewer must hand a link over another way. */
  readonly delivers: boolean;
}

/** What a service needs to e-mail a link: the mailer, and the public address links point at. */
export interface MailContext {
  mailer: Mailer;
  baseUrl: string;
}

/**
 * SMTP when configured (OUTSIGHT_SMTP_URL), otherwise a log-only mailer: a fresh
 * install works without a mail server, and links still show up in the log.
 */
export function createMailer(opts: { smtpUrl: string | null; from: string; log: FastifyBaseLogger }): Mailer {
  const outbox: Mail[] = [];
  let transport: Transporter | null = null;
  if (opts.smtpUrl) {
    const url = new URL(opts.smtpUrl);
    transport = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      // A local relay without TLS is common in small installs; upgrade when offered.
      ignoreTLS: url.searchParams.get('tls') === 'off',
    });
  }
  return {
    outbox,
    delivers: transport !== null,
    async send(mail) {
      outbox.push(mail);
      if (outbox.length > 50) outbox.shift();
      if (!transport) {
        opts.log.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'e-mail (no SMTP configured)');
        return;
      }
      await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}
