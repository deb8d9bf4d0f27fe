/**
 * Issue 13's durability test: the worker (its own OS process) is SIGKILLed while a person's edits are still
 * unflushed, more edits come while it is dead, and a new worker process flushes them all: nothing lost, each
 * stored once, one version.
 */
import { randomUUID } from 'node:crypto';
import { ProjectFileVersion } from '../core/files/file.entities';
import { Project, ProjectFile } from '../core/project/project.entity';
import { User } from '../core/user/user.entity';
import { EventType } from '../contracts/events';
import { filesEditedSignal, projectRoomStateQuery } from '../contracts/messages';
import { workflowIds } from '../contracts/workflow-ids';
import type { ProjectRoomInput } from '../workflows/project-room.workflow';
import { enterAsPerson, type LivePerson } from './fixtures/live-person';
import { waitFor } from './harness';
import { testLiveblocks } from './services';
import { useWorkerProcesses } from './worker-process';

const env = useWorkerProcesses('room');
const people: LivePerson[] = [];
afterAll(() => people.forEach((p) => p.leave()));

const ORIGINAL = 'export const answer = 41;\n';
/** Long enough to kill the worker between the signal and the flush without racing it. */
const timing = { quietMs: 3_000, maxDelayMs: 3_000, idlePollMs: 60_000 };

it('flushes edits made before and while the worker was SIGKILLed once a new worker runs: nothing lost, nothing twice', async () => {
  const worker = await env.start(testLiveblocks());
  const em = env.stack.db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Ada Lovelace' });
  const project = em.create(Project, { owner: user, name: `dur-${randomUUID().slice(0, 8)}`, framework: 'express' });
  const file = em.create(ProjectFile, { project, path: 'src/answer.js', content: ORIGINAL, language: 'javascript', size: ORIGINAL.length });
  await em.flush();
  const live = env.stack.live!;
  await live.ensure(project.id, file.id, ORIGINAL);
  const person = await enterAsPerson(live, project.id, user.id, 'Ada');
  people.push(person);
  const edited = (fileIds: string[]) =>
    env.stack.temporal.workflow.signalWithStart('projectRoomWorkflow', {
      taskQueue: env.stack.taskQueue,
      workflowId: workflowIds.projectRoom(project.id),
      args: [{ projectId: project.id, timing } satisfies ProjectRoomInput],
      signal: filesEditedSignal,
      signalArgs: [{ fileIds, userId: user.id }],
    });

  await person.typeAtLine(file.id, 0, '// before the crash\n');
  await person.synced(file.id);
  const handle = await edited([file.id]);
  // The worker has taken the signal (a query needs it) and is waiting for the edits to go quiet.
  expect(await handle.query(projectRoomStateQuery)).toMatchObject({ dirty: [file.id], flushes: 0 });
  await env.kill(worker);
  const killedAt = Date.now();

  await person.typeAtLine(file.id, 2, '// while it was down\n');
  await person.synced(file.id);
  await edited([file.id]);
  const stored = async () => (await env.stack.db.orm.em.fork().findOneOrFail(ProjectFile, file.id)).content;
  expect(await stored()).toBe(ORIGINAL);
  // The flush timer comes due while no worker runs.
  await new Promise((r) => setTimeout(r, Math.max(0, timing.maxDelayMs + 500 - (Date.now() - killedAt))));

  await env.start(testLiveblocks());
  const expected = `// before the crash\n${ORIGINAL}// while it was down\n`;
  await waitFor('the edits in PostgreSQL', async () => (await stored()) === expected, 30_000);

  await waitFor('the flush to be recorded', async () => (await handle.query(projectRoomStateQuery)).flushes === 1);
  expect(await handle.query(projectRoomStateQuery)).toMatchObject({ dirty: [], flushes: 1 });
  const versions = await env.stack.db.orm.em.fork().find(ProjectFileVersion, { fileId: file.id });
  expect(versions).toEqual([expect.objectContaining({ reason: 'flush', authorId: user.id, content: expected })]);
  const flushed = (await env.stack.events.read(project.id)).filter((e) => e.type === EventType.FILES_FLUSHED);
  expect(flushed).toHaveLength(1);
  await handle.terminate();
});
