/**
 * `assistStream` over graphql-ws, for an action's request and for a chat reply: the asker gets the events from
 * `after` on and the subscription completes after the terminal one; anyone else is told NOT_FOUND; a finished
 * request whose stream expired answers with one terminal event read from its row.
 */
import { AssistEventType } from '../../../../contracts/assist';
import { AssistEventStream } from '../../../../core/assist/assist-stream';
import { AssistChatMessage, AssistRequest } from '../../../../core/assist/assist.entities';
import { graphqlOver } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';
import { firstAnswer, wsClient } from '../../../../test/security/ws-client';

type Person = { id: string; cookie: string };
let stack: Stack;
let ws: string;
let events: AssistEventStream;
let olga: Person;
let pia: Person;
let projectId: string;

const STREAM = 'subscription($id: ID!, $a: String) { assistStream(id: $id, after: $a) { id type text data } }';
type Event = { id: string; type: string; text: string | null; data: Record<string, unknown> | null };

beforeAll(async () => {
  stack = await createStack({ live: false });
  const http = await stack.app.listen(0, '127.0.0.1');
  ws = `${http.replace('http', 'ws')}/graphql`;
  const { gql, signUp } = graphqlOver(http);
  olga = await signUp('Olga');
  pia = await signUp('Pia');
  const created = await gql<{ createProject: { id: string } }>(olga.cookie, 'mutation { createProject(input: { name: "Streams", framework: "express" }) { id } }');
  projectId = created.data!.createProject.id;
  events = new AssistEventStream(stack.redis);
});
afterAll(async () => {
  events?.close();
  await stack?.dispose();
});

async function request(status: AssistRequest['status'] = 'running', extra: Partial<AssistRequest> = {}): Promise<string> {
  const em = stack.db.orm.em.fork();
  const row = em.create(AssistRequest, { project: projectId, user: olga.id, action: 'explain', path: 'a.js', targetPath: 'a.js', status, ...extra });
  await em.flush();
  return row.id;
}

/** Every event until the server completes the subscription (or errors). */
function collect(cookie: string, variables: Record<string, unknown>): Promise<{ events: Event[]; errors?: unknown[] }> {
  const client = wsClient(ws, cookie);
  const got: Event[] = [];
  return new Promise((resolve) => {
    client.subscribe<{ assistStream: Event }>(
      { query: STREAM, variables },
      {
        next: (r) => (r.errors ? resolve({ events: got, errors: [...r.errors] }) : got.push(r.data!.assistStream)),
        error: (e) => resolve({ events: got, errors: Array.isArray(e) ? e : [e] }),
        complete: () => {
          void client.dispose();
          resolve({ events: got });
        },
      },
    );
  });
}

it('follows a running request from the start or from `after`, and completes after assist.ready', async () => {
  const id = await request();
  const first = await events.publish(id, AssistEventType.DELTA, { text: 'It ' });
  const all = collect(olga.cookie, { id });
  const resumed = collect(olga.cookie, { id, a: first });
  await new Promise((r) => setTimeout(r, 300));
  await events.publish(id, AssistEventType.DELTA, { text: 'It adds.' });
  await events.publish(id, AssistEventType.READY, { status: 'ready' });
  // Nothing after the terminal event reaches anyone.
  await events.publish(id, AssistEventType.DELTA, { text: 'late' });
  expect((await all).events.map((e) => [e.type, e.text])).toEqual([
    [AssistEventType.DELTA, 'It '],
    [AssistEventType.DELTA, 'It adds.'],
    [AssistEventType.READY, null],
  ]);
  expect((await resumed).events.map((e) => e.text ?? e.data)).toEqual(['It adds.', { status: 'ready' }]);
});

it('follows the asker’s chat reply by its id, and ends on assist.failed', async () => {
  const em = stack.db.orm.em.fork();
  const question = em.create(AssistChatMessage, { project: projectId, user: olga.id, role: 'user', content: 'What is a.js?' });
  const reply = em.create(AssistChatMessage, { project: projectId, user: olga.id, role: 'assistant', content: '', status: 'streaming' });
  await em.flush();
  await events.publish(reply.id, AssistEventType.TOOL, { tool: 'read_file', args: { path: 'a.js' } });
  await events.publish(reply.id, AssistEventType.FAILED, { code: 'BUDGET_EXCEEDED', message: 'The user budget is used up' });
  expect((await collect(olga.cookie, { id: reply.id })).events.map((e) => e.type)).toEqual([AssistEventType.TOOL, AssistEventType.FAILED]);
  // A question is not a stream.
  expect((await firstAnswer(wsClient(ws, olga.cookie), STREAM, { id: question.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

it('tells anyone but the asker NOT_FOUND, and refuses a malformed cursor', async () => {
  const id = await request();
  expect((await firstAnswer(wsClient(ws, pia.cookie), STREAM, { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect((await firstAnswer(wsClient(ws, olga.cookie), STREAM, { id: 'nope' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect((await firstAnswer(wsClient(ws, olga.cookie), STREAM, { id, a: 'x' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect((await firstAnswer(wsClient(ws), STREAM, { id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

it('answers a finished request whose stream expired with its terminal event', async () => {
  const ready = await request('ready');
  expect((await collect(olga.cookie, { id: ready })).events.map((e) => [e.type, e.data])).toEqual([[AssistEventType.READY, { status: 'ready' }]]);
  const failed = await request('failed', { errorCode: 'ASSIST_NO_EDIT', errorMessage: 'No change' });
  expect((await collect(olga.cookie, { id: failed })).events.map((e) => [e.type, e.data])).toEqual([
    [AssistEventType.FAILED, { code: 'ASSIST_NO_EDIT', message: 'No change' }],
  ]);
});
