/**
 * createProject → first event → run completed, over N sequential runs on the embedded stack, seen the
 * way a client sees it: the mutation over HTTP, events over a graphql-ws subscription.
 * Baseline in the same run: a bare StartWorkflow call (anchor: Temporal Cloud p50 ≈ 14 ms).
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createStack } from '../test/harness';
import { printTable } from './stats';

const CREATE = 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }';
const EVENTS = 'subscription($projectId: ID!) { projectEvents(projectId: $projectId) { id type } }';

export async function run(args: string[]): Promise<void> {
  const runs = Number(args[0] ?? 50);
  const stack = await createStack();
  await stack.startWorker();
  const base = await stack.app.listen(0, '127.0.0.1');
  const ws = createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false });
  const rows = { mutation: [] as number[], firstEvent: [] as number[], firstWorkflowEvent: [] as number[], completed: [] as number[], startWorkflow: [] as number[] };
  try {
    for (let i = -3; i < runs; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: CREATE, variables: { input: { name: `Bench ${randomUUID().slice(0, 8)}`, framework: 'express' } } }),
      });
      const body = (await res.json()) as { data?: { createProject: { id: string } }; errors?: unknown };
      if (!body.data) throw new Error(`createProject failed: ${JSON.stringify(body.errors)}`);
      const tMutation = performance.now();
      const seen = await new Promise<Record<string, number>>((resolve, reject) => {
        const times: Record<string, number> = {};
        const stop = ws.subscribe<{ projectEvents: { type: string } }>(
          { query: EVENTS, variables: { projectId: body.data!.createProject.id } },
          {
            next: ({ data }) => {
              const type = data!.projectEvents.type;
              times[type] ??= performance.now();
              times.first ??= performance.now();
              if (type === 'run.completed' || type === 'run.failed') {
                stop();
                resolve(times);
              }
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      if (i < 0) continue; // warm-up
      rows.mutation.push(tMutation - t0);
      rows.firstEvent.push(seen.first! - t0);
      rows.firstWorkflowEvent.push(seen['run.started']! - t0);
      rows.completed.push(seen['run.completed']! - t0);
    }
    // Baseline: StartWorkflow alone, on a queue no worker polls (terminated right after).
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const handle = await stack.temporal.workflow.start('projectBuildWorkflow', {
        taskQueue: `bench-unpolled-${randomUUID()}`,
        workflowId: `bench-${randomUUID()}`,
        args: [{ projectId: randomUUID(), runId: randomUUID() }],
      });
      rows.startWorkflow.push(performance.now() - t0);
      await handle.terminate('benchmark baseline');
    }
  } finally {
    await ws.dispose();
    await stack.dispose();
  }
  printTable(`spine: ${runs} runs of an express project (after 3 warm-up runs)`, [
    { name: 'createProject (HTTP round trip)', samples: rows.mutation },
    { name: 'createProject -> first event (run.queued)', samples: rows.firstEvent },
    { name: 'createProject -> first workflow event (run.started)', samples: rows.firstWorkflowEvent },
    { name: 'createProject -> run completed', samples: rows.completed },
    { name: 'baseline: bare StartWorkflow', samples: rows.startWorkflow },
  ]);
}
