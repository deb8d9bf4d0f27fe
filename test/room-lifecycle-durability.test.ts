/**
 * roomWorkflow survives its worker (its own OS process) being SIGKILLed in the middle of archiving: rooms whose
 * archives are staggered, each kill coming as a random one of them begins its archive (plus a random 0–200 ms),
 * twice; new workers finish every archive exactly once (one ROOM_ARCHIVED, one flushed version, the lease
 * released, the live room deleted, everyone left).
 */
import type { ChildProcess } from 'node:child_process';
import { projectRoomId } from '../contracts/collab';
import { roomActivitySignal } from '../contracts/messages';
import { RoomEventType } from '../contracts/rooms';
import { workflowIds } from '../contracts/workflow-ids';
import { ProjectFileVersion } from '../core/files/file.entities';
import { ConcurrencyLimiter } from '../core/limits/concurrency-limiter';
import { ProjectFile } from '../core/project/project.entity';
import { Room, RoomMember } from '../core/rooms/room.entities';
import { RoomEventStream } from '../core/rooms/room-event-stream';
import type { RoomWorkflowInput } from '../workflows/room.workflow';
import { ROOM_FILE_TEXT, seedRoom, type SeededRoom } from './fixtures/lifecycle-rooms';
import { testLiveblocks } from './services';
import { useWorkerProcesses } from './worker-process';

const env = useWorkerProcesses('room-lifecycle');
const ROOMS = 8;
/** Each room archives this much later than the one before, so a kill finds them at different steps. */
const STAGGER_MS = 300;
const KILLS = 2;

it(`archives every room exactly once though the worker is SIGKILLed ${KILLS} times at random points of the archives`, async () => {
  const { stack } = env;
  const leases = new ConcurrencyLimiter(stack.redis);
  const roomEvents = new RoomEventStream(stack.redis);
  const live = stack.live!;
  let worker: ChildProcess = await env.start(testLiveblocks());

  const rooms: SeededRoom[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const room = await seedRoom(stack.db.orm, leases);
    await live.ensure(room.projectId, room.fileId, ROOM_FILE_TEXT);
    await live.replace(room.projectId, room.fileId, ROOM_FILE_TEXT, `// room ${i}\n${ROOM_FILE_TEXT}`, {
      kind: 'user',
      id: room.hostId,
      name: 'Ada Host',
    });
    rooms.push(room);
  }
  const handles = await Promise.all(
    rooms.map((room, i) =>
      stack.temporal.workflow.signalWithStart('roomWorkflow', {
        taskQueue: stack.taskQueue,
        workflowId: workflowIds.room(room.roomId, 1),
        args: [
          {
            roomId: room.roomId,
            session: 1,
            timing: { idleAfterMs: 1_000, archiveAfterMs: 3_000 + i * STAGGER_MS },
          } satisfies RoomWorkflowInput,
        ],
        signal: roomActivitySignal,
        signalArgs: [{ kind: 'join', userId: room.hostId }],
      }),
    ),
  );

  // Each kill: a room (at random among those not archiving yet) begins its archive, then 0–200 ms later, the
  // worker dies: in its first step, or one of the next, or between them.
  const begun = async (i: number) =>
    (await handles[i]!.fetchHistory()).events?.some(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'flushRoomProjectFiles',
    );
  const notBegun = async (candidates: number[]) => {
    const out: number[] = [];
    for (const i of candidates) if (!(await begun(i))) out.push(i);
    return out;
  };
  const archivedAtKill: number[] = [];
  const victims: number[] = [];
  // The last room never is the first victim: it is still waiting (not archived) at that kill.
  let candidates = await notBegun(rooms.slice(0, -1).map((_, i) => i));
  for (let kill = 0; kill < KILLS; kill++) {
    const victim = candidates[Math.floor(Math.random() * candidates.length)] ?? ROOMS - 1;
    victims.push(victim);
    const deadline = Date.now() + 60_000;
    while (!(await begun(victim))) {
      if (Date.now() > deadline) throw new Error(`room ${victim} never began archiving`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 200)));
    await env.kill(worker);
    archivedAtKill.push(await stack.db.orm.em.fork().count(Room, { id: { $in: rooms.map((r) => r.roomId) }, status: 'archived' }));
    candidates = await notBegun(rooms.map((_, i) => i));
    worker = await env.start(testLiveblocks());
  }

  const results = await Promise.all(handles.map((h) => stack.temporal.workflow.getHandle(h.workflowId).result()));
  expect(results.map((r) => ({ status: r.status, reason: r.reason, liveRoomDeleted: r.liveRoomDeleted }))).toEqual(
    rooms.map(() => ({ status: 'archived', reason: 'idle', liveRoomDeleted: true })),
  );
  // The first kill came before the last room archived (its archive begins 300 ms after the one before it).
  expect(archivedAtKill[0]).toBeLessThan(ROOMS);

  const em = stack.db.orm.em.fork();
  for (const [i, room] of rooms.entries()) {
    const what = `room ${i} (killed as rooms ${victims.join(', ')} began archiving; ${archivedAtKill.join(', ')} of ${ROOMS} archived then)`;
    expect({ what, status: (await em.findOneOrFail(Room, room.roomId)).status }).toEqual({ what, status: 'archived' });
    expect(await em.count(RoomMember, { room: room.roomId, leftAt: null })).toBe(0);
    expect((await em.findOneOrFail(ProjectFile, room.fileId)).content).toBe(`// room ${i}\n${ROOM_FILE_TEXT}`);
    expect(await em.count(ProjectFileVersion, { fileId: room.fileId })).toBe(1);
    const archived = (await roomEvents.read(room.roomId)).filter((e) => e.type === RoomEventType.ROOM_ARCHIVED);
    expect({ what, events: archived.length }).toEqual({ what, events: 1 });
    expect(await leases.held(room.hostId, 'rooms')).toBe(0);
    await expect(live.client.getRoom(projectRoomId(room.projectId))).rejects.toMatchObject({ status: 404 });
  }
  roomEvents.close();
});
