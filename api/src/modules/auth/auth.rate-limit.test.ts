import { randomUUID } from 'node:crypto';
import { DEFAULT_LIMITS } from '../limits/tiers';
import { createStack, type Stack } from '../../../../test/harness';

/** Log-in, sign-up and reset share one brute-force window per client IP (the shipped limits). */
let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await createStack({ limits: DEFAULT_LIMITS, trustProxy: 'true' });
  url = await stack.app.listen(0, '127.0.0.1');
});
afterAll(() => stack?.dispose());

async function logIn(ip: string, password = 'wrong password here') {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: 'mutation($i: LogInInput!) { logIn(input: $i) { id } }', variables: { i: { email: 'ada@example.com', password } } }),
  });
  return (await res.json()) as { errors?: { extensions: Record<string, unknown> }[] };
}

it(`refuses attempt ${DEFAULT_LIMITS.ip.auth.limit + 1} from one IP with RATE_LIMIT_EXCEEDED and retryAfter, and only that IP`, async () => {
  // Random addresses in the IPv6 documentation range, so reruns against the same Redis start fresh.
  const address = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
  const attacker = address();
  const bystander = address();

  for (let i = 0; i < DEFAULT_LIMITS.ip.auth.limit; i++) {
    expect((await logIn(attacker)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  }
  const refused = (await logIn(attacker)).errors?.[0]?.extensions;
  expect(refused).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', kind: 'auth', remaining: 0 });
  expect(refused?.retryAfter).toBeGreaterThan(0);
  expect(refused?.retryAfter).toBeLessThanOrEqual(DEFAULT_LIMITS.ip.auth.windowMs / 1000);
  expect((await logIn(bystander)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
});
