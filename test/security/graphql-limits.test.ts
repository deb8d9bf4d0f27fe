import WebSocket from 'ws';
import { graphqlOver, type Gql } from '../graphql-http';
import { createStack, testLimits, type Stack } from '../harness';
import { firstAnswer, subscribeAndSettle, wsClient } from './ws-client';

/**
 * Issue 11, item 8: size limits on every operation (HTTP and WebSocket), no schema disclosure in
 * production, the WebSocket payload cap, subscription caps and the GraphQL request windows.
 */
let stack: Stack;
let http: string;
let ws: string;
let gql: Gql;
beforeAll(async () => {
  stack = await createStack();
  http = await stack.app.listen(0, '127.0.0.1');
  ws = `${http.replace('http', 'ws')}/graphql`;
  ({ gql } = graphqlOver(http));
});
afterAll(() => stack?.dispose());

const ID = '00000000-0000-4000-8000-00000000dead';
/** `project { team { projects { team { projects … } } } }`, `depth` fields deep. */
function deep(depth: number): string {
  let body = 'id';
  for (let level = depth - 1; level >= 2; level--) body = `${level % 2 === 0 ? 'team' : 'projects'} { ${body} }`;
  return `query { project(id: "${ID}") { ${body} } }`;
}
const aliases = (n: number) => `query { ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
const costly = `query { projects { team { projects { team { projects { files { id path language } } } } } } }`;

it('refuses deep, aliased and costly operations over HTTP, anonymously, with QUERY_TOO_COMPLEX', async () => {
  const cases: [string, string][] = [
    [deep(62), 'depth'],
    [deep(13), 'depth'],
    [aliases(2000), 'aliases'],
    [aliases(31), 'aliases'],
    [costly, 'cost'],
  ];
  for (const [query, measure] of cases) {
    const reply = await gql(undefined, query);
    expect({ measure, ...reply.errors?.[0]?.extensions }).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure });
    expect(reply.data ?? null).toBeNull();
  }
  // Within the limits the operation runs (the project does not exist, so it is null).
  expect((await gql(undefined, deep(7))).errors).toBeUndefined();
  expect((await gql(undefined, aliases(30))).errors).toBeUndefined();
});

it('refuses the same operations over WebSocket', async () => {
  const client = wsClient(ws);
  for (const query of [deep(62), aliases(2000), costly]) {
    const answer = await firstAnswer(client, query);
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  }
  expect((await firstAnswer(client, deep(7))).errors).toBeUndefined();
  await client.dispose();
});

it('parses no WebSocket message larger than the HTTP body cap (2 MB)', async () => {
  const socket = new WebSocket(ws, 'graphql-transport-ws');
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const closed = new Promise<number | string>((resolve) => {
    socket.once('close', (code) => resolve(code));
    socket.once('message', (data) => resolve(`answered: ${String(data).slice(0, 80)}`));
    setTimeout(() => resolve('still open after 5 s'), 5000);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(3 * 1024 * 1024) } }));
  expect(await closed).toBe(1009);
  socket.terminate();
});

it('hides the schema in production: no introspection, no "Did you mean" suggestions, over HTTP and WebSocket', async () => {
  const prod = await createStack({ config: { NODE_ENV: 'production' } });
  try {
    const base = await prod.app.listen(0, '127.0.0.1');
    const prodGql = graphqlOver(base).gql;
    const introspection = await prodGql(undefined, '{ __schema { types { name } } }');
    expect(introspection.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(introspection.data ?? null).toBeNull();
    const typo = await prodGql(undefined, '{ projcts { id } }');
    expect(typo.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.text).not.toMatch(/Did you mean/);
    const client = wsClient(`${base.replace('http', 'ws')}/graphql`);
    const overWs = await firstAnswer(client, '{ __schema { types { name } } }');
    expect(overWs.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typoWs = await firstAnswer(client, '{ projcts { id } }');
    expect(JSON.stringify(typoWs.errors)).not.toMatch(/Did you mean/);
    expect(typoWs.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await client.dispose();
  } finally {
    await prod.dispose();
  }
  // Development keeps both, for tools.
  expect((await gql(undefined, '{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
});

const EVENTS = 'subscription($p: ID!) { projectEvents(projectId: $p) { id } }';

it('caps live subscriptions per socket and per user, with SUBSCRIPTION_LIMIT_EXCEEDED', async () => {
  const capped = await createStack({ limits: { ...testLimits, subscriptions: { perSocket: 3, perUser: 5 } } });
  try {
    const base = await capped.app.listen(0, '127.0.0.1');
    const project = await capped.app.createContext().projects.create('00000000-0000-4000-8000-000000000001', { name: 'Watched', framework: 'express' });
    const url = `${base.replace('http', 'ws')}/graphql`;
    const a = wsClient(url);
    const b = wsClient(url);
    const onA = await Promise.all(Array.from({ length: 4 }, () => subscribeAndSettle(a, EVENTS, { p: project.id }).settled));
    expect(onA.filter((r) => r === 'accepted')).toHaveLength(3);
    const refusedA = onA.find((r) => r !== 'accepted') as { extensions?: { code?: string } }[];
    expect(refusedA[0]?.extensions?.code).toBe('SUBSCRIPTION_LIMIT_EXCEEDED');
    // The same (local) user on a second socket: two more fit under the per-user cap of 5, the third does not.
    const onB = [];
    for (let i = 0; i < 3; i++) onB.push(await subscribeAndSettle(b, EVENTS, { p: project.id }).settled);
    expect(onB.slice(0, 2)).toEqual(['accepted', 'accepted']);
    expect((onB[2] as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe('SUBSCRIPTION_LIMIT_EXCEEDED');
    // A closed socket gives its slots back.
    await a.dispose();
    await new Promise((r) => setTimeout(r, 200));
    expect(await subscribeAndSettle(b, EVENTS, { p: project.id }).settled).toBe('accepted');
    await b.dispose();
  } finally {
    await capped.dispose();
  }
});

it('counts GraphQL requests per IP and per user, over HTTP and WebSocket, with RATE_LIMIT_EXCEEDED', async () => {
  const windowed = await createStack({
    limits: {
      ...testLimits,
      requests: { ...testLimits.requests, 'graphql:ip': { ...testLimits.requests['graphql:ip'], limit: 8 }, 'graphql:user': { ...testLimits.requests['graphql:user'], limit: 5 } },
    },
  });
  try {
    await windowed.redis.eval("for _, k in ipairs(redis.call('KEYS', 'ratelimit:*graphql*')) do redis.call('DEL', k) end", 0);
    const base = await windowed.app.listen(0, '127.0.0.1');
    const local = graphqlOver(base).gql;
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) codes.push((await local(undefined, '{ frameworks { id } }')).errors?.[0]?.extensions.code);
    // Single-user mode: the caller is the local user, whose window (5) fills before the IP's (8).
    expect(codes).toEqual([undefined, undefined, undefined, undefined, undefined, 'RATE_LIMIT_EXCEEDED']);
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ frameworks { id } }"}' });
    expect(res.status).toBe(429);
    const client = wsClient(`${base.replace('http', 'ws')}/graphql`);
    const overWs = await firstAnswer(client, '{ frameworks { id } }');
    expect(overWs.errors?.[0]?.extensions?.code).toBe('RATE_LIMIT_EXCEEDED');
    await client.dispose();
  } finally {
    await windowed.redis.eval("for _, k in ipairs(redis.call('KEYS', 'ratelimit:*graphql*')) do redis.call('DEL', k) end", 0);
    await windowed.dispose();
  }
});
