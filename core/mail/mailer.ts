import { createHash } from 'node:crypto';
/** One outgoing email. `link` is the single-use URL the mail carries; it is secret and never logged. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  link?: string;
  /**
   * Makes sending idempotent: a second send with the same key writes no second `.eml` file, and over SMTP the
   * Message-ID derives from it (`<sha256@atelier>`) so a resend after a crash is recognisable as the same mail.
   */
  key?: string;
}

/** Outgoing email: SMTP (`smtp-mailer.ts`) or, by default, `.eml` files on disk (`eml-mailer.ts`). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** What a mailer logs through: only where a mail went, never its body or link. */
export interface MailLogger {
  info(obj: object, msg: string): void;
}

/** The From header of every mail unless configured. */
export const DEFAULT_MAIL_FROM = 'Atelier <no-reply@atelier.localhost>';

/** The Message-ID and file stem of a keyed mail: a hash, so the key (which may name accounts) is not exposed. */
export function mailKeyId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
