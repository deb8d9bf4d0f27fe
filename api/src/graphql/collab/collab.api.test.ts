import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { projectRoomId } from '../../../../contracts/collab';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { ProjectFileVersion } from '../../../../core/files/file.entities';
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { User } from '../../../../core/user/user.entity';
import { createStack, waitFor, type Stack } from '../../../../test/harness';
import { testLiveblocks } from '../../../../test/services';

let stack: Stack;
let off: Stack;
let owner: string;
let stranger: string;
let projects: Record<'private' | 'public' | 'other' | 'archived', string>;

const OPEN = 'mutation($p: ID!, $f: ID!) { openFile(projectId: $p, fileId: $f) { fileId roomId readOnly reason } }';
const EDITED = 'mutation($p: ID!, $f: [ID!]!) { filesEdited(projectId: $p, fileIds: $f) }';
const SETTINGS = '{ collaboration { enabled proxied throttleMs } }';

beforeAll(async () => {
  [stack, off] = await Promise.all([createStack({ config: testLiveblocks() }), createStack({ live: false })]);
  const em = stack.db.orm.em.fork();
  const [ada, bob] = ['Ada', 'Bob'].map((name) => em.create(User, { email: `${name.toLowerCase()}@example.com`, displayName: name }));
  const project = (name: string, extra: Partial<Project> = {}) => em.create(Project, { owner: ada!, name, framework: 'express', ...extra }).id;
  projects = { private: project('Private'), public: project('Public', { visibility: 'public' }), other: project('Other'), archived: project('Old', { archivedAt: new Date() }) };
  await em.flush();
  [owner, stranger] = [ada!.id, bob!.id];
});
afterAll(async () => {
  await stack?.dispose();
  await off?.dispose();
});

async function execute(query: string, variables: Record<string, unknown>, viewerId: string | null, on = stack) {
  const response = await on.app.apollo.executeOperation({ query, variables }, { contextValue: on.app.createContext(viewerId) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}
const code = (result: Awaited<ReturnType<typeof execute>>) => result.errors?.[0]?.extensions?.code;

async function addFile(projectId: string, content: string, extra: Partial<ProjectFile> = {}): Promise<string> {
  const em = stack.db.orm.em.fork();
  const file = em.create(ProjectFile, { project: projectId, path: `src/${randomUUID()}.ts`, content, language: 'typescript', size: Buffer.byteLength(content), ...extra });
  await em.flush();
  return file.id;
}

describe('collaboration', () => {
  it('tells the client whether Liveblocks is on and goes through this origin, for anyone', async () => {
    expect((await execute(SETTINGS, {}, null)).data).toEqual({ collaboration: { enabled: true, proxied: true, throttleMs: 16 } });
    expect((await execute(SETTINGS, {}, owner, off)).data).toEqual({ collaboration: { enabled: false, proxied: false, throttleMs: 16 } });
  });
});

describe('openFile', () => {
  it('registers and seeds the live document for an editor, once', async () => {
    const fileId = await addFile(projects.private, 'const a = 1;\n');
    const first = await execute(OPEN, { p: projects.private, f: fileId }, owner);
    expect(first.data).toEqual({ openFile: { fileId, roomId: projectRoomId(projects.private), readOnly: false, reason: null } });
    expect(await stack.live!.read(projects.private, fileId)).toBe('const a = 1;\n');
    expect((await execute(OPEN, { p: projects.private, f: fileId }, owner)).errors).toBeUndefined();
    expect(await stack.live!.read(projects.private, fileId)).toBe('const a = 1;\n');
  });

  it('opens read-only, with the reason, for a reader and an anonymous visitor of a public project and on an archived one', async () => {
    const fileId = await addFile(projects.public, 'public\n');
    for (const viewer of [stranger, null]) {
      expect((await execute(OPEN, { p: projects.public, f: fileId }, viewer)).data).toMatchObject({ openFile: { readOnly: true, reason: expect.stringMatching(/view this project but not edit/) } });
    }
    const archivedFile = await addFile(projects.archived, 'old\n');
    expect((await execute(OPEN, { p: projects.archived, f: archivedFile }, owner)).data).toMatchObject({ openFile: { readOnly: true, reason: expect.stringMatching(/archived/) } });
  });

  it('never makes binary or large files live: read-only with the reason', async () => {
    const binary = await addFile(projects.private, '', { binary: true, data: Buffer.from([0, 1, 2]), size: 3 });
    const large = await addFile(projects.private, 'x'.repeat(1024 * 1024 + 1));
    expect((await execute(OPEN, { p: projects.private, f: binary }, owner)).data).toMatchObject({ openFile: { readOnly: true, reason: expect.stringMatching(/binary/) } });
    expect((await execute(OPEN, { p: projects.private, f: large }, owner)).data).toMatchObject({ openFile: { readOnly: true, reason: expect.stringMatching(/too large/) } });
    expect(await stack.live!.isRegistered(projects.private, binary)).toBe(false);
    expect(await stack.live!.isRegistered(projects.private, large)).toBe(false);
  });

  it('answers NOT_FOUND for a project the caller cannot read, a file of another project and a malformed id', async () => {
    const fileId = await addFile(projects.private, 'secret\n');
    const elsewhere = await addFile(projects.other, 'other\n');
    expect(code(await execute(OPEN, { p: projects.private, f: fileId }, stranger))).toBe('NOT_FOUND');
    expect(code(await execute(OPEN, { p: projects.private, f: fileId }, null))).toBe('NOT_FOUND');
    expect(code(await execute(OPEN, { p: projects.private, f: elsewhere }, owner))).toBe('NOT_FOUND');
    expect(code(await execute(OPEN, { p: projects.private, f: 'not-a-uuid' }, owner))).toBe('NOT_FOUND');
    expect(await stack.live!.isRegistered(projects.private, elsewhere)).toBe(false);
  });

  it('answers COLLABORATION_UNAVAILABLE without Liveblocks', async () => {
    const result = await execute(OPEN, { p: projects.private, f: randomUUID() }, owner, off);
    expect(code(result)).toBe('COLLABORATION_UNAVAILABLE');
    expect(result.errors?.[0]?.message).toMatch(/collaboration is unavailable/i);
  });
});

/** The filesEdited signals the project's room workflow received, and the input it was started with. */
async function roomSignals(projectId: string) {
  const handle = stack.temporal.workflow.getHandle(workflowIds.projectRoom(projectId));
  const { type, taskQueue } = await handle.describe();
  const events = (await handle.fetchHistory()).events ?? [];
  const decode = (payload: { data?: Uint8Array | null } | undefined) => JSON.parse(Buffer.from(payload!.data!).toString()) as unknown;
  const started = events.find((e) => e.workflowExecutionStartedEventAttributes)!.workflowExecutionStartedEventAttributes!;
  const signals = events.flatMap((e) => (e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes] : []));
  return {
    type,
    taskQueue,
    input: decode(started.input?.payloads?.[0]),
    signals: signals.map((s) => ({ name: s.signalName, body: decode(s.input?.payloads?.[0]) })),
    terminate: () => handle.terminate('test over'),
  };
}

describe('filesEdited', () => {
  it('starts the project room workflow with the filesEdited signal, then signals the same run', async () => {
    const [a, b] = [await addFile(projects.private, 'a'), await addFile(projects.private, 'b')];
    expect((await execute(EDITED, { p: projects.private, f: [a, b, a] }, owner)).data).toEqual({ filesEdited: true });
    expect((await execute(EDITED, { p: projects.private, f: [b] }, owner)).data).toEqual({ filesEdited: true });
    const room = await roomSignals(projects.private);
    expect(room).toMatchObject({ type: 'projectRoomWorkflow', taskQueue: stack.taskQueue, input: { projectId: projects.private } });
    expect(room.signals).toEqual([
      { name: 'filesEdited', body: { fileIds: [a, b], userId: owner } },
      { name: 'filesEdited', body: { fileIds: [b], userId: owner } },
    ]);
    await room.terminate();
  });

  it('is FORBIDDEN for a reader, NOT_FOUND for a stranger, UNAUTHENTICATED anonymously, and signals nothing', async () => {
    const [pub, priv] = [await addFile(projects.public, 'p'), await addFile(projects.private, 'q')];
    expect(code(await execute(EDITED, { p: projects.public, f: [pub] }, stranger))).toBe('FORBIDDEN');
    expect(code(await execute(EDITED, { p: projects.other, f: [priv] }, stranger))).toBe('NOT_FOUND');
    expect(code(await execute(EDITED, { p: projects.public, f: [pub] }, null))).toBe('UNAUTHENTICATED');
    await expect(stack.temporal.workflow.getHandle(workflowIds.projectRoom(projects.public)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  it('refuses a file of another project (NOT_FOUND) and bad lists (BAD_USER_INPUT)', async () => {
    const elsewhere = await addFile(projects.private, 'r');
    const result = await execute(EDITED, { p: projects.other, f: [elsewhere] }, owner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', resource: 'File' });
    for (const ids of [[], ['nope'], Array.from({ length: 101 }, () => randomUUID())]) {
      expect(code(await execute(EDITED, { p: projects.other, f: ids }, owner))).toBe('BAD_USER_INPUT');
    }
    await expect(stack.temporal.workflow.getHandle(workflowIds.projectRoom(projects.other)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
  });

  it('answers COLLABORATION_UNAVAILABLE without Liveblocks', async () => {
    expect(code(await execute(EDITED, { p: projects.private, f: [randomUUID()] }, owner, off))).toBe('COLLABORATION_UNAVAILABLE');
  });
});

describe('with the room workflow running', () => {
  it('gets an edit of the live document into PostgreSQL after filesEdited, credited to the editor', async () => {
    const { stop } = await stack.startWorker();
    try {
      const fileId = await addFile(projects.other, 'let n = 1;\n');
      await execute(OPEN, { p: projects.other, f: fileId }, owner);
      // A person's edit as Liveblocks stores it (the browser path is in test/security/liveblocks-auth.test.ts).
      await stack.live!.replace(projects.other, fileId, 'let n = 1;\n', 'let n = 2;\n', { kind: 'user', id: owner, name: 'Ada' });
      expect((await execute(EDITED, { p: projects.other, f: [fileId] }, owner)).data).toEqual({ filesEdited: true });
      const stored = await waitFor('the flush', async () => {
        const file = await stack.db.orm.em.fork().findOneOrFail(ProjectFile, { id: fileId });
        return file.content === 'let n = 2;\n' && file;
      });
      expect(stored.content).toBe('let n = 2;\n');
      const versions = await stack.db.orm.em.fork().find(ProjectFileVersion, { fileId, reason: 'flush' });
      expect(versions.map((v) => [v.content, v.authorId])).toEqual([['let n = 2;\n', owner]]);
    } finally {
      await stack.temporal.workflow.getHandle(workflowIds.projectRoom(projects.other)).terminate('test over').catch(() => undefined);
      await stop();
    }
  });
});
