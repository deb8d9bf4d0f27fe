import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createStack, waitFor, type Stack } from '../../../../test/harness';
import { ProjectEventStream } from '../../../../core/events/project-event-stream';

interface Event {
  id: string;
  type: string;
  message: string;
}

const SUBSCRIBE = `subscription Events($projectId: ID!, $after: String) {
  projectEvents(projectId: $projectId, after: $after) { id type message runId at data }
}`;

let stack: Stack;
let url: string;
beforeAll(async () => {
  stack = await createStack();
  url = (await stack.app.listen(0, '127.0.0.1')).replace('http', 'ws') + '/graphql';
});
afterAll(() => stack?.dispose());

function connect(): WsClient {
  return createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
}

/** Collects events until `stopWhen` says so, then disposes the whole connection (a client going away). */
function collect(client: WsClient, projectId: string, after: string | null, stopWhen: (events: Event[]) => boolean) {
  const events: Event[] = [];
  return new Promise<Event[]>((resolve, reject) => {
    client.subscribe<{ projectEvents: Event }>(
      { query: SUBSCRIBE, variables: { projectId, after } },
      {
        next: (result) => {
          if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
          events.push(result.data!.projectEvents);
          if (stopWhen(events)) {
            void client.dispose();
            resolve(events);
          }
        },
        error: reject,
        complete: () => resolve(events),
      },
    );
  });
}

it('resumes after a disconnect with every event once and in order', async () => {
  await stack.startWorker({ scaffoldFileDelayMs: 150 });
  const project = await stack.app.createContext().projects.create('00000000-0000-4000-8000-000000000001', {
    name: 'Resumable',
    framework: 'fastapi',
  });
  // Drop the connection mid-run: after the second file.
  const firstPart = await collect(connect(), project.id, null, (events) => events.filter((e) => e.type === 'file.created').length === 2);
  const last = firstPart[firstPart.length - 1]!.id;
  // Events keep coming while nobody listens.
  await waitFor('more events while disconnected', async () => (await stack.events.read(project.id, last)).length >= 2);
  const secondPart = await collect(connect(), project.id, last, (events) => events.some((e) => e.type === 'run.completed'));

  const received = [...firstPart, ...secondPart];
  const stored = await stack.events.read(project.id);
  expect(received.map((e) => e.id)).toEqual(stored.map((e) => e.id));
  expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
  expect(received.map((e) => e.type)).toEqual([
    'run.queued',
    'run.started',
    'step.started',
    ...Array(7).fill('file.created'),
    'step.completed',
    'run.completed',
  ]);
});

it('refuses an unknown project and a malformed cursor with typed errors', async () => {
  const client = connect();
  const attempt = (variables: Record<string, unknown>) =>
    new Promise<unknown>((resolve) => {
      client.subscribe({ query: SUBSCRIBE, variables }, { next: (r) => resolve(r.errors), error: resolve, complete: () => resolve(null) });
    });
  const unknown = (await attempt({ projectId: '00000000-0000-4000-8000-00000000dead' })) as { extensions: { code: string } }[];
  expect(unknown[0]!.extensions.code).toBe('NOT_FOUND');
  const project = await stack.app.createContext().projects.create('00000000-0000-4000-8000-000000000001', { name: 'Cursor', framework: 'express' });
  const bad = (await attempt({ projectId: project.id, after: 'latest' })) as { extensions: { code: string; field: string } }[];
  expect(bad[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  await client.dispose();
  expect(ProjectEventStream.streamKey(project.id)).toContain(project.id);
});
