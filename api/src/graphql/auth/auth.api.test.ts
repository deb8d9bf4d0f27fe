import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createStack, type Stack } from '../../../../test/harness';
import { AuditEvent } from '../../../../core/audit/audit.entity';
import { Session } from '../../../../core/auth/auth.entity';
import { tokenId } from '../../../../core/auth/secrets';
import { Project } from '../../../../core/project/project.entity';
import { LOCAL_USER_ID, User } from '../../../../core/user/user.entity';

/** Accounts over real HTTP, with cookies handled the way a browser would. */
let stack: Stack;
let url: string;
const mailDir = mkdtempSync(join(tmpdir(), 'atelier-auth-mail-'));
/** The mails the embedded mailer wrote (.eml, quoted-printable), oldest first. */
const emails = () =>
  readdirSync(mailDir)
    .sort()
    .map((f) => readFileSync(join(mailDir, f), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='))
    .map((eml) => ({ to: eml.match(/^To: (.*)$/m)![1]!, subject: eml.match(/^Subject: (.*)$/m)![1]!, link: eml.match(/https?:\/\/\S+\?token=[\w-]+/)![0] }));

beforeAll(async () => {
  stack = await createStack({ config: { ATELIER_MAIL_DIR: mailDir } });
  url = await stack.app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await stack?.dispose();
  rmSync(mailDir, { recursive: true, force: true });
});

interface Reply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
  cookie?: string;
  setCookie: string | null;
}

async function gql(query: string, variables: Record<string, unknown> = {}, cookie?: string): Promise<Reply> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const setCookie = res.headers.get('set-cookie');
  const body = (await res.json()) as Reply;
  return { ...body, setCookie, cookie: setCookie?.split(';')[0] };
}

const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { id email platformRole tier emailVerified } }';
const LOG_IN = 'mutation($i: LogInInput!) { logIn(input: $i) { id } }';
const AUTH_STATE = '{ authState { accountsExist viewer { id email } } }';
const password = 'correct horse battery';
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const lastEmail = (to: string, subject: RegExp) => [...emails()].reverse().find((e) => e.to === to && subject.test(e.subject))!;

describe('accounts', () => {
  let ada: { id: string; cookie: string };

  it('runs as the local user until the first account exists', async () => {
    await stack.app.createContext().projects.create(LOCAL_USER_ID, { name: 'Before Accounts', framework: 'express' });
    const state = await gql(AUTH_STATE);
    expect(state.data?.authState).toEqual({ accountsExist: false, viewer: { id: LOCAL_USER_ID, email: 'local@atelier.localhost' } });
    expect((await gql('{ projects { name } }')).data?.projects).toEqual([{ name: 'Before Accounts' }]);
  });

  it('validates sign-up, naming every bad field', async () => {
    const bad = await gql(SIGN_UP, { i: { email: 'nope', password: 'short', displayName: ' ' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((bad.errors?.[0]?.extensions.fieldErrors as { field: string }[]).map((e) => e.field).sort()).toEqual(['displayName', 'email', 'password']);
    expect(bad.setCookie).toBeNull();
  });

  it('makes the first account the platform admin, signs it in with an httpOnly cookie and hands it the local projects', async () => {
    const reply = await gql(SIGN_UP, { i: { email: ' Ada@Example.com ', password, displayName: 'Ada' } });
    expect(reply.data?.signUp).toMatchObject({ email: 'ada@example.com', platformRole: 'admin', tier: 'free', emailVerified: false });
    expect(reply.setCookie).toMatch(/^atelier_session=[\w-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    ada = { id: (reply.data!.signUp as { id: string }).id, cookie: reply.cookie! };

    const stored = await stack.db.orm.em.fork().findOneOrFail(User, { id: ada.id });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await stack.db.orm.em.fork().count(Project, { owner: ada.id })).toBe(1);
    expect((await gql(AUTH_STATE, {}, ada.cookie)).data?.authState).toEqual({ accountsExist: true, viewer: { id: ada.id, email: 'ada@example.com' } });
    expect((await gql(AUTH_STATE)).data?.authState).toEqual({ accountsExist: true, viewer: null });
    expect((await gql('{ projects { name } }')).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a second account with the same email', async () => {
    const again = await gql(SIGN_UP, { i: { email: 'ada@example.com', password, displayName: 'Other' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('keeps each user out of the other one’s private projects, but not out of public ones', async () => {
    const bob = await gql(SIGN_UP, { i: { email: 'bob@example.com', password, displayName: 'Bob' } });
    expect(bob.data?.signUp).toMatchObject({ platformRole: 'user' });
    const create = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }';
    const secret = (await gql(create, { i: { name: 'Secret', framework: 'express' } }, ada.cookie)).data!.createProject as { id: string };
    const open = (await gql(create, { i: { name: 'Open', framework: 'express', visibility: 'public' } }, ada.cookie)).data!.createProject as { id: string };

    const read = (id: string, cookie?: string) => gql('query($id: ID!) { project(id: $id) { name } }', { id }, cookie);
    expect((await read(secret.id, bob.cookie)).data?.project).toBeNull();
    expect((await read(secret.id)).data?.project).toBeNull();
    expect((await read(secret.id, ada.cookie)).data?.project).toEqual({ name: 'Secret' });
    expect((await read(open.id, bob.cookie)).data?.project).toEqual({ name: 'Open' });
    expect((await read(open.id)).data?.project).toEqual({ name: 'Open' });
    const log = await gql('query($id: ID!) { projectEventLog(projectId: $id) { id } }', { id: secret.id }, bob.cookie);
    expect(log.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await gql('{ projects { name } }', {}, bob.cookie)).data?.projects).toEqual([]);
  });

  it('gives one message for a wrong password and an unknown email, and audits both', async () => {
    const wrong = await gql(LOG_IN, { i: { email: 'ada@example.com', password: 'not the password' } });
    const unknown = await gql(LOG_IN, { i: { email: 'nobody@example.com', password } });
    for (const reply of [wrong, unknown]) {
      expect(reply.errors?.[0]).toMatchObject({ message: 'Email or password is incorrect', extensions: { code: 'UNAUTHENTICATED' } });
      expect(reply.setCookie).toBeNull();
    }
    const failures = await stack.db.orm.em.fork().find(AuditEvent, { action: 'auth.login_failed' });
    expect(failures.map((f) => f.target).sort()).toEqual(['ada@example.com', 'nobody@example.com']);
  });

  it('lists sessions, revokes one, and logs out everywhere', async () => {
    const second = (await gql(LOG_IN, { i: { email: 'ada@example.com', password } })).cookie!;
    const sessions = (await gql('{ sessions { id current } }', {}, second)).data!.sessions as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current)!;
    expect(await gql('mutation($id: ID!) { revokeSession(id: $id) }', { id: other.id }, second)).toMatchObject({ data: { revokeSession: true } });
    expect((await gql(AUTH_STATE, {}, ada.cookie)).data?.authState).toMatchObject({ viewer: null });
    ada.cookie = (await gql(LOG_IN, { i: { email: 'ada@example.com', password } })).cookie!;
    const everywhere = await gql('mutation { logOutEverywhere }', {}, second);
    expect(everywhere.setCookie).toMatch(/^atelier_session=; Max-Age=0/);
    for (const cookie of [second, ada.cookie]) expect((await gql(AUTH_STATE, {}, cookie)).data?.authState).toMatchObject({ viewer: null });
    expect(await stack.db.orm.em.fork().count(AuditEvent, { action: 'auth.sessions_revoked', actorId: ada.id })).toBe(1);
  });

  it('resets a password by a single-use emailed link that ends every session', async () => {
    const before = (await gql(LOG_IN, { i: { email: 'ada@example.com', password } })).cookie!;
    expect((await gql('mutation { requestPasswordReset(email: "ghost@example.com") }')).data).toEqual({ requestPasswordReset: true });
    expect((await gql('mutation { requestPasswordReset(email: "ADA@example.com") }')).data).toEqual({ requestPasswordReset: true });
    const token = tokenOf(lastEmail('ada@example.com', /Reset/).link);
    expect(emails().some((e) => e.to === 'ghost@example.com')).toBe(false);

    const reset = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }';
    expect((await gql(reset, { t: token, p: 'short' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await gql(reset, { t: token, p: 'a brand new passphrase' })).data).toEqual({ resetPassword: true });
    expect((await gql(reset, { t: token, p: 'yet another passphrase' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect((await gql(AUTH_STATE, {}, before)).data?.authState).toMatchObject({ viewer: null });
    expect((await gql(LOG_IN, { i: { email: 'ada@example.com', password } })).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await gql(LOG_IN, { i: { email: 'ada@example.com', password: 'a brand new passphrase' } })).cookie).toBeTruthy();
  });

  it('verifies an email address once', async () => {
    const token = tokenOf(lastEmail('bob@example.com', /Confirm/).link);
    const verify = 'mutation($t: String!) { verifyEmail(token: $t) }';
    expect((await gql(verify, { t: token })).data).toEqual({ verifyEmail: true });
    expect((await gql(verify, { t: token })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const bob = await stack.db.orm.em.fork().findOneOrFail(User, { email: 'bob@example.com' });
    expect(bob.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it('replaces a day-old session token on the next request, keeping the sign-in time', async () => {
    const first = (await gql(LOG_IN, { i: { email: 'bob@example.com', password } })).cookie!;
    const em = stack.db.orm.em.fork();
    const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
    await em.nativeUpdate(Session, { id: tokenId(first.split('=')[1]!) }, { issuedAt: dayAgo, createdAt: dayAgo });

    const rotated = await gql(AUTH_STATE, {}, first);
    expect(rotated.data?.authState).toMatchObject({ viewer: { email: 'bob@example.com' } });
    expect(rotated.setCookie).toMatch(/^atelier_session=[\w-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    const second = rotated.cookie!;
    expect(second).not.toBe(first);
    expect((await gql(AUTH_STATE, {}, second)).setCookie).toBeNull(); // fresh token: no further rotation
    const next = await em.fork().findOneOrFail(Session, { id: tokenId(second.split('=')[1]!) });
    expect(next.createdAt.getTime()).toBe(dayAgo.getTime());

    // The old token keeps working for in-flight requests, then stops.
    expect((await gql(AUTH_STATE, {}, first)).data?.authState).toMatchObject({ viewer: { email: 'bob@example.com' } });
    await em.fork().nativeUpdate(Session, { id: tokenId(first.split('=')[1]!) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await gql(AUTH_STATE, {}, first)).data?.authState).toMatchObject({ viewer: null });
    expect((await gql(AUTH_STATE, {}, second)).data?.authState).toMatchObject({ viewer: { email: 'bob@example.com' } });
  });

  it('refuses a WebSocket opened from another site', async () => {
    const ws = url.replace('http', 'ws') + '/graphql';
    const closeCode = (origin?: string) =>
      new Promise<number | string>((resolve) => {
        const socket = new WebSocket(ws, 'graphql-transport-ws', origin ? { headers: { origin } } : {});
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
        socket.on('message', (m) => JSON.parse(String(m)).type === 'connection_ack' && socket.close(1000));
        socket.on('close', (code) => resolve(code));
        // Another site's upgrade is refused before the socket opens (http/host-guard.ts).
        socket.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      });
    expect(await closeCode('https://evil.example')).toBe('refused 403');
    expect(await closeCode(new URL(url).origin)).toBe(1000);
  });
});
