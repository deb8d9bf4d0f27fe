/**
 * The room workflow's timing and bookkeeping on the real Temporal dev server, with its two activities faked
 * (recording each call): when it flushes under busy typing, a failed flush, continue-as-new, and when it ends.
 * The real activities against Liveblocks and PostgreSQL are in project-room.workflow.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { filesEditedSignal, flushNowUpdate, projectRoomStateQuery } from '../contracts/messages';
import { workflowIds } from '../contracts/workflow-ids';
import type { RoomFile } from '../activities/files/room.activities';
import { testServices, waitFor, workflowBundle } from '../test/harness';
import type { ProjectRoomInput, RoomTiming } from './project-room.workflow';

const taskQueue = `room-timing-${randomUUID()}`;
let client: Client;
let native: NativeConnection;
let running: Promise<void>;
let worker: Worker;

/** What the fake activities saw and answer. */
const fake = {
  flushes: [] as { at: number; projectId: string; files: RoomFile[] }[],
  failNext: 0,
  connections: new Map<string, number[]>(),
};

beforeAll(async () => {
  client = new Client({ connection: await Connection.connect({ address: testServices().temporalAddress }) });
  native = await NativeConnection.connect({ address: testServices().temporalAddress });
  worker = await Worker.create({
    connection: native,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: {
      async flushRoomFiles({ projectId, files }: { projectId: string; files: RoomFile[] }) {
        fake.flushes.push({ at: Date.now(), projectId, files });
        if (fake.failNext > 0 && fake.failNext--) throw ApplicationFailure.nonRetryable('Liveblocks is down');
        return { flushed: files.length, paths: [] };
      },
      async roomConnections({ projectId }: { projectId: string }) {
        return fake.connections.get(projectId)?.shift() ?? 0;
      },
    },
  });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await native?.close();
  await client?.connection.close();
});

async function startRoom(timing: Partial<RoomTiming>, fileIds: string[], userId = 'u1') {
  const projectId = randomUUID();
  const input: ProjectRoomInput = { projectId, timing };
  const handle = await client.workflow.signalWithStart('projectRoomWorkflow', {
    taskQueue,
    workflowId: workflowIds.projectRoom(projectId),
    args: [input],
    signal: filesEditedSignal,
    signalArgs: [{ fileIds, userId }],
  });
  return { projectId, handle, at: Date.now() };
}
const flushesOf = (projectId: string) => fake.flushes.filter((f) => f.projectId === projectId);
const idle = { idlePollMs: 60_000 };

test('busy typing is flushed no later than maxDelay after the first unflushed edit, quiet typing after the pause', async () => {
  const { projectId, handle, at } = await startRoom({ quietMs: 400, maxDelayMs: 1_000, ...idle }, ['f0']);
  for (let i = 1; i <= 14; i++) {
    await new Promise((r) => setTimeout(r, 150));
    await handle.signal(filesEditedSignal, { fileIds: [`f${i % 3}`], userId: `u${i % 2}` });
  }
  const typingEnded = Date.now();
  await waitFor('the last edits to be flushed', async () => flushesOf(projectId).some((f) => f.at > typingEnded));
  const flushes = flushesOf(projectId);
  // ~2.1 s of typing with no pause of 400 ms: flushed every ~1 s meanwhile, not only at the end.
  expect(flushes.filter((f) => f.at <= typingEnded).length).toBeGreaterThanOrEqual(1);
  expect(flushes[0]!.at - at).toBeGreaterThanOrEqual(400);
  expect(flushes[0]!.at - at).toBeLessThan(2_500);
  expect(new Set(flushes.flatMap((f) => f.files.map((x) => x.fileId)))).toEqual(new Set(['f0', 'f1', 'f2']));
  // The last flush credits each file to its last editor.
  expect(flushes.at(-1)!.files).toEqual(expect.arrayContaining([{ fileId: 'f2', userId: 'u0' }]));
  await handle.terminate();
});

test('flushNow flushes at once, long before the quiet period ends; the state query says so', async () => {
  const { projectId, handle } = await startRoom({ quietMs: 60_000, maxDelayMs: 60_000, ...idle }, ['a', 'b']);
  expect(await handle.query(projectRoomStateQuery)).toMatchObject({ dirty: ['a', 'b'], flushes: 0, lastFlushAt: null });
  expect(await handle.executeUpdate(flushNowUpdate)).toEqual({ flushed: 2 });
  const state = await handle.query(projectRoomStateQuery);
  expect(state).toMatchObject({ dirty: [], flushes: 1 });
  expect(state.lastFlushAt).toEqual(expect.any(String));
  expect(flushesOf(projectId)).toHaveLength(1);
  await handle.terminate();
});

test('a failed flush goes back into the next one, with its editors', async () => {
  fake.failNext = 1;
  const { projectId, handle } = await startRoom({ quietMs: 100, maxDelayMs: 200, retryMs: 300, ...idle }, ['x'], 'ada');
  await waitFor('a second flush', async () => flushesOf(projectId).length >= 2);
  const [failed, retried] = flushesOf(projectId);
  expect(failed!.files).toEqual([{ fileId: 'x', userId: 'ada' }]);
  expect(retried!.files).toEqual([{ fileId: 'x', userId: 'ada' }]);
  expect(retried!.at - failed!.at).toBeGreaterThanOrEqual(250);
  expect((await handle.query(projectRoomStateQuery)).flushes).toBe(1);
  await handle.terminate();
});

test('continues as new after maxEvents, in the middle of typing, carrying the dirty files and their editors', async () => {
  const { projectId, handle } = await startRoom({ quietMs: 60_000, maxDelayMs: 60_000, maxEvents: 3, ...idle }, ['c0']);
  for (let i = 1; i < 5; i++) await handle.signal(filesEditedSignal, { fileIds: [`c${i}`], userId: `u${i}` });
  const latest = client.workflow.getHandle(handle.workflowId);
  await waitFor('a new run', async () => (await latest.describe()).runId !== handle.signaledRunId);
  expect(flushesOf(projectId)).toEqual([]);
  await waitFor('every edit in the new run', async () => (await latest.query(projectRoomStateQuery)).dirty.length === 5);
  expect(await latest.executeUpdate(flushNowUpdate)).toEqual({ flushed: 5 });
  expect(flushesOf(projectId)[0]!.files).toEqual(expect.arrayContaining([{ fileId: 'c0', userId: 'u1' }, { fileId: 'c4', userId: 'u4' }]));
  await latest.terminate();
});

test('stays while anyone is connected; once nobody is, a last flush of every document it saw, then it ends', async () => {
  const projectId = randomUUID();
  fake.connections.set(projectId, [2, 1]);
  const handle = await client.workflow.signalWithStart('projectRoomWorkflow', {
    taskQueue,
    workflowId: workflowIds.projectRoom(projectId),
    args: [{ projectId, timing: { quietMs: 100, maxDelayMs: 200, idlePollMs: 300 } } satisfies ProjectRoomInput],
    signal: filesEditedSignal,
    signalArgs: [{ fileIds: ['p', 'q'], userId: 'u' }],
  });
  const result = await handle.result();
  expect(fake.connections.get(projectId)).toEqual([]);
  const flushes = flushesOf(projectId);
  expect(flushes).toHaveLength(2);
  expect(flushes[1]!.files.map((f) => f.fileId).sort()).toEqual(['p', 'q']);
  expect(result).toMatchObject({ dirty: [], flushes: 2 });
  // With RECORD_HISTORIES=1, kept for the replay test (project-build.replay.test.ts replays every file in histories/).
  if (process.env.RECORD_HISTORIES)
    writeFileSync(join(__dirname, 'histories', 'project-room-ends.json'), historyToJSON(await handle.fetchHistory()));
});
