/**
 * The project room end to end on real services: people are real Liveblocks clients typing into the files'
 * documents (as a browser would), the worker runs the room workflow and its activities against the
 * Liveblocks dev server and PostgreSQL, and the signals are what the API's `filesEdited` sends.
 */
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment, defaultActivityInfo } from '@temporalio/testing';
import { ProjectFileVersion } from '../core/files/file.entities';
import { Project, ProjectFile } from '../core/project/project.entity';
import { User } from '../core/user/user.entity';
import { EventType } from '../contracts/events';
import { filesEditedSignal, flushNowUpdate, projectRoomStateQuery } from '../contracts/messages';
import { workflowIds } from '../contracts/workflow-ids';
import { createAgentFileActivities, type AgentToolResult } from '../activities/agents/agent-files.activities';
import { createStack, silentLogger, waitFor, type Stack } from '../test/harness';
import { enterAsPerson, type LivePerson } from '../test/fixtures/live-person';
import type { ProjectRoomInput, RoomTiming } from './project-room.workflow';

let stack: Stack;
const people: LivePerson[] = [];

beforeAll(async () => {
  stack = await createStack();
  await stack.startWorker();
});
afterAll(async () => {
  for (const person of people) person.leave();
  await stack?.dispose();
});

const ORIGINAL = 'const port = 3000;\nconst host = "localhost";\nconst name = "todo";\n';

/** A user, their project with `src/config.js`, and the user in the room with the file open. */
async function seed() {
  const em = stack.db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Ada Lovelace' });
  const project = em.create(Project, { owner: user, name: `room-${randomUUID().slice(0, 8)}`, framework: 'express' });
  const file = em.create(ProjectFile, { project, path: 'src/config.js', content: ORIGINAL, language: 'javascript', size: ORIGINAL.length });
  await em.flush();
  await stack.live!.ensure(project.id, file.id, ORIGINAL);
  const person = await enterAsPerson(stack.live!, project.id, user.id, 'Ada');
  people.push(person);
  return { userId: user.id, projectId: project.id, fileId: file.id, person };
}

/** What the API's filesEdited mutation does: signal the room, starting it when it is not running. */
function filesEdited(projectId: string, fileIds: string[], userId: string, timing?: Partial<RoomTiming>) {
  return stack.temporal.workflow.signalWithStart('projectRoomWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: workflowIds.projectRoom(projectId),
    args: [{ projectId, timing } satisfies ProjectRoomInput],
    signal: filesEditedSignal,
    signalArgs: [{ fileIds, userId }],
  });
}

const stored = async (fileId: string) => (await stack.db.orm.em.fork().findOneOrFail(ProjectFile, fileId)).content;
const versions = (fileId: string) => stack.db.orm.em.fork().find(ProjectFileVersion, { fileId }, { orderBy: { createdAt: 'asc' } });

test('a person’s typing reaches PostgreSQL about a second after they stop, as one version credited to them', async () => {
  const { userId, projectId, fileId, person } = await seed();
  await person.typeAtLine(fileId, 0, '// hello\n');
  await person.typeAtLine(fileId, 4, '// bye\n');
  await person.synced(fileId);
  const signalled = Date.now();
  const handle = await filesEdited(projectId, [fileId], userId);

  const expected = `// hello\n${ORIGINAL}// bye\n`;
  await waitFor('the edit in PostgreSQL', async () => (await stored(fileId)) === expected, 10_000);
  expect(Date.now() - signalled).toBeLessThan(4_000);
  expect(await versions(fileId)).toEqual([
    expect.objectContaining({ reason: 'flush', authorKind: 'user', authorId: userId, authorName: 'Ada Lovelace', content: expected }),
  ]);
  const flushed = (await stack.events.read(projectId)).filter((e) => e.type === EventType.FILES_FLUSHED);
  expect(flushed.map((e) => e.data)).toEqual([{ paths: ['src/config.js'], versions: 1 }]);
  expect(await handle.query(projectRoomStateQuery)).toMatchObject({ dirty: [], flushes: 1 });
  await handle.terminate();
});

test('flushNow stores the edits at once and answers how many files changed', async () => {
  const { userId, projectId, fileId, person } = await seed();
  await person.typeAtLine(fileId, 1, '// now\n');
  await person.synced(fileId);
  const handle = await filesEdited(projectId, [fileId], userId, { quietMs: 60_000, maxDelayMs: 60_000 });
  expect(await stored(fileId)).toBe(ORIGINAL);

  expect(await handle.executeUpdate(flushNowUpdate)).toEqual({ flushed: 1 });
  expect(await stored(fileId)).toBe(ORIGINAL.replace('const host', '// now\nconst host'));
  expect(await handle.executeUpdate(flushNowUpdate)).toEqual({ flushed: 0 });
  expect(await versions(fileId)).toHaveLength(1);
  await handle.terminate();
});

test('the room stays while someone is in it and ends when the last person leaves, storing an unsignalled edit', async () => {
  const { userId, projectId, fileId, person } = await seed();
  await person.typeAtLine(fileId, 0, '// one\n');
  await person.synced(fileId);
  const handle = await filesEdited(projectId, [fileId], userId, { idlePollMs: 500 });
  await waitFor('the first flush', async () => (await stored(fileId)).startsWith('// one\n'), 10_000);
  // Two idle polls later the person is still there: so is the room.
  await new Promise((r) => setTimeout(r, 1_500));
  expect((await handle.describe()).status.name).toBe('RUNNING');
  // A last keystroke whose filesEdited never came (the tab closed inside its debounce).
  await person.typeAtLine(fileId, 0, '// two\n');
  await person.synced(fileId);
  person.leave();

  const result = await handle.result();
  expect(result).toMatchObject({ dirty: [], flushes: 2 });
  expect(await stored(fileId)).toBe(`// two\n// one\n${ORIGINAL}`);
  expect((await versions(fileId)).map((v) => v.content)).toEqual([`// one\n${ORIGINAL}`, `// two\n// one\n${ORIGINAL}`]);
});

test('an agent writes while a person types on another line: both edits survive, in the room and in PostgreSQL', async () => {
  const { userId, projectId, fileId, person } = await seed();
  const ref = { projectId, runId: randomUUID(), taskId: 'name', role: 'backend' };
  const { runAgentFileTool } = createAgentFileActivities({
    orm: stack.db.orm,
    events: stack.events,
    logger: silentLogger,
    scaffoldFileDelayMs: 0,
    live: stack.live,
  });
  const agent = (name: string, args: Record<string, unknown>) =>
    new MockActivityEnvironment({ ...defaultActivityInfo, workflowExecution: { workflowId: `agent-task:${ref.runId}`, runId: 'r' } }).run<
      [Parameters<typeof runAgentFileTool>[0]],
      AgentToolResult,
      typeof runAgentFileTool
    >(runAgentFileTool, { ref, call: { id: `call_${name}`, name, arguments: args } });
  await agent('read_file', { path: 'src/config.js' });

  const writing = agent('write_file', { path: 'src/config.js', content: ORIGINAL.replace('"todo"', '"todos"') });
  for (const word of ['// ', 'port ', 'for ', 'dev\n']) {
    await person.typeAtLine(fileId, 0, word);
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(await writing).toMatchObject({ isError: false });
  await person.synced(fileId);
  await filesEdited(projectId, [fileId], userId);

  const both = `dev\nfor port // ${ORIGINAL.replace('"todo"', '"todos"')}`;
  expect((await person.text(fileId)).toString()).toBe(both);
  await waitFor('both edits in PostgreSQL', async () => (await stored(fileId)) === both, 10_000);
  // The agent stored the document as it was when it wrote (maybe with some of the typing); the flush, the rest.
  expect((await versions(fileId)).map((v) => v.reason)).toContain('agent');
  await stack.temporal.workflow.getHandle(workflowIds.projectRoom(projectId)).terminate();
});
