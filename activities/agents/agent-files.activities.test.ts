/**
 * Agents' file tools through the files' live documents, over a real database, Redis and the Liveblocks dev
 * server, with a person in the room as a real Liveblocks client: what the agent reads and writes, and that a
 * retried tool call writes once.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { MockActivityEnvironment, defaultActivityInfo } from '@temporalio/testing';
import { Redis } from 'ioredis';
import { ProjectEventStream } from '../../core/events/project-event-stream';
import { ProjectFileVersion } from '../../core/files/file.entities';
import { LiveDocs } from '../../core/files/live-docs';
import { Y } from '../../core/files/yjs';
import { Project, ProjectFile } from '../../core/project/project.entity';
import { User } from '../../core/user/user.entity';
import type { ToolCall } from '../../core/models/model-types';
import { ROOT_AGENTS_MAP, projectRoomId, type AgentCursor } from '../../contracts/collab';
import { EventType } from '../../contracts/events';
import { createTestDatabase, silentLogger, testServices, waitFor } from '../../test/harness';
import { testLiveblocks } from '../../test/services';
import { enterAsPerson, type LivePerson } from '../../test/fixtures/live-person';
import type { ActivityDeps } from '../deps';
import { createAgentFileActivities, type AgentToolRef, type AgentToolResult } from './agent-files.activities';
import { createRoomActivities } from '../files/room.activities';

let db: { orm: MikroORM; dispose(): Promise<void> };
let redis: Redis;
let events: ProjectEventStream;
const live = LiveDocs.fromConfig(testLiveblocks())!;
let deps: ActivityDeps;
const people: LivePerson[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(testServices().redisUrl);
  events = new ProjectEventStream(redis);
  deps = { orm: db.orm, events, logger: silentLogger, scaffoldFileDelayMs: 0, live };
});
afterAll(async () => {
  for (const person of people) person.leave();
  await redis?.quit();
  await db?.dispose();
});

const ORIGINAL = 'const port = 3000;\nconst host = "localhost";\nconst name = "todo";\n';

/** A project with `src/config.js`, its document seeded (someone opened it), and a task of the backend agent. */
async function seed() {
  const em = db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Grace Hopper' });
  const project = em.create(Project, { owner: user, name: `a-${randomUUID().slice(0, 8)}`, framework: 'express' });
  const file = em.create(ProjectFile, { project, path: 'src/config.js', content: ORIGINAL, language: 'javascript', size: ORIGINAL.length });
  await em.flush();
  await live.ensure(project.id, file.id, ORIGINAL);
  const ref: AgentToolRef = { projectId: project.id, runId: randomUUID(), taskId: 'config', role: 'backend' };
  return { userId: user.id, projectId: project.id, fileId: file.id, ref };
}

let calls = 0;
/** One tool call as the agent would make it (same `id`: the same call, retried). */
const call = (name: string, args: Record<string, unknown>, id = `call_${++calls}`): ToolCall => ({ id, name, arguments: args });

function tool(ref: AgentToolRef, toolCall: ToolCall, on: ActivityDeps = deps): Promise<AgentToolResult> {
  const env = new MockActivityEnvironment({
    ...defaultActivityInfo,
    workflowExecution: { workflowId: `agent-task:${ref.runId}`, runId: 'r1' },
  });
  const { runAgentFileTool } = createAgentFileActivities(on);
  return env.run<[{ ref: AgentToolRef; call: ToolCall }], AgentToolResult, typeof runAgentFileTool>(runAgentFileTool, {
    ref,
    call: toolCall,
  });
}

const stored = async (fileId: string) => (await db.orm.em.fork().findOneOrFail(ProjectFile, fileId)).content;
const versions = (fileId: string) => db.orm.em.fork().find(ProjectFileVersion, { fileId }, { orderBy: { createdAt: 'asc' } });

test('read_file sees a person’s unflushed edit, and a file nobody opened as stored', async () => {
  const { projectId, fileId, ref, userId } = await seed();
  const person = await enterAsPerson(live, projectId, userId, 'Grace');
  people.push(person);
  await person.typeAtLine(fileId, 1, '// staging\n');
  await person.synced(fileId);
  expect(await stored(fileId)).toBe(ORIGINAL);

  const read = await tool(ref, call('read_file', { path: 'src/config.js' }));
  expect(read).toEqual({ content: ORIGINAL.replace('const host', '// staging\nconst host'), isError: false });

  const em = db.orm.em.fork();
  em.create(ProjectFile, { project: projectId, path: 'README.md', content: '# hi\n', language: 'markdown', size: 5 });
  await em.flush();
  expect(await tool(ref, call('read_file', { path: 'README.md' }))).toEqual({ content: '# hi\n', isError: false });
});

test('an agent’s write and a person typing on another line at the same moment: both survive, live and stored', async () => {
  const { projectId, fileId, ref, userId } = await seed();
  const person = await enterAsPerson(live, projectId, userId, 'Grace');
  people.push(person);
  const seen = await person.text(fileId);
  await tool(ref, call('read_file', { path: 'src/config.js' }));

  const writing = tool(ref, call('write_file', { path: 'src/config.js', content: ORIGINAL.replace('"todo"', '"todos"') }));
  await person.typeAtLine(fileId, 0, '// edited by Grace\n');
  const result = await writing;
  expect(result).toMatchObject({ isError: false, wrote: ['src/config.js'] });

  const both = `// edited by Grace\n${ORIGINAL.replace('"todo"', '"todos"')}`;
  await waitFor('the person’s client to show both edits', async () => seen.toString() === both, 10_000);
  await person.synced(fileId);
  expect(await live.read(projectId, fileId)).toBe(both);
  // The agent stored what the document said when it wrote; the room's flush stores the rest.
  const roomEnv = new MockActivityEnvironment();
  await roomEnv.run(createRoomActivities(deps).flushRoomFiles, { projectId, files: [{ fileId, userId }] });
  expect(await stored(fileId)).toBe(both);
  expect((await versions(fileId)).map((v) => [v.reason, v.authorKind, v.authorName])).toEqual(
    expect.arrayContaining([['agent', 'agent', 'The backend']]),
  );

  const root = new Y.Doc();
  Y.applyUpdate(root, new Uint8Array(await live.client.getYjsDocumentAsBinaryUpdate(projectRoomId(projectId))));
  expect(root.getMap<AgentCursor>(ROOT_AGENTS_MAP).get('backend')).toMatchObject({ fileId, path: 'src/config.js', name: 'The backend' });
});

test('the same write_file call twice (a retry) changes the document, the row and the history once', async () => {
  const { projectId, fileId, ref } = await seed();
  await tool(ref, call('read_file', { path: 'src/config.js' }));
  const write = call('write_file', { path: 'src/config.js', content: ORIGINAL.replace('3000', '8080') });
  expect(await tool(ref, write)).toMatchObject({ isError: false, content: 'Wrote src/config.js (66 bytes)' });
  expect(await tool(ref, write)).toMatchObject({ isError: false, content: 'Wrote src/config.js (66 bytes)' });

  expect(await live.read(projectId, fileId)).toBe(ORIGINAL.replace('3000', '8080'));
  expect(await stored(fileId)).toBe(ORIGINAL.replace('3000', '8080'));
  expect(await versions(fileId)).toEqual([
    expect.objectContaining({
      reason: 'agent',
      authorKind: 'agent',
      authorId: 'backend',
      authorName: 'The backend',
      content: ORIGINAL.replace('3000', '8080'),
    }),
  ]);
  const written = (await events.read(projectId)).filter((e) => e.type === EventType.FILE_WRITTEN);
  expect(written).toHaveLength(1);
});

test('apply_patch retried after its document change but before its row was stored: applied once', async () => {
  const { projectId, fileId, ref } = await seed();
  await tool(ref, call('read_file', { path: 'src/config.js' }));
  const patch = call('apply_patch', { path: 'src/config.js', patch: '@@ -1 +1 @@\n-const port = 3000;\n+const port = 8080;\n' });
  await tool(ref, patch);
  // The first attempt's database statement never committed: only the live document has the patch.
  const em = db.orm.em.fork();
  await em.getConnection().execute('update project_files set content = ? where id = ?', [ORIGINAL, fileId]);
  await em.getConnection().execute('update agent_file_bases set content = ? where run_id = ?', [ORIGINAL, ref.runId]);
  await em.nativeDelete(ProjectFileVersion, { fileId });

  expect(await tool(ref, patch)).toMatchObject({ isError: false, wrote: ['src/config.js'] });
  expect(await live.read(projectId, fileId)).toBe(ORIGINAL.replace('3000', '8080'));
  expect(await stored(fileId)).toBe(ORIGINAL.replace('3000', '8080'));
  expect(await versions(fileId)).toHaveLength(1);
});

test('an edit to the same line meanwhile: refused, neither the document nor the row changes', async () => {
  const { projectId, fileId, ref } = await seed();
  await tool(ref, call('read_file', { path: 'src/config.js' }));
  const person = ORIGINAL.replace('3000', '4000');
  await live.replace(projectId, fileId, ORIGINAL, person, { kind: 'user', id: 'u', name: 'U' });
  const result = await tool(ref, call('write_file', { path: 'src/config.js', content: ORIGINAL.replace('3000', '9090') }));
  expect(result).toMatchObject({ isError: true, conflict: { path: 'src/config.js' } });
  expect(await live.read(projectId, fileId)).toBe(person);
  expect(await stored(fileId)).toBe(ORIGINAL);
  expect(await versions(fileId)).toHaveLength(0);
});

test('a new file: its row first, then its document, seeded with what was stored', async () => {
  const { projectId, ref } = await seed();
  expect(await tool(ref, call('write_file', { path: 'src/new.js', content: 'export {};\n' }))).toMatchObject({ isError: false });
  const row = await db.orm.em.fork().findOneOrFail(ProjectFile, { project: projectId, path: 'src/new.js' });
  expect(await live.read(projectId, row.id)).toBe('export {};\n');
  expect(await versions(row.id)).toEqual([expect.objectContaining({ reason: 'agent', content: 'export {};\n' })]);
});

test('without live documents: PostgreSQL only, as before, with a version', async () => {
  const { projectId, ref } = await seed();
  const off = { ...deps, live: null };
  const em = db.orm.em.fork();
  const file = em.create(ProjectFile, { project: projectId, path: 'plain.js', content: 'a\n', language: 'javascript', size: 2 });
  await em.flush();
  expect(await tool(ref, call('read_file', { path: 'plain.js' }), off)).toEqual({ content: 'a\n', isError: false });
  expect(await tool(ref, call('write_file', { path: 'plain.js', content: 'b\n' }), off)).toMatchObject({ isError: false });
  expect(await stored(file.id)).toBe('b\n');
  expect(await live.isRegistered(projectId, file.id)).toBe(false);
  expect(await versions(file.id)).toEqual([expect.objectContaining({ reason: 'agent', content: 'b\n' })]);
});

test('a binary file is neither read nor patched as text, and a new file may not take a folder’s or a file’s place', async () => {
  const { projectId, ref } = await seed();
  const em = db.orm.em.fork();
  em.create(ProjectFile, { project: projectId, path: 'logo.png', content: '', language: 'plaintext', size: 4, binary: true, data: Buffer.from([0x89, 0x50, 0, 1]) });
  await em.flush();

  const read = await tool(ref, call('read_file', { path: 'logo.png' }));
  expect(read).toMatchObject({ isError: true, content: 'logo.png is a binary file (4 bytes); it cannot be read as text' });
  const patched = await tool(ref, call('apply_patch', { path: 'logo.png', patch: '--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n' }));
  expect(patched).toMatchObject({ isError: true, content: 'logo.png is a binary file; it cannot be patched' });

  // `src` is a folder (it holds src/config.js), and src/config.js is a file, so neither can become the other.
  expect(await tool(ref, call('write_file', { path: 'src', content: 'x' }))).toMatchObject({ isError: true, content: expect.stringContaining('choose another path') });
  expect(await tool(ref, call('write_file', { path: 'src/config.js/inner.js', content: 'x' }))).toMatchObject({ isError: true });
  const paths = (await db.orm.em.fork().find(ProjectFile, { project: projectId }, { orderBy: { path: 'asc' } })).map((f) => f.path);
  expect(paths).toEqual(['logo.png', 'src/config.js']);
});

test('replace_in_file: one passage replaced through write(); a miss names the nearest line, several the count', async () => {
  const { projectId, fileId, ref } = await seed();
  await tool(ref, call('read_file', { path: 'src/config.js' }));
  const edited = await tool(ref, call('replace_in_file', { path: 'src/config.js', old_text: 'const port = 3000;', new_text: 'const port = 8080;' }));
  expect(edited).toEqual({ content: expect.stringMatching(/^Edited src\/config\.js \(\d+ bytes\)$/), isError: false, wrote: ['src/config.js'] });
  expect(await live.read(projectId, fileId)).toBe(ORIGINAL.replace('3000', '8080'));
  expect(await stored(fileId)).toBe(ORIGINAL.replace('3000', '8080'));

  // Quoted with other indentation and trailing spaces: the whitespace-tolerant fallback finds the line.
  const loose = await tool(ref, call('replace_in_file', { path: 'src/config.js', old_text: '  const host = "localhost";  ', new_text: 'const host = "0.0.0.0";' }));
  expect(loose).toMatchObject({ isError: false });
  expect(await stored(fileId)).toBe(ORIGINAL.replace('3000', '8080').replace('localhost', '0.0.0.0'));

  const missing = await tool(ref, call('replace_in_file', { path: 'src/config.js', old_text: 'const title = "todo";', new_text: 'x' }));
  expect(missing).toEqual({
    content: 'In src/config.js, the text to replace was not found; the nearest line is 3: const name = "todo";. Nothing was changed.',
    isError: true,
  });
  const twice = await tool(ref, call('replace_in_file', { path: 'src/config.js', old_text: 'const ', new_text: 'let ' }));
  expect(twice).toMatchObject({ isError: true, content: expect.stringContaining('occurs 3 times') });
  expect(await tool(ref, call('replace_in_file', { path: 'src/none.js', old_text: 'a', new_text: 'b' }))).toMatchObject({
    isError: true,
    content: 'src/none.js does not exist; create it with write_file',
  });
  expect(await stored(fileId)).toBe(ORIGINAL.replace('3000', '8080').replace('localhost', '0.0.0.0'));
  expect(await versions(fileId)).toHaveLength(2);
});

test('replace_in_file retried after its document change but before its row was stored: applied once', async () => {
  const { projectId, fileId, ref } = await seed();
  await tool(ref, call('read_file', { path: 'src/config.js' }));
  const replace = call('replace_in_file', { path: 'src/config.js', old_text: 'const port = 3000;', new_text: 'const port = 8080;' });
  await tool(ref, replace);
  const em = db.orm.em.fork();
  await em.getConnection().execute('update project_files set content = ? where id = ?', [ORIGINAL, fileId]);
  await em.getConnection().execute('update agent_file_bases set content = ? where run_id = ?', [ORIGINAL, ref.runId]);
  await em.nativeDelete(ProjectFileVersion, { fileId });

  expect(await tool(ref, replace)).toMatchObject({ isError: false, wrote: ['src/config.js'] });
  expect(await live.read(projectId, fileId)).toBe(ORIGINAL.replace('3000', '8080'));
  expect(await stored(fileId)).toBe(ORIGINAL.replace('3000', '8080'));
  expect(await versions(fileId)).toHaveLength(1);
});
