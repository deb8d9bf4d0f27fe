/** One outgoing email. `link` is the single-use URL the mail carries; it is secret and never logged. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  link?: string;
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
