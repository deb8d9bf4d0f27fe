import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { DEFAULT_MAIL_FROM, type MailLogger, type Mailer } from './mailer';

/**
 * The embedded default: each mail becomes an `.eml` file (open it with any mail client) in `dir`. The files
 * hold live reset and verification links, so the folder is 0700 and each file 0600, and the log names only
 * the file.
 */
export function createEmlMailer(options: { dir: string; logger: MailLogger; from?: string }): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let ready: Promise<void> | undefined;
  const ensureDir = async () => {
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    // mkdir leaves an existing folder's mode alone.
    await chmod(options.dir, 0o700);
  };
  return {
    async send({ to, subject, text }) {
      ready ??= ensureDir().catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      const info = await transport.sendMail({ from: options.from ?? DEFAULT_MAIL_FROM, to, subject, text });
      const file = join(options.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600, flag: 'wx' });
      options.logger.info({ file }, 'mail written');
    },
  };
}
