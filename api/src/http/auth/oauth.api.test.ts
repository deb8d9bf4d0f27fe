import { createApp } from '../../app';
import { createStack, silentLogger, type Stack } from '../../../../test/harness';
import { AuditEvent } from '../../../../core/audit/audit.entity';
import { Project } from '../../../../core/project/project.entity';
import { LOCAL_USER_ID, User } from '../../../../core/user/user.entity';
import { FAKE_CLIENTS, startFakeOAuthServer, type FakeOAuthServer } from '../../../../test/fixtures/fake-oauth-server';
import { OAuthIdentity } from '../../../../core/auth/oauth/oauth-identity.entity';

/** OAuth sign-in over real HTTP against a fake GitHub and a fake Google speaking their wire formats. */
let fake: FakeOAuthServer;
let stack: Stack;
let url: string;

beforeAll(async () => {
  fake = await startFakeOAuthServer();
  stack = await createStack({
    config: {
      ATELIER_SESSION_SECRET: 'a test secret that is at least 32 characters long',
      GITHUB_CLIENT_ID: FAKE_CLIENTS.github.id,
      GITHUB_CLIENT_SECRET: FAKE_CLIENTS.github.secret,
      GITHUB_OAUTH_BASE_URL: `${fake.url}/github`,
      GITHUB_API_BASE_URL: `${fake.url}/github-api`,
      GOOGLE_CLIENT_ID: FAKE_CLIENTS.google.id,
      GOOGLE_CLIENT_SECRET: FAKE_CLIENTS.google.secret,
      GOOGLE_OIDC_ISSUER: `${fake.url}/google`,
    },
  });
  url = await stack.app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await stack?.dispose();
  await fake?.close();
});

const cookieNamed = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));

interface Attempt {
  returnUrl?: string;
  /** Changes the authorize URL before the "browser" follows it. */
  editAuthorize?: (url: URL) => void;
  /** Changes the callback URL, or the state cookie sent with it. */
  editCallback?: (url: URL) => void;
  editStateCookie?: (cookie: string) => string | undefined;
}

/** start → provider → callback, with redirects followed by hand as a browser would; returns the last hop. */
async function signIn(provider: 'github' | 'google', attempt: Attempt = {}): Promise<{ location: string; session?: string; stateCookie: string }> {
  const query = attempt.returnUrl === undefined ? '' : `?returnUrl=${encodeURIComponent(attempt.returnUrl)}`;
  const start = await fetch(`${url}/auth/oauth/${provider}/start${query}`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const stateSetCookie = cookieNamed(start, 'atelier_oauth')!;
  expect(stateSetCookie).toMatch(/; Max-Age=600; Path=\/auth\/oauth; HttpOnly; SameSite=Lax$/);
  const authorize = new URL(start.headers.get('location')!);
  attempt.editAuthorize?.(authorize);
  const consent = await fetch(authorize, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const callbackUrl = new URL(consent.headers.get('location')!);
  attempt.editCallback?.(callbackUrl);
  const stateCookie = stateSetCookie.split(';')[0]!;
  const sent = attempt.editStateCookie ? attempt.editStateCookie(stateCookie) : stateCookie;
  const callback = await fetch(callbackUrl, { redirect: 'manual', headers: sent ? { cookie: sent } : {} });
  expect(callback.status).toBe(302);
  expect(cookieNamed(callback, 'atelier_oauth')).toMatch(/^atelier_oauth=; Max-Age=0/);
  return { location: callback.headers.get('location')!, session: cookieNamed(callback, 'atelier_session')?.split(';')[0], stateCookie };
}

/** The replies the tests below read. */
interface Reply {
  data?: { authState?: { viewer: { id: string } | null } & Record<string, unknown>; signUp?: { id: string; platformRole: string }; logIn?: { id: string } };
  errors?: { message: string }[];
  /** `atelier_session=…` when the reply signed someone in. */
  cookie?: string;
}

async function gql(query: string, cookie?: string, base = url): Promise<Reply> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query }) });
  return { ...((await res.json()) as Reply), cookie: res.headers.get('set-cookie')?.split(';')[0] };
}
const AUTH_STATE = '{ authState { accountsExist oauthProviders viewer { id email displayName platformRole emailVerified } } }';
const em = () => stack.db.orm.em.fork();
const octocat = { id: 583231, login: 'octocat', name: 'The Octocat', emails: [{ email: 'octo@example.com', primary: true, verified: true }] };

describe('OAuth sign-in', () => {
  let octocatId: string;

  it('offers the configured providers', async () => {
    expect((await gql(AUTH_STATE)).data?.authState).toMatchObject({ accountsExist: false, oauthProviders: ['github', 'google'] });
  });

  it('signs the first account in with GitHub, makes it the admin and hands it the local projects', async () => {
    await stack.app.createContext().projects.create(LOCAL_USER_ID, { name: 'Before OAuth', framework: 'express' });
    fake.github = octocat;
    const { location, session } = await signIn('github', { returnUrl: '/projects/abc?tab=files' });
    expect(location).toBe('/projects/abc?tab=files');
    expect(session).toMatch(/^atelier_session=[\w-]{43}$/);
    const state = (await gql(AUTH_STATE, session)).data?.authState;
    expect(state).toMatchObject({ accountsExist: true, viewer: { email: 'octo@example.com', displayName: 'The Octocat', platformRole: 'admin', emailVerified: true } });
    octocatId = state!.viewer!.id;
    const user = await em().findOneOrFail(User, { id: octocatId });
    expect(user.passwordHash).toBeNull();
    expect(await em().count(Project, { owner: octocatId })).toBe(1);
    expect(await em().count(AuditEvent, { action: 'auth.oauth_login', actorId: octocatId })).toBe(1);
    // Signed out visitors now need an account: OAuth-only users count as accounts.
    expect((await gql(AUTH_STATE)).data?.authState).toMatchObject({ accountsExist: true, viewer: null });
  });

  it('signs the same GitHub account in again as the same user, even after its email changed', async () => {
    fake.github = { ...octocat, emails: [{ email: 'renamed@example.com', primary: true, verified: true }] };
    const { location, session } = await signIn('github');
    expect(location).toBe('/projects');
    expect((await gql(AUTH_STATE, session)).data?.authState?.viewer?.id).toBe(octocatId);
    expect(await em().count(OAuthIdentity, { provider: 'github' })).toBe(1);
  });

  it('refuses a password log-in for an OAuth-only account with the usual message', async () => {
    const reply = await gql('mutation { logIn(input: { email: "octo@example.com", password: "anything at all" }) { id } }');
    expect(reply.errors?.[0]?.message).toBe('Email or password is incorrect');
  });

  it('links a Google account to the password account with the same verified email', async () => {
    const signUp = await gql('mutation { signUp(input: { email: "ada@example.com", password: "correct horse battery", displayName: "Ada" }) { id platformRole } }');
    const ada = signUp.data!.signUp!;
    expect(ada.platformRole).toBe('user');
    await em().nativeUpdate(User, { id: ada.id }, { emailVerifiedAt: new Date() }); // as if she followed the emailed link
    fake.google = { sub: 'google-ada', email: 'Ada@Example.com', email_verified: true, name: 'Ada L.' };
    const { session } = await signIn('google', { returnUrl: '/teams' });
    const state = (await gql(AUTH_STATE, session)).data?.authState;
    expect(state?.viewer).toMatchObject({ id: ada.id, displayName: 'Ada', platformRole: 'user', emailVerified: true });
    expect(await em().findOneOrFail(OAuthIdentity, { provider: 'google', providerUserId: 'google-ada' })).toMatchObject({ email: 'ada@example.com' });
    const password = await gql('mutation { logIn(input: { email: "ada@example.com", password: "correct horse battery" }) { id } }');
    expect(password.data?.logIn).toEqual({ id: ada.id });
  });

  it('hands an unconfirmed password account to the provider-verified owner of its address', async () => {
    const squatter = await gql('mutation { signUp(input: { email: "grace@example.com", password: "squatters password", displayName: "Not Grace" }) { id } }');
    const squatterSession = squatter.cookie!;
    fake.google = { sub: 'google-grace', email: 'grace@example.com', email_verified: true, name: 'Grace' };
    const { session } = await signIn('google');
    expect((await gql(AUTH_STATE, session)).data?.authState?.viewer).toMatchObject({ id: squatter.data!.signUp!.id, emailVerified: true });
    expect((await gql(AUTH_STATE, squatterSession)).data?.authState?.viewer).toBeNull();
    const password = await gql('mutation { logIn(input: { email: "grace@example.com", password: "squatters password" }) { id } }');
    expect(password.errors?.[0]?.message).toBe('Email or password is incorrect');
  });

  it('refuses a Google account whose email is not verified', async () => {
    fake.google = { sub: 'google-eve', email: 'eve@example.com', email_verified: false, name: 'Eve' };
    expect(await signIn('google')).toMatchObject({ location: '/log-in?error=unverified_email', session: undefined });
    expect(await em().count(User, { email: 'eve@example.com' })).toBe(0);
  });

  it('refuses a GitHub account without a verified primary email', async () => {
    fake.github = { id: 1, login: 'nomail', name: null, emails: [{ email: 'nomail@example.com', primary: true, verified: false }] };
    expect(await signIn('github')).toMatchObject({ location: '/log-in?error=unverified_email', session: undefined });
  });

  it('refuses a tampered or missing state, and an id token with another nonce', async () => {
    fake.github = octocat;
    const tampered = await signIn('github', { editCallback: (u) => u.searchParams.set('state', 'forged') });
    const noCookie = await signIn('github', { editStateCookie: () => undefined });
    const forgedCookie = await signIn('github', { editStateCookie: (c) => `${c.slice(0, -4)}AAAA` });
    fake.google = { sub: 'google-ada', email: 'ada@example.com', email_verified: true, name: 'Ada' };
    const replayedNonce = await signIn('google', { editAuthorize: (u) => u.searchParams.set('nonce', 'another-nonce') });
    for (const attempt of [tampered, noCookie, forgedCookie, replayedNonce]) expect(attempt).toMatchObject({ location: '/log-in?error=invalid_state', session: undefined });
  });

  it('fails when the PKCE verifier does not match the challenge the provider saw', async () => {
    for (const provider of ['github', 'google'] as const) {
      fake.refusals.length = 0;
      const attempt = await signIn(provider, { editAuthorize: (u) => u.searchParams.set('code_challenge', 'not-the-real-challenge') });
      expect(attempt).toMatchObject({ location: '/log-in?error=provider_error', session: undefined });
      expect(fake.refusals).toEqual(['pkce_mismatch']);
    }
  });

  it('reports a denied consent', async () => {
    fake.denyConsent = true;
    expect(await signIn('google')).toMatchObject({ location: '/log-in?error=access_denied', session: undefined });
  });

  it('returns only to paths on this site', async () => {
    fake.github = octocat;
    for (const returnUrl of ['//evil.com', '/\\evil.com', 'https://evil.com/', '/\t/evil.com']) {
      expect((await signIn('github', { returnUrl })).location).toBe('/projects');
    }
  });

  it('answers an unknown provider with a readable 404', async () => {
    const res = await fetch(`${url}/auth/oauth/myspace/start`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Signing in with myspace is not enabled on this server' } });
  });
});

describe('OAuth not configured', () => {
  it('offers no providers and refuses to start', async () => {
    const app = await createApp({
      config: { ATELIER_CLIENT_DIST: '/nonexistent', TEMPORAL_TASK_QUEUE: stack.taskQueue },
      orm: stack.db.orm,
      redis: stack.redis,
      temporal: stack.temporal,
      logger: silentLogger,
    });
    try {
      const base = await app.listen(0, '127.0.0.1');
      expect((await gql('{ authState { oauthProviders } }', undefined, base)).data?.authState).toEqual({ oauthProviders: [] });
      for (const provider of ['github', 'google']) {
        const res = await fetch(`${base}/auth/oauth/${provider}/start?returnUrl=/projects`, { redirect: 'manual' });
        expect(res.status).toBe(404);
        expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: `Signing in with ${provider} is not enabled on this server` } });
      }
    } finally {
      await app.close();
    }
  });
});
