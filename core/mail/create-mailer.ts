import { join, resolve } from 'node:path';
import { createEmlMailer } from './eml-mailer';
import type { MailLogger, Mailer } from './mailer';
import { createSmtpMailer } from './smtp-mailer';

/** SMTP when `SMTP_URL` is set; otherwise `.eml` files in `ATELIER_MAIL_DIR`. */
export function createMailer(
  config: { SMTP_URL?: string; ATELIER_MAIL_DIR: string; ATELIER_MAIL_FROM?: string },
  logger: MailLogger,
): Mailer {
  return config.SMTP_URL
    ? createSmtpMailer({ url: config.SMTP_URL, logger, from: config.ATELIER_MAIL_FROM })
    : createEmlMailer({ dir: config.ATELIER_MAIL_DIR, logger, from: config.ATELIER_MAIL_FROM });
}

/** `ATELIER_MAIL_DIR`, else `mail/` in the data folder the launcher shares with the API. */
export function mailDir(config: { ATELIER_MAIL_DIR?: string; ATELIER_DATA_DIR?: string }): string {
  return config.ATELIER_MAIL_DIR ?? join(config.ATELIER_DATA_DIR ?? resolve(__dirname, '../../.data'), 'mail');
}
