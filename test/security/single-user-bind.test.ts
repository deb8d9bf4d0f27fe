/**
 * Single-user mode (no account yet: everyone is the built-in local user) exists only on a loopback bind
 * (issue 11, item 2). The real API entry (api/src/server.ts) and the real `npm run create-admin` CLI, each in
 * its own process, against a fresh database.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LOCAL_USER_ID, User } from '../../core/user/user.entity';
import { createTestDatabase, testServices } from '../harness';

const root = resolve(__dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'atelier-bind-'));
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

interface Outcome {
  /** `ready` when the API reported it listens (then it was stopped), else its exit code. */
  result: 'ready' | number | null;
  url?: string;
  output: string;
}

/** Runs `script` with the test services' environment; an API that reports ready is stopped at once. */
function run(script: string, args: string[], env: Record<string, string>, stdin?: string): Promise<Outcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL: testServices().redisUrl,
      TEMPORAL_ADDRESS: testServices().temporalAddress,
      PORT: '0',
      ATELIER_CLIENT_DIST: '/nonexistent',
      ATELIER_DATA_DIR: scratch,
      ATELIER_SANDBOX_BACKEND: 'e2b',
      LOG_LEVEL: 'error',
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  child.stdin!.end(stdin);
  let ready: string | undefined;
  child.on('message', (m: { type?: string; url?: string }) => {
    if (m.type !== 'ready') return;
    ready = m.url;
    child.kill('SIGTERM');
  });
  return new Promise((done) =>
    child.on('exit', (code) => done(ready ? { result: 'ready', url: ready, output } : { result: code, output })),
  );
}

const api = (host: string, env: Record<string, string> = {}) => run('api/src/server.ts', [], { HOST: host, ...env });
const createAdmin = (args: string[], stdin?: string) => run('api/src/create-admin.ts', args, {}, stdin);
const accounts = () => db.orm.em.fork().find(User, { id: { $ne: LOCAL_USER_ID } });

test('with no account, a loopback bind starts in single-user mode', async () => {
  for (const host of ['127.0.0.1', 'localhost']) {
    const outcome = await api(host);
    expect([host, outcome.result, outcome.output]).toEqual([host, 'ready', '']);
  }
});

test('with no account, a bind that other machines reach (or a public URL) refuses to start and says how to create the admin', async () => {
  for (const [host, env] of [
    ['0.0.0.0', {}],
    ['::', {}],
    ['192.0.2.10', {}],
    ['127.0.0.1', { ATELIER_PUBLIC_URL: 'https://atelier.example.com' }],
  ] as const) {
    const outcome = await api(host, env);
    expect([host, outcome.result]).toEqual([host, 1]);
    expect(outcome.output).toContain('npm run create-admin -- --email');
    expect(outcome.output).not.toMatch(/\n\s+at /);
  }
});

test('create-admin refuses a password on the command line, a weak password and a bad email, with no account made', async () => {
  const onArgv = await createAdmin(['--email', 'root@example.com', '--password', 'a long enough passphrase']);
  expect(onArgv.result).toBe(2);
  expect(onArgv.output).toMatch(/never on the command line/);
  const weak = await createAdmin(['--email', 'root@example.com'], 'short\n');
  expect(weak.result).toBe(2);
  expect(weak.output).toContain('Password must be at least 10 characters');
  const badEmail = await createAdmin(['--email', 'not-an-email'], 'a long enough passphrase\n');
  expect(badEmail.result).toBe(2);
  expect(badEmail.output).toContain('Enter an email address');
  expect(await accounts()).toHaveLength(0);
});

test('after create-admin (password from a file), the same bind starts; a second create-admin is refused', async () => {
  const file = join(scratch, 'password');
  writeFileSync(file, 'a long enough passphrase\n', { mode: 0o600 });
  const created = await createAdmin(['--email', ' Root@Example.com ', '--name', 'Root', '--password-file', file]);
  expect([created.result, created.output]).toEqual([0, expect.stringContaining('root@example.com')]);
  const [admin] = await accounts();
  expect(admin).toMatchObject({ email: 'root@example.com', displayName: 'Root', platformRole: 'admin' });
  expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);

  const outcome = await api('0.0.0.0');
  expect([outcome.result, outcome.output]).toEqual(['ready', '']);

  const again = await createAdmin(['--email', 'other@example.com'], 'a long enough passphrase\n');
  expect(again.result).toBe(2);
  expect(again.output).toMatch(/already exists/);
  expect(await accounts()).toHaveLength(1);
});
