import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { graphqlOver, type Gql } from '../graphql-http';
import { createStack, type Stack } from '../harness';

/** Issue 11, item 4: reset and verification links go to mail (an .eml file or SMTP), never to the log. */
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];
let mailDir: string;
const logLines: string[] = [];

beforeAll(async () => {
  mailDir = join(await mkdtemp(join(tmpdir(), 'atelier-mail-')), 'mail');
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  stack = await createStack({ logger, config: { ATELIER_MAIL_DIR: mailDir } });
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(async () => {
  await stack?.dispose();
  await rm(join(mailDir, '..'), { recursive: true, force: true });
});

/** The text of an .eml body as a reader sees it (nodemailer writes quoted-printable). */
const decodeQp = (eml: string) =>
  eml.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
async function mails(): Promise<{ file: string; mode: number; text: string }[]> {
  const files = (await readdir(mailDir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (f) => ({
      file: join(mailDir, f),
      mode: (await stat(join(mailDir, f))).mode & 0o777,
      text: decodeQp(await readFile(join(mailDir, f), 'utf8')),
    })),
  );
}
const linkIn = (text: string, path: string) => text.match(new RegExp(`https?://\\S+${path}\\?token=[\\w-]+`))?.[0];

it('a reset link goes to an .eml file (0600, folder 0700), and the log says only where', async () => {
  await signUp('Mae');
  const before = (await mails()).length;
  const reply = await gql(undefined, 'mutation { requestPasswordReset(email: "mae@example.com") }');
  expect(reply.data).toEqual({ requestPasswordReset: true });

  const written = (await mails()).slice(before);
  expect(written).toHaveLength(1);
  const link = linkIn(written[0]!.text, '/reset-password');
  expect(link).toBeDefined();
  expect(written[0]!.text).toMatch(/^To: mae@example\.com$/m);
  expect(written[0]!.mode).toBe(0o600);
  expect((await stat(mailDir)).mode & 0o777).toBe(0o700);

  const token = new URL(link!).searchParams.get('token')!;
  const log = logLines.join('');
  expect(log).not.toContain(token);
  expect(log).toContain(written[0]!.file);
});

it('resends the verification mail to a signed-in user, once a minute, with typed errors', async () => {
  const kit = await signUp('Kit');
  const signUpMail = (await mails()).at(-1)!;
  expect(linkIn(signUpMail.text, '/verify-email')).toBeDefined();

  const resend = 'mutation { resendVerificationEmail }';
  expect((await gql(undefined, resend)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  // Just after sign-up the first mail counts against the window.
  expect((await gql(kit.cookie, resend)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
  await stack.redis.del(`mail:verify:{${kit.id}}`);
  expect((await gql(kit.cookie, resend)).data).toEqual({ resendVerificationEmail: true });
  const link = linkIn((await mails()).at(-1)!.text, '/verify-email')!;
  expect(link).not.toBe(linkIn(signUpMail.text, '/verify-email'));
  expect(logLines.join('')).not.toContain(new URL(link).searchParams.get('token')!);

  expect(
    (await gql(undefined, 'mutation($t: String!) { verifyEmail(token: $t) }', { t: new URL(link).searchParams.get('token') })).data,
  ).toEqual({ verifyEmail: true });
  await stack.redis.del(`mail:verify:{${kit.id}}`);
  expect((await gql(kit.cookie, resend)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
});

/** Just enough SMTP (RFC 5321, no extensions) to accept one message and keep it. */
function fakeSmtp(): Promise<{ server: Server; port: number; received: Promise<{ from: string; to: string; data: string }> }> {
  return new Promise((resolveServer) => {
    let deliver: (m: { from: string; to: string; data: string }) => void;
    const received = new Promise<{ from: string; to: string; data: string }>((r) => (deliver = r));
    const server = createServer((socket) => {
      let buffer = '';
      let inData = false;
      const envelope = { from: '', to: '', data: '' };
      socket.write('220 fake ESMTP\r\n');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        for (;;) {
          if (inData) {
            const end = buffer.indexOf('\r\n.\r\n');
            if (end < 0) return;
            envelope.data = buffer.slice(0, end);
            buffer = buffer.slice(end + 5);
            inData = false;
            socket.write('250 2.0.0 queued\r\n');
            deliver(envelope);
            continue;
          }
          const eol = buffer.indexOf('\r\n');
          if (eol < 0) return;
          const line = buffer.slice(0, eol);
          buffer = buffer.slice(eol + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'MAIL') envelope.from = line;
          if (verb === 'RCPT') envelope.to = line;
          if (verb === 'DATA') inData = true;
          if (verb === 'QUIT') socket.end('221 bye\r\n');
          else socket.write(verb === 'DATA' ? '354 go ahead\r\n' : '250 ok\r\n');
        }
      });
    });
    server.listen(0, '127.0.0.1', () => resolveServer({ server, port: (server.address() as { port: number }).port, received }));
  });
}

it('with SMTP_URL, the mail goes to the SMTP server and not to disk or the log', async () => {
  const smtp = await fakeSmtp();
  const smtpLog: string[] = [];
  const dir = join(mailDir, '..', 'unused');
  const other = await createStack({
    logger: pino({ level: 'debug' }, { write: (line: string) => void smtpLog.push(line) }),
    config: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, ATELIER_MAIL_DIR: dir },
  });
  try {
    const api = graphqlOver(await other.app.listen(0, '127.0.0.1'));
    await api.signUp('Sol');
    const timeout = new Promise<never>((_r, reject) =>
      setTimeout(() => reject(new Error('no message reached the SMTP server')), 10_000).unref(),
    );
    const message = await Promise.race([smtp.received, timeout]);
    expect(message.to).toBe('RCPT TO:<sol@example.com>');
    const link = linkIn(decodeQp(message.data), '/verify-email');
    expect(link).toBeDefined();
    expect(smtpLog.join('')).not.toContain(new URL(link!).searchParams.get('token')!);
    expect(smtpLog.join('')).toContain('mail sent');
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  } finally {
    await other.dispose();
    smtp.server.close();
  }
});
