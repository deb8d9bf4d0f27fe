import { randomUUID } from 'node:crypto';
import { DEFAULT_LIMITS } from '../../../../core/limits/tiers';
import { createStack, type Stack } from '../../../../test/harness';

/**
 * Brute-force windows over real HTTP with the shipped limits: log-in, sign-up and reset share one per client IP;
 * log-in also has one per account (normalised email), so an attacker spreading guesses over many addresses
 * still gets 10 per 15 minutes per account.
 */
let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await createStack({ limits: DEFAULT_LIMITS, trustProxy: 'true' });
  url = await stack.app.listen(0, '127.0.0.1');
});
afterAll(() => stack?.dispose());

// Random addresses in the IPv6 documentation range and random emails, so reruns against the same Redis start fresh.
const address = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
const email = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.com`;
const PASSWORD = 'the right passphrase';

interface Reply {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

async function call(ip: string, query: string, i: Record<string, unknown>): Promise<Reply> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query, variables: { i } }),
  });
  return (await res.json()) as Reply;
}
const logIn = (ip: string, account: string, password = 'wrong password here') =>
  call(ip, 'mutation($i: LogInInput!) { logIn(input: $i) { id } }', { email: account, password });
const signUp = async (account: string) => {
  const reply = await call(address(), 'mutation($i: SignUpInput!) { signUp(input: $i) { id } }', {
    email: account,
    password: PASSWORD,
    displayName: 'Someone',
  });
  expect(reply.errors).toBeUndefined();
};
const codeOf = (reply: Reply) => reply.errors?.[0]?.extensions.code ?? (reply.data?.logIn ? 'OK' : undefined);

it(`refuses attempt ${DEFAULT_LIMITS.ip.auth.limit + 1} from one IP with RATE_LIMIT_EXCEEDED and retryAfter, and only that IP`, async () => {
  const attacker = address();
  const bystander = address();

  for (let i = 0; i < DEFAULT_LIMITS.ip.auth.limit; i++) {
    expect(codeOf(await logIn(attacker, email('ada')))).toBe('UNAUTHENTICATED');
  }
  const refused = (await logIn(attacker, email('ada'))).errors?.[0]?.extensions;
  expect(refused).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', kind: 'auth', remaining: 0 });
  expect(refused?.retryAfter).toBeGreaterThan(0);
  expect(refused?.retryAfter).toBeLessThanOrEqual(DEFAULT_LIMITS.ip.auth.windowMs / 1000);
  expect(codeOf(await logIn(bystander, email('ada')))).toBe('UNAUTHENTICATED');
});

describe('per account', () => {
  const limit = DEFAULT_LIMITS.account.login.limit;

  it(`refuses failed log-in ${limit + 1} for one account from ${limit + 1} different IPs, even with the right password, and only that account`, async () => {
    const victim = email('victim');
    const neighbour = email('neighbour');
    await signUp(victim);
    await signUp(neighbour);
    for (let i = 0; i < limit; i++) expect(codeOf(await logIn(address(), victim))).toBe('UNAUTHENTICATED');

    const refused = await logIn(address(), ` ${victim.toUpperCase()} `);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', kind: 'login', remaining: 0, limit });
    expect(refused.errors?.[0]?.extensions.retryAfter).toBeLessThanOrEqual(DEFAULT_LIMITS.account.login.windowMs / 1000);
    // The window is checked before the password: a correct guess past the limit does not get in either.
    expect(codeOf(await logIn(address(), victim, PASSWORD))).toBe('RATE_LIMIT_EXCEEDED');
    expect(codeOf(await logIn(address(), neighbour, PASSWORD))).toBe('OK');
  });

  it('answers an unknown email exactly as a known one, so the refusal does not reveal which accounts exist', async () => {
    const known = email('known');
    const unknown = email('unknown');
    await signUp(known);
    const replies: Reply[] = [];
    for (const account of [known, unknown]) {
      for (let i = 0; i < limit; i++) expect(codeOf(await logIn(address(), account))).toBe('UNAUTHENTICATED');
      replies.push(await logIn(address(), account));
    }
    const shape = (r: Reply) => ({
      message: r.errors?.[0]?.message.replace(/\d+ s$/, 'N s'),
      ...r.errors?.[0]?.extensions,
      retryAfter: 'N',
      resetAt: 'T',
    });
    expect(shape(replies[1]!)).toEqual(shape(replies[0]!));
    expect(replies[1]!.errors?.[0]?.extensions.code).toBe('RATE_LIMIT_EXCEEDED');
  });

  it('a successful log-in starts the count afresh, so the owner does not lock themselves out over time', async () => {
    const owner = email('owner');
    await signUp(owner);
    for (let i = 0; i < limit - 1; i++) expect(codeOf(await logIn(address(), owner))).toBe('UNAUTHENTICATED');
    expect(codeOf(await logIn(address(), owner, PASSWORD))).toBe('OK');
    for (let i = 0; i < limit; i++) expect(codeOf(await logIn(address(), owner))).toBe('UNAUTHENTICATED');
    expect(codeOf(await logIn(address(), owner))).toBe('RATE_LIMIT_EXCEEDED');
  });
});
