import { ConcurrencyLimiter } from '../../../../core/limits/concurrency-limiter';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';

/** The usage meter reads what the limiters counted, against the tier and any override. */
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  stack = await createStack();
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(() => stack?.dispose());

type Meter = { kind: string; used: number; limit: number | null; percent: number | null; warning: number | null };
const USAGE = '{ usage { tier meters { kind used limit percent warning } } }';

it('shows used, limit and warnings per meter, without counting anything itself', async () => {
  const admin = await signUp('Root');
  const uma = await signUp('Uma');
  const userId = uma.id;
  const ctx = stack.app.createContext();
  const subject = { id: userId, tier: 'free' as const };
  for (let i = 0; i < 41; i++) await ctx.rateLimiter.check(subject, 'message'); // 41 of 50 an hour: past 80%
  await new ConcurrencyLimiter(stack.redis).acquire(subject, 'agent-runs', 'run-1', 60_000);
  await gql(admin.cookie, 'mutation($u: ID!) { setUserLimit(userId: $u, kind: "uploads:daily", limit: null, reason: "Support case") }', { u: userId });

  const read = async () => (await gql<{ usage: { tier: string; meters: Meter[] } }>(uma.cookie, USAGE)).data!.usage;
  const usage = await read();
  const meter = (kind: string) => usage.meters.find((m) => m.kind === kind);
  expect(usage.tier).toBe('free');
  expect(meter('messages:hourly')).toEqual({ kind: 'messages:hourly', used: 41, limit: 50, percent: 82, warning: 80 });
  expect(meter('messages:daily')).toEqual({ kind: 'messages:daily', used: 41, limit: 200, percent: 20, warning: null });
  expect(meter('uploads:daily')).toEqual({ kind: 'uploads:daily', used: 0, limit: null, percent: null, warning: null });
  expect(meter('agent-runs')).toEqual({ kind: 'agent-runs', used: 1, limit: 1, percent: 100, warning: 90 });
  expect(meter('projects')).toEqual({ kind: 'projects', used: 0, limit: 5, percent: 0, warning: null });
  expect((await read()).meters).toEqual(usage.meters); // reading counts nothing
  expect((await gql(undefined, USAGE)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
});
