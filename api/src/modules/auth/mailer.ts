import type { Logger } from 'pino';

/** Outgoing email. Production plugs in SMTP or a provider; development prints to the log. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string; link: string }): Promise<void>;
}

/** Development mailer: the message, link included, goes to the API log. */
export function createLogMailer(logger: Logger): Mailer {
  return {
    async send({ to, subject, link }) {
      logger.info({ to, subject, link }, `email to ${to}: ${subject} ${link}`);
    },
  };
}
