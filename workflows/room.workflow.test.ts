/**
 * roomWorkflow on Temporal's time-skipping test server (hours pass in moments) with its real activities against
 * PostgreSQL, Redis and the Liveblocks dev server: a busy room stays active, a quiet one turns idle and archives
 * after 24 h (files flushed, chat and members kept, lease released, live room closed), endRoom archives at once,
 * a reopened session archives again, and a long-lived room continues as new without losing its timers.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { Redis } from 'ioredis';
import { createBuildWorker } from '../activities/build-worker';
import type { RoomSandboxDestroyer } from '../activities/deps';
import { projectRoomId } from '../contracts/collab';
import { endRoomUpdate, filesEditedSignal, roomActivitySignal, roomLifecycleQuery } from '../contracts/messages';
import { RoomEventType } from '../contracts/rooms';
import { workflowIds } from '../contracts/workflow-ids';
import { ProjectEventStream } from '../core/events/project-event-stream';
import { LiveDocs } from '../core/files/live-docs';
import { ProjectFileVersion } from '../core/files/file.entities';
import { ConcurrencyLimiter } from '../core/limits/concurrency-limiter';
import { ConcurrentLimitExceededError } from '../core/limits/limits.errors';
import { ProjectFile } from '../core/project/project.entity';
import { Room, RoomMember, RoomMessage } from '../core/rooms/room.entities';
import { RoomEventStream } from '../core/rooms/room-event-stream';
import { findTemporalTestServer } from '../infra/src/services/temporal-test-server';
import { loadStackConfig } from '../infra/src/stack-config';
import { ROOM_FILE_TEXT, reopenRoom, seedRoom, type SeededRoom } from '../test/fixtures/lifecycle-rooms';
import { enterAsPerson } from '../test/fixtures/live-person';
import { createTestDatabase, silentLogger, testLimits, waitFor, workflowBundle } from '../test/harness';
import { testLiveblocks } from '../test/services';
import type { ProjectRoomInput } from './project-room.workflow';
import type { RoomWorkflowInput } from './room.workflow';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** One concurrent room per free creator, so a held lease is visible as a refusal. */
const limits = { ...testLimits, tiers: { ...testLimits.tiers, free: { ...testLimits.tiers.free, concurrentRooms: 1 } } };

let env: TestWorkflowEnvironment;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let redis: Redis;
let leases: ConcurrencyLimiter;
let roomEvents: RoomEventStream;
let live: LiveDocs;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `room-lifecycle-${randomUUID()}`;
/** The sandbox service's side of the archive (RoomSandboxes is wired by the worker): which rooms it was told to destroy. */
const destroyedSandboxes: string[] = [];
const roomSandboxes: RoomSandboxDestroyer = { destroy: async (roomId) => void destroyedSandboxes.push(roomId) };

beforeAll(async () => {
  const server = await findTemporalTestServer(loadStackConfig({ ATELIER_TOOLS_DIR: process.env.ATELIER_TOOLS_DIR }).toolsDir);
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: server } } });
  db = await createTestDatabase();
  redis = new Redis(process.env.ATELIER_TEST_REDIS_URL!);
  leases = new ConcurrencyLimiter(redis, { config: limits });
  roomEvents = new RoomEventStream(redis);
  live = LiveDocs.fromConfig(testLiveblocks())!;
  worker = await createBuildWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    deps: {
      orm: db.orm,
      events: new ProjectEventStream(redis),
      logger: silentLogger,
      scaffoldFileDelayMs: 0,
      live,
      leases,
      roomEvents,
      roomSandboxes,
      temporal: env.client,
    },
    workflowBundle: await workflowBundle(),
  });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  roomEvents?.close();
  redis?.disconnect();
  await db?.dispose();
  await env?.teardown();
});

function startSession(room: SeededRoom, session: number, input: Partial<RoomWorkflowInput> = {}, userId = room.hostId) {
  return env.client.workflow.signalWithStart('roomWorkflow', {
    taskQueue,
    workflowId: workflowIds.room(room.roomId, session),
    args: [{ roomId: room.roomId, session, ...input } satisfies RoomWorkflowInput],
    signal: roomActivitySignal,
    signalArgs: [{ kind: 'join', userId }],
  });
}
const roomRow = (roomId: string) => db.orm.em.fork().findOneOrFail(Room, { id: roomId });
const members = (roomId: string) => db.orm.em.fork().find(RoomMember, { room: roomId }, { orderBy: { joinedAt: 'asc' } });
const archivedEvents = async (roomId: string) => (await roomEvents.read(roomId)).filter((e) => e.type === RoomEventType.ROOM_ARCHIVED);
/** Whether the creator could take another room now (the seeded tier allows one at a time). */
const creatorHasFreeSlot = async (room: SeededRoom) => {
  const probe = randomUUID();
  try {
    await leases.acquire({ id: room.hostId, tier: 'free' }, 'rooms', probe, MIN);
    await leases.release(room.hostId, 'rooms', probe);
    return true;
  } catch (error) {
    if (error instanceof ConcurrentLimitExceededError) return false;
    throw error;
  }
};
const liveRoomExists = () => (id: string) =>
  live.client.getRoom(projectRoomId(id)).then(
    () => true,
    (err: { status?: number }) => (err.status === 404 ? false : Promise.reject(err)),
  );
/**
 * A client that does not skip time while it waits for a result (env.client does: the other rooms' timers would
 * run on meanwhile). Timers that fall due while a signal's workflow task is in flight trip the test server (it
 * refuses the task's timer cancellation: "invalid history builder state"), so the tests space signals off the
 * rooms' timers.
 */
const plainClient = () => new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });

/** With RECORD_HISTORIES=1, keeps the run's history for the replay test (project-build.replay.test.ts replays histories/). */
async function recordHistory(workflowId: string, runId: string, file: string): Promise<void> {
  if (process.env.RECORD_HISTORIES)
    writeFileSync(join(__dirname, 'histories', file), historyToJSON(await env.client.workflow.getHandle(workflowId, runId).fetchHistory()));
}

/** The histories of a workflow's runs, the first one's continued-as-new chain followed (the test server lists no workflows). */
async function runHistories(workflowId: string, firstRunId: string) {
  const histories = [];
  for (let runId: string | undefined = firstRunId; runId; ) {
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    histories.push(history);
    runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return histories;
}
/** How often the workflow (all its runs) scheduled an activity, and how many attempts timed out. */
async function activityCounts(workflowId: string, firstRunId: string, activityType: string) {
  const events = (await runHistories(workflowId, firstRunId)).flatMap((h) => h.events ?? []);
  return {
    scheduled: events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === activityType).length,
    timedOut: events.filter((e) => e.activityTaskTimedOutEventAttributes).length,
  };
}

test('activity keeps a room active, quiet turns it idle, and after 24 h quiet it archives: files flushed, chat and members kept, lease and live room released', async () => {
  const room = await seedRoom(db.orm, leases);
  const apiLive = LiveDocs.fromConfig(testLiveblocks())!;
  await apiLive.ensure(room.projectId, room.fileId, ROOM_FILE_TEXT);
  const handle = await startSession(room, 1);
  await waitFor('the room to be active', async () => (await handle.query(roomLifecycleQuery)).status === 'active');
  expect((await roomRow(room.roomId)).status).toBe('active');

  // An hour of activity every 7 minutes: never 15 quiet minutes, so never idle.
  for (let i = 0; i < 9; i++) {
    await env.sleep(7 * MIN);
    await handle.signal(roomActivitySignal, { kind: 'chat', userId: room.guestId });
  }
  const busy = await handle.query(roomLifecycleQuery);
  expect(busy.status).toBe('active');
  expect(Date.parse(busy.archivesAt!) - Date.parse(busy.lastActivityAt!)).toBe(24 * HOUR);
  expect(await activityCounts(handle.workflowId, handle.signaledRunId, 'setRoomStatus')).toEqual({ scheduled: 1, timedOut: 0 });
  expect(await creatorHasFreeSlot(room)).toBe(false);

  await env.sleep(20 * MIN);
  await waitFor('the room to be idle', async () => (await roomRow(room.roomId)).status === 'idle');
  expect((await handle.query(roomLifecycleQuery)).status).toBe('idle');
  // An edit whose signal never came (the tab closed first): only in the live document until the archive.
  const edited = `// typed before the archive\n${ROOM_FILE_TEXT}`;
  await live.replace(room.projectId, room.fileId, ROOM_FILE_TEXT, edited, { kind: 'user', id: room.guestId, name: 'Grace Guest' });

  const result = await handle.result();
  expect(result).toMatchObject({
    status: 'archived',
    reason: 'idle',
    byUserId: null,
    filesFlushed: 1,
    liveRoomDeleted: true,
    sandboxDestroyed: true,
    leaseReleased: true,
  });
  const stored = await roomRow(room.roomId);
  expect(stored).toMatchObject({ status: 'archived', session: 1 });
  expect(stored.archivedAt!.toISOString()).toBe(result.archivedAt);
  expect((await members(room.roomId)).map((m) => m.leftAt)).toEqual([expect.any(Date), expect.any(Date)]);
  expect(await db.orm.em.fork().find(RoomMessage, { room: room.roomId })).toEqual([
    expect.objectContaining({ body: 'hello from session 1' }),
  ]);
  expect((await db.orm.em.fork().findOneOrFail(ProjectFile, room.fileId)).content).toBe(edited);
  expect(await db.orm.em.fork().count(ProjectFileVersion, { fileId: room.fileId, reason: 'flush' })).toBe(1);
  expect(await creatorHasFreeSlot(room)).toBe(true);
  expect(destroyedSandboxes).toContain(room.roomId);
  expect(await liveRoomExists()(room.projectId)).toBe(false);
  const [archived, ...more] = await archivedEvents(room.roomId);
  expect(more).toEqual([]);
  expect(archived!.data).toMatchObject({ session: 1, reason: 'idle', archivedAt: result.archivedAt, liveRoomDeleted: true });
  // The API process still remembers the deleted live room: opening the file again seeds it from PostgreSQL.
  expect(await apiLive.ensure(room.projectId, room.fileId, edited)).toBe(edited);
  expect(await apiLive.read(room.projectId, room.fileId)).toBe(edited);
});

test('endRoom archives at once, flushing through the project room (edits credited to their author); a live room people are in is kept', async () => {
  const room = await seedRoom(db.orm, leases);
  await live.ensure(room.projectId, room.fileId, ROOM_FILE_TEXT);
  const person = await enterAsPerson(live, room.projectId, room.guestId, 'Grace Guest');
  const handle = await startSession(room, 1);
  await person.typeAtLine(room.fileId, 0, '// Grace was here\n');
  await person.synced(room.fileId);
  // The project room knows of the edit but waits an hour to flush it: only the archive's flushNow stores it now.
  const projectRoom = await env.client.workflow.signalWithStart('projectRoomWorkflow', {
    taskQueue,
    workflowId: workflowIds.projectRoom(room.projectId),
    args: [{ projectId: room.projectId, timing: { quietMs: HOUR, maxDelayMs: HOUR, idlePollMs: 2 * HOUR } } satisfies ProjectRoomInput],
    signal: filesEditedSignal,
    signalArgs: [{ fileIds: [room.fileId], userId: room.guestId }],
  });

  const { archivedAt } = await handle.executeUpdate(endRoomUpdate, { args: [{ byUserId: room.hostId }] });
  // Waited for without skipping time: the project room's timers stay put, so no activity of it is in flight
  // when it is terminated below (the test server never frees time skipping from an activity it lost).
  const result = await plainClient().workflow.getHandle(handle.workflowId).result();
  expect(result).toMatchObject({
    status: 'archived',
    reason: 'ended',
    byUserId: room.hostId,
    archivedAt,
    liveRoomDeleted: false,
    leaseReleased: true,
  });
  expect((await roomRow(room.roomId)).status).toBe('archived');
  const versions = await db.orm.em.fork().find(ProjectFileVersion, { fileId: room.fileId });
  expect(versions).toEqual([
    expect.objectContaining({ reason: 'flush', authorId: room.guestId, content: `// Grace was here\n${ROOM_FILE_TEXT}` }),
  ]);
  expect(await liveRoomExists()(room.projectId)).toBe(true);
  await recordHistory(handle.workflowId, handle.signaledRunId, 'room-ended.json');
  expect((await archivedEvents(room.roomId)).map((e) => e.data)).toEqual([
    expect.objectContaining({ reason: 'ended', byUserId: room.hostId, liveRoomDeleted: false }),
  ]);

  // The finished session takes no more signals, and a stray signal-with-start of it changes nothing.
  await expect(handle.signal(roomActivitySignal, { kind: 'chat', userId: room.guestId })).rejects.toBeInstanceOf(WorkflowNotFoundError);
  const stray = await startSession(room, 1, {}, room.guestId);
  expect(await plainClient().workflow.getHandle(stray.workflowId, stray.signaledRunId).result()).toEqual({
    status: 'created',
    reason: 'stale',
  });
  expect(await roomRow(room.roomId)).toMatchObject({ status: 'archived', archivedAt: new Date(archivedAt) });
  await projectRoom.terminate();
  person.leave();
});

test('a reopened room is the next session: the same files and chat, and it archives again', async () => {
  const room = await seedRoom(db.orm, leases);
  await live.ensure(room.projectId, room.fileId, ROOM_FILE_TEXT);
  await live.replace(room.projectId, room.fileId, ROOM_FILE_TEXT, `// one\n${ROOM_FILE_TEXT}`, {
    kind: 'user',
    id: room.hostId,
    name: 'Ada Host',
  });
  const first = await startSession(room, 1);
  await first.executeUpdate(endRoomUpdate, { args: [{ byUserId: room.hostId }] });
  await first.result();

  const session = await reopenRoom(db.orm, leases, room);
  expect(session).toBe(2);
  const second = await startSession(room, session);
  await waitFor('session 2 to be active', async () => (await roomRow(room.roomId)).status === 'active');
  // A late touch of session 1 starts nothing that could archive session 2 (awaited without skipping time).
  const stray = await startSession(room, 1);
  expect(await plainClient().workflow.getHandle(stray.workflowId, stray.signaledRunId).result()).toMatchObject({ reason: 'stale' });
  expect((await roomRow(room.roomId)).status).toBe('active');
  expect(await live.read(room.projectId, room.fileId)).toBeUndefined();
  await live.ensure(room.projectId, room.fileId, (await db.orm.em.fork().findOneOrFail(ProjectFile, room.fileId)).content);
  await live.replace(room.projectId, room.fileId, `// one\n${ROOM_FILE_TEXT}`, `// one\n// two\n${ROOM_FILE_TEXT}`, {
    kind: 'user',
    id: room.hostId,
    name: 'Ada Host',
  });
  const em = db.orm.em.fork();
  em.create(RoomMessage, { room: room.roomId, author: room.hostId, authorKind: 'user', body: 'hello from session 2' });
  await em.flush();

  expect(await second.result()).toMatchObject({ reason: 'idle', filesFlushed: 1, leaseReleased: true });
  expect(await roomRow(room.roomId)).toMatchObject({ status: 'archived', session: 2 });
  expect((await db.orm.em.fork().findOneOrFail(ProjectFile, room.fileId)).content).toBe(`// one\n// two\n${ROOM_FILE_TEXT}`);
  const chat = await db.orm.em.fork().find(RoomMessage, { room: room.roomId }, { orderBy: { createdAt: 'asc' } });
  expect(chat.map((m) => m.body)).toEqual(['hello from session 1', 'hello from session 2']);
  expect((await archivedEvents(room.roomId)).map((e) => e.data?.session)).toEqual([1, 2]);
  expect(await creatorHasFreeSlot(room)).toBe(true);
});

test('a long-lived room continues as new without moving its timers', async () => {
  const room = await seedRoom(db.orm, leases);
  const handle = await startSession(room, 1, { timing: { maxEvents: 4 } });
  for (let i = 0; i < 10; i++) {
    await env.sleep(6.5 * MIN);
    await handle.signal(roomActivitySignal, { kind: 'edit', userId: room.hostId });
  }
  const latest = env.client.workflow.getHandle(handle.workflowId);
  const before = await latest.query(roomLifecycleQuery);
  await env.sleep(23 * HOUR);
  expect((await runHistories(handle.workflowId, handle.signaledRunId)).length).toBeGreaterThan(3);
  expect(await latest.query(roomLifecycleQuery)).toEqual({ ...before, status: 'idle' });
  expect((await roomRow(room.roomId)).status).toBe('idle');

  expect(await latest.result()).toMatchObject({ status: 'archived', reason: 'idle', leaseReleased: true });
  await recordHistory(handle.workflowId, (await latest.describe()).runId, 'room-continued-archives-idle.json');
  // Renewed every 10 minutes across the runs, and still held until the archive released it.
  const renewals = await activityCounts(handle.workflowId, handle.signaledRunId, 'renewRoomLease');
  expect(renewals.scheduled).toBeGreaterThan(100);
  expect(renewals.timedOut).toBe(0);
  expect(await archivedEvents(room.roomId)).toHaveLength(1);
});
