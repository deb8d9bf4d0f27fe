/**
 * The zip holds what people see: edits the room has not flushed yet are flushed first (the route's flushNow
 * update on the running room workflow), on the real worker, Liveblocks dev server and PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { filesEditedSignal } from '../../../../contracts/messages';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { graphqlOver } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';

const run = promisify(execFile);
let stack: Stack;
let base: string;
let scratch: string;

beforeAll(async () => {
  stack = await createStack();
  await stack.startWorker();
  base = await stack.app.listen(0, '127.0.0.1');
  scratch = await mkdtemp(join(tmpdir(), 'atelier-zipflush-'));
});
afterAll(async () => {
  await stack?.dispose();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('a zip downloaded right after an edit holds the edit, not the stored text', async () => {
  const owner = await graphqlOver(base).signUp('Zipowner');
  const em = stack.db.orm.em.fork();
  const project = em.create(Project, { owner: owner.id, name: 'zipflush', framework: 'express' });
  const file = em.create(ProjectFile, { project, path: 'notes.md', content: 'stored\n', language: 'markdown', size: 7 });
  await em.flush();

  // A person types (their client writes the live document), and the client's debounced note reaches the room.
  await stack.live!.replace(project.id, file.id, 'stored\n', 'stored\nedited live\n', { kind: 'user', id: owner.id, name: 'Zip Owner' });
  await stack.temporal.workflow.signalWithStart('projectRoomWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: workflowIds.projectRoom(project.id),
    args: [{ projectId: project.id, timing: { quietMs: 60_000, maxDelayMs: 60_000 } }],
    signal: filesEditedSignal,
    signalArgs: [{ fileIds: [file.id], userId: owner.id }],
  });

  const res = await fetch(`${base}/api/projects/${project.id}/archive.zip`, { headers: { cookie: owner.cookie } });
  expect(res.status).toBe(200);
  const path = join(scratch, 'p.zip');
  await writeFile(path, Buffer.from(await res.arrayBuffer()));
  const { stdout } = await run('unzip', ['-p', path, 'zipflush/notes.md']);
  expect(stdout).toBe('stored\nedited live\n');
  // The flush is the room's own: PostgreSQL has the edit too.
  expect((await stack.db.orm.em.fork().findOneOrFail(ProjectFile, file.id)).content).toBe('stored\nedited live\n');
});
