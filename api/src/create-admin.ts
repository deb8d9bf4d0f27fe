/**
 * Entry point of `npm run create-admin -- --email … [--name …] [--password-file …]`: creates the first account,
 * which becomes the platform admin and takes over the local user's projects, exactly as the first sign-up does.
 * The API refuses to start without an account on a non-loopback bind, so this is how such an install begins.
 * The password comes from a file or stdin (a prompt on a terminal), never from argv, which `ps` shows to
 * every user of the machine.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '../../core/config';
import { createOrm, migrateUp } from '../../core/db/db';
import { parseSignUp } from '../../core/auth/auth-input';
import { anyAccountExists, createAccount } from '../../core/auth/create-account';
import { hashPassword } from '../../core/auth/secrets';
import { ValidationError } from '../../core/shared/domain.errors';

/** Thrown when the command line is wrong or an account already exists; exit code 2, message only. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

const USAGE =
  'Usage: npm run create-admin -- --email you@example.com [--name "Your Name"] [--password-file FILE]\n' +
  'The password is read from FILE, or from stdin (asked for on a terminal).';

function readArgs(argv: string[]): { email: string; name?: string; passwordFile?: string } {
  if (argv.some((a) => a === '--password' || a.startsWith('--password='))) {
    throw new UsageError(
      `A password is never on the command line (other users of this machine can read it). Use --password-file or stdin.\n${USAGE}`,
    );
  }
  let values: { email?: string; name?: string; 'password-file'?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' }, 'password-file': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.email) throw new UsageError(`--email is required.\n${USAGE}`);
  return { email: values.email, name: values.name, passwordFile: values['password-file'] };
}

/** One line, without its line ending: a trailing newline from `echo` or an editor is not part of the password. */
const firstLine = (text: string) => text.split(/\r?\n/)[0] ?? '';

/** Asks on the terminal without echoing what is typed. */
function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) =>
    write(s.startsWith(question) ? question : s.replace(/[^\r\n]/g, ''));
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}

async function readPassword(file: string | undefined): Promise<string> {
  if (file) return firstLine(readFileSync(file, 'utf8'));
  if (process.stdin.isTTY) {
    const password = await prompt('Password (at least 10 characters): ');
    if ((await prompt('Same password again: ')) !== password) throw new UsageError('The two passwords differ.');
    return password;
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return firstLine(text);
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const password = await readPassword(args.passwordFile);
  const input = parseSignUp({ email: args.email, password, displayName: args.name ?? args.email.trim().split('@')[0] });
  const url = z.string().url().safeParse(process.env.DATABASE_URL);
  if (!url.success) throw new ConfigError(['DATABASE_URL: must be a URL such as postgres://user@host:5432/atelier']);
  const orm = await createOrm(url.data);
  try {
    await migrateUp(orm);
    const em = orm.em.fork();
    if (await anyAccountExists(em)) {
      throw new UsageError(
        'An account already exists, so create-admin does nothing: sign up in the web app, and a platform admin can promote you.',
      );
    }
    const passwordHash = await hashPassword(input.password);
    const user = await createAccount(
      em,
      { email: input.email, displayName: input.displayName, passwordHash },
      { ip: null, userAgent: 'create-admin' },
      { action: 'auth.signup', data: { via: 'create-admin' } },
    );
    // createAccount decides "first" under its lock: someone who signed up in between made this a plain user.
    if (user.platformRole !== 'admin') throw new Error(`another account was created meanwhile; ${user.email} is a plain user`);
    process.stdout.write(`Created ${user.email} (${user.displayName}) as the platform admin. Log in with it once the API runs.\n`);
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ValidationError || error instanceof ConfigError) {
    const text = error instanceof ValidationError ? error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('\n') : error.message;
    process.stderr.write(`${text}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(
    `create-admin failed: ${error instanceof Error ? error.message : String(error)}\nCheck that PostgreSQL at DATABASE_URL is running and reachable.\n`,
  );
  process.exitCode = 1;
});
