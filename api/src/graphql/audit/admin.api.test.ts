import { RateLimitExceededError } from '../../../../core/limits/limits.errors';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';

/** Platform administration: the audit log and limit overrides, for admins only. */
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  stack = await createStack();
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(() => stack?.dispose());

const AUDIT = 'query($a: String) { auditEvents(action: $a, limit: 50) { action actorId target data } }';
const SET = 'mutation($u: ID!, $k: String!, $l: Int, $r: String!) { setUserLimit(userId: $u, kind: $k, limit: $l, reason: $r) }';

it('lets only platform admins read the audit log and override limits, and audits the overrides', async () => {
  const admin = await signUp('Root');
  const user = await signUp('Uma');
  await gql(undefined, 'mutation { logIn(input: { email: "uma@example.com", password: "wrong password!!" }) { id } }');

  expect((await gql(user.cookie, AUDIT)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  expect((await gql(undefined, AUDIT)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  const failed = (await gql<{ auditEvents: { target: string }[] }>(admin.cookie, AUDIT, { a: 'auth.login_failed' })).data!.auditEvents;
  expect(failed.map((e) => e.target)).toEqual(['uma@example.com']);

  const vars = { u: user.id, k: 'messages:hourly', l: 1, r: 'Trial account' };
  expect((await gql(user.cookie, SET, vars)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  expect((await gql(admin.cookie, SET, { ...vars, k: 'everything' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  expect((await gql(admin.cookie, SET, vars)).data).toEqual({ setUserLimit: true });

  // The override is what the limiter now enforces for that user.
  const subject = { id: user.id, tier: 'free' as const };
  await stack.app.createContext().rateLimiter.check(subject, 'message');
  await expect(stack.app.createContext().rateLimiter.check(subject, 'message')).rejects.toBeInstanceOf(RateLimitExceededError);

  const overrides = (await gql<{ auditEvents: { actorId: string; target: string; data: Record<string, unknown> }[] }>(admin.cookie, AUDIT, { a: 'limits.override.set' })).data!
    .auditEvents;
  expect(overrides).toEqual([{ action: 'limits.override.set', actorId: admin.id, target: `user:${user.id}`, data: expect.objectContaining({ reason: 'Trial account', kind: 'messages:hourly', limit: 1 }) }]);
  expect((await gql(admin.cookie, 'mutation($u: ID!) { clearUserLimit(userId: $u, kind: "messages:hourly", reason: "Trial over") }', { u: user.id })).data).toEqual({ clearUserLimit: true });
  await expect(stack.app.createContext().rateLimiter.check(subject, 'message')).resolves.toMatchObject({ inGrace: false });
});
