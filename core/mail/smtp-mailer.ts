import { createTransport } from 'nodemailer';
import { DEFAULT_MAIL_FROM, mailKeyId, type MailLogger, type Mailer } from './mailer';

/** Sends through an SMTP server, `smtp://user:pass@host:587` or `smtps://…:465` (nodemailer's URL form). */
export function createSmtpMailer(options: { url: string; logger: MailLogger; from?: string }): Mailer {
  const transport = createTransport(options.url);
  const host = new URL(options.url).host;
  return {
    async send({ to, subject, text, key }) {
      // SMTP has no idempotency: a keyed mail resent after a crash keeps its Message-ID, so clients thread it as one.
      const messageId = key ? `<${mailKeyId(key)}@atelier>` : undefined;
      const info = await transport.sendMail({ from: options.from ?? DEFAULT_MAIL_FROM, to, subject, text, messageId });
      options.logger.info({ host, messageId: info.messageId }, 'mail sent');
    },
  };
}
