import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { DEFAULT_MAIL_FROM, mailKeyId, type MailLogger, type Mailer } from './mailer';

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
    async send({ to, subject, text, key }) {
      ready ??= ensureDir().catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      const id = key ? mailKeyId(key) : null;
      const info = await transport.sendMail({ from: options.from ?? DEFAULT_MAIL_FROM, to, subject, text, ...(id ? { messageId: `<${id}@atelier>` } : {}) });
      // A keyed mail has a fixed name: `wx` refuses to write it twice, so a retried send is a no-op.
      const file = join(options.dir, id ? `keyed-${id}.eml` : `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
      try {
        await writeFile(file, info.message as Buffer, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if (id && (error as NodeJS.ErrnoException).code === 'EEXIST') {
          options.logger.info({ file }, 'mail already written');
          return;
        }
        throw error;
      }
      options.logger.info({ file }, 'mail written');
    },
  };
}
