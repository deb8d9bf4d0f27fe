/**
 * Behind a TLS-terminating proxy (issue 11, item 11): with ATELIER_TRUST_PROXY, every session cookie the API
 * sets (GraphQL sign-up and log-in, log-out, the daily rotation, the OAuth callback) is `Secure` when the proxy
 * says the browser used https (`X-Forwarded-Proto: https`). Without ATELIER_TRUST_PROXY that header is a
 * client's claim and is ignored. Real HTTP, a fake GitHub at its wire format.
 */
import { Session } from '../../core/auth/auth.entity';
import { FAKE_CLIENTS, startFakeOAuthServer, type FakeOAuthServer } from '../fixtures/fake-oauth-server';
import { createStack, type Stack } from '../harness';

let fake: FakeOAuthServer;
let proxied: { stack: Stack; url: string };
let direct: { stack: Stack; url: string };
const HTTPS = { 'x-forwarded-proto': 'https' };

async function start(trustProxy?: string): Promise<{ stack: Stack; url: string }> {
  const stack = await createStack({
    trustProxy,
    config: {
      ATELIER_SESSION_SECRET: 'a test secret that is at least 32 characters long',
      GITHUB_CLIENT_ID: FAKE_CLIENTS.github.id,
      GITHUB_CLIENT_SECRET: FAKE_CLIENTS.github.secret,
      GITHUB_OAUTH_BASE_URL: `${fake.url}/github`,
      GITHUB_API_BASE_URL: `${fake.url}/github-api`,
    },
  });
  return { stack, url: await stack.app.listen(0, '127.0.0.1') };
}

beforeAll(async () => {
  fake = await startFakeOAuthServer();
  proxied = await start('loopback');
  direct = await start(undefined);
});
afterAll(async () => {
  await proxied?.stack.dispose();
  await direct?.stack.dispose();
  await fake?.close();
});

/** The Set-Cookie line for `name`, if the response set it. */
const setCookie = (res: Response, name = 'atelier_session') => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
const isSecure = (line: string | undefined) => (line ?? '').split(/;\s*/).some((a) => a.toLowerCase() === 'secure');

function gql(base: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}
const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { id } }';
const LOG_IN = 'mutation($i: LogInInput!) { logIn(input: $i) { id } }';
const PASSWORD = 'a long enough passphrase';

test('trusted proxy + X-Forwarded-Proto: https → Secure on sign-up, log-in, log-out and rotation; plain http → not', async () => {
  const { url } = proxied;
  const signedUp = await gql(url, SIGN_UP, { i: { email: 'proxy-user@example.com', password: PASSWORD, displayName: 'P' } }, HTTPS);
  expect(isSecure(setCookie(signedUp))).toBe(true);

  const overHttps = await gql(url, LOG_IN, { i: { email: 'proxy-user@example.com', password: PASSWORD } }, HTTPS);
  const overHttp = await gql(url, LOG_IN, { i: { email: 'proxy-user@example.com', password: PASSWORD } });
  expect([isSecure(setCookie(overHttps)), isSecure(setCookie(overHttp))]).toEqual([true, false]);
  const cookie = setCookie(overHttps)!.split(';')[0]!;

  // A day-old token is replaced on the next HTTP request: the replacement must be Secure too.
  await proxied.stack.db.orm.em.fork().nativeUpdate(Session, {}, { issuedAt: new Date(Date.now() - 2 * 24 * 3600_000) });
  const rotated = await gql(url, '{ authState { viewer { id } } }', {}, { ...HTTPS, cookie });
  expect(setCookie(rotated)).toBeDefined();
  expect(isSecure(setCookie(rotated))).toBe(true);

  const loggedOut = await gql(url, 'mutation { logOut }', {}, { ...HTTPS, cookie: setCookie(rotated)!.split(';')[0]! });
  expect(setCookie(loggedOut)).toMatch(/^atelier_session=;/);
  expect(isSecure(setCookie(loggedOut))).toBe(true);
});

test('trusted proxy + X-Forwarded-Proto: https → the OAuth state and session cookies are Secure', async () => {
  fake.github = { id: 4242, login: 'proxied', name: 'Proxied', emails: [{ email: 'proxied@example.com', primary: true, verified: true }] };
  const begin = await fetch(`${proxied.url}/auth/oauth/github/start`, { redirect: 'manual', headers: HTTPS });
  expect(isSecure(setCookie(begin, 'atelier_oauth'))).toBe(true);
  const consent = await fetch(begin.headers.get('location')!, { redirect: 'manual' });
  const callback = await fetch(consent.headers.get('location')!, {
    redirect: 'manual',
    headers: { ...HTTPS, cookie: setCookie(begin, 'atelier_oauth')!.split(';')[0]! },
  });
  expect(callback.status).toBe(302);
  expect(setCookie(callback)).toMatch(/^atelier_session=[\w-]{43};/);
  expect(isSecure(setCookie(callback))).toBe(true);
});

test('without ATELIER_TRUST_PROXY, X-Forwarded-Proto from a client is ignored', async () => {
  const signedUp = await gql(direct.url, SIGN_UP, { i: { email: 'direct-user@example.com', password: PASSWORD, displayName: 'D' } }, HTTPS);
  expect(setCookie(signedUp)).toBeDefined();
  expect(isSecure(setCookie(signedUp))).toBe(false);
  const loggedIn = await gql(direct.url, LOG_IN, { i: { email: 'direct-user@example.com', password: PASSWORD } }, HTTPS);
  expect(isSecure(setCookie(loggedIn))).toBe(false);
});
