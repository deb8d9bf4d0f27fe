/**
 * File and folder operations and versions over real HTTP (cookies, the error formatter), on PostgreSQL, Redis
 * and the Liveblocks dev server: each mutation's happy path, each bad input's code, and who is refused.
 */
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { ProjectFileVersion, ProjectFolder } from '../../../../core/files/file.entities';
import { MAX_VERSIONS_PER_FILE, recordFileVersion } from '../../../../core/files/file-versions';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';

type User = { id: string; cookie: string };
let stack: Stack;
let gql: Gql;
let owner: User;
let reader: User;
let stranger: User;

const CAP = 64 * 1024;
beforeAll(async () => {
  stack = await createStack({ config: { ATELIER_UPLOAD_MAX_BYTES: CAP } });
  const base = await stack.app.listen(0, '127.0.0.1');
  let signUp;
  ({ gql, signUp } = graphqlOver(base));
  owner = await signUp('Owner');
  reader = await signUp('Reader');
  stranger = await signUp('Stranger');
});
afterAll(() => stack?.dispose());

/** A project of the owner's: `public` lets the reader read (not edit) it; private, the stranger sees nothing. */
async function project(visibility: 'private' | 'public' = 'private', archived = false): Promise<string> {
  const em = stack.db.orm.em.fork();
  const created = em.create(Project, {
    owner: owner.id,
    name: `P${Math.random().toString(36).slice(2, 10)}`,
    framework: 'express',
    visibility,
    archivedAt: archived ? new Date() : null,
  });
  await em.flush();
  return created.id;
}

const CREATE_FILE =
  'mutation($p: ID!, $path: String!, $c: String) { createFile(projectId: $p, path: $path, content: $c) { id path language size binary content } }';
const CREATE_FOLDER = 'mutation($p: ID!, $path: String!) { createFolder(projectId: $p, path: $path) }';
const MOVE = 'mutation($p: ID!, $f: String!, $t: String!) { movePath(projectId: $p, from: $f, to: $t) }';
const DELETE = 'mutation($p: ID!, $path: String!) { deletePath(projectId: $p, path: $path) }';
const RESTORE = 'mutation($v: ID!) { restoreFileVersion(versionId: $v) { id path content size } }';
const VERSIONS =
  'query($f: ID!, $l: Int) { fileVersions(fileId: $f, limit: $l) { id fileId path reason authorKind authorName size binary content createdAt } }';
const TREE = 'query($p: ID!) { project(id: $p) { folders files { path binary } } }';

const code = (r: { errors?: { extensions: { code: string } }[] }) => r.errors?.[0]?.extensions.code;
async function ok<T>(user: User, query: string, variables: Record<string, unknown>): Promise<T> {
  const reply = await gql<T>(user.cookie, query, variables);
  if (reply.errors) throw new Error(reply.text);
  return reply.data!;
}
const createFile = (p: string, path: string, c?: string) =>
  ok<{ createFile: { id: string } }>(owner, CREATE_FILE, { p, path, c }).then((d) => d.createFile);
const tree = async (p: string) => (await ok<{ project: { folders: string[]; files: { path: string }[] } }>(owner, TREE, { p })).project;
const row = (id: string) => stack.db.orm.em.fork().findOneOrFail(ProjectFile, { id });
const events = async (p: string) => (await stack.events.read(p)).map((e) => ({ type: e.type, data: e.data }));

/** Each mutation refused to the stranger (not found), the public project's reader (forbidden) and anonymous. */
async function expectRefusedToOthers(query: string, variables: (projectId: string) => Promise<Record<string, unknown>>): Promise<void> {
  const privateId = await project('private');
  const publicId = await project('public');
  expect(code(await gql(stranger.cookie, query, await variables(privateId)))).toBe('NOT_FOUND');
  expect(code(await gql(reader.cookie, query, await variables(publicId)))).toBe('FORBIDDEN');
  expect(code(await gql(undefined, query, await variables(publicId)))).toBe('UNAUTHENTICATED');
  expect(code(await gql(owner.cookie, query, await variables(await project('private', true))))).toBe('PROJECT_ARCHIVED');
}

describe('createFile', () => {
  it('creates a file with its language, size and a first version, and tells the project', async () => {
    const p = await project();
    const { createFile: file } = await ok<{ createFile: Record<string, unknown> }>(owner, CREATE_FILE, {
      p,
      path: 'src/main.ts',
      c: 'const é = 1;\n',
    });
    expect(file).toMatchObject({ path: 'src/main.ts', language: 'typescript', size: 14, binary: false, content: 'const é = 1;\n' });
    const versions = await ok<{ fileVersions: Record<string, unknown>[] }>(owner, VERSIONS, { f: file.id });
    expect(versions.fileVersions).toEqual([
      expect.objectContaining({ reason: 'create', authorKind: 'user', authorName: 'Owner', content: 'const é = 1;\n', binary: false }),
    ]);
    expect(await events(p)).toEqual([{ type: 'file.created', data: { fileId: file.id, path: 'src/main.ts', by: owner.id } }]);
    const empty = await createFile(p, 'empty.txt');
    expect(await stack.db.orm.em.fork().count(ProjectFileVersion, { fileId: empty.id })).toBe(0);
  });

  it('refuses bad paths, taken paths and content over the cap, with their codes', async () => {
    const p = await project();
    await createFile(p, 'a.txt', 'x');
    await createFile(p, 'dir/inner.txt');
    for (const path of ['/abs', '../up', 'a/../b', 'a//b', 'a\0b', 'a\\b', 'x'.repeat(513), 'bad\u0007name'])
      expect({ path, code: code(await gql(owner.cookie, CREATE_FILE, { p, path })) }).toEqual({ path, code: 'PATH_INVALID' });
    const invalid = await gql(owner.cookie, CREATE_FILE, { p, path: '../up' });
    expect(invalid.errors?.[0]?.message).toMatch(/"\.\."/);
    expect(JSON.stringify(invalid.errors)).not.toMatch(/stack|at Object|node_modules/);
    for (const path of ['a.txt', 'dir', 'a.txt/b.txt'])
      expect({ path, code: code(await gql(owner.cookie, CREATE_FILE, { p, path })) }).toEqual({ path, code: 'PATH_TAKEN' });
    expect(code(await gql(owner.cookie, CREATE_FILE, { p, path: 'big.txt', c: 'x'.repeat(CAP + 1) }))).toBe('FILE_TOO_LARGE');
    expect(code(await gql(owner.cookie, CREATE_FILE, { p: '00000000-0000-4000-8000-00000000ffff', path: 'x' }))).toBe('NOT_FOUND');
  });

  it('is refused to anyone who may not edit, and on an archived project', async () => {
    await expectRefusedToOthers(CREATE_FILE, async (p) => ({ p, path: 'x.txt' }));
  });
});

describe('createFolder', () => {
  it('creates an empty folder that the project lists; a taken or bad path is refused', async () => {
    const p = await project();
    expect(await ok(owner, CREATE_FOLDER, { p, path: 'assets/img' })).toEqual({ createFolder: 'assets/img' });
    await createFile(p, 'src/a.ts');
    expect((await tree(p)).folders).toEqual(['assets/img']);
    expect((await events(p)).map((e) => e.type)).toEqual(['folder.created', 'file.created']);
    for (const path of ['assets/img', 'assets', 'src', 'src/a.ts', 'src/a.ts/sub'])
      expect({ path, code: code(await gql(owner.cookie, CREATE_FOLDER, { p, path })) }).toEqual({ path, code: 'PATH_TAKEN' });
    expect(code(await gql(owner.cookie, CREATE_FOLDER, { p, path: 'a/./b' }))).toBe('PATH_INVALID');
  });

  it('is refused to anyone who may not edit, and on an archived project', async () => {
    await expectRefusedToOthers(CREATE_FOLDER, async (p) => ({ p, path: 'folder' }));
  });
});

describe('movePath', () => {
  it('renames a file, keeping its id and history, with the new language', async () => {
    const p = await project();
    const file = await createFile(p, 'notes.txt', 'hello');
    expect(await ok(owner, MOVE, { p, f: 'notes.txt', t: 'docs/notes.md' })).toEqual({ movePath: 'docs/notes.md' });
    const row = await stack.db.orm.em.fork().findOneOrFail(ProjectFile, { id: file.id });
    expect(row).toMatchObject({ path: 'docs/notes.md', language: 'markdown', content: 'hello' });
    expect((await ok<{ fileVersions: unknown[] }>(owner, VERSIONS, { f: file.id })).fileVersions).toHaveLength(1);
    expect((await events(p)).at(-1)).toEqual({
      type: 'file.renamed',
      data: { fileId: file.id, from: 'notes.txt', path: 'docs/notes.md', folder: false, by: owner.id },
    });
  });

  it('moves a folder with every file and explicit subfolder under it, and keeps the emptied parent', async () => {
    const p = await project();
    await createFile(p, 'src/lib/a.ts');
    await createFile(p, 'src/lib/deep/b.ts');
    await createFile(p, 'src/library.ts'); // shares the prefix, not the folder
    await ok(owner, CREATE_FOLDER, { p, path: 'src/lib/empty' });
    expect(await ok(owner, MOVE, { p, f: 'src/lib', t: 'pkg/core' })).toEqual({ movePath: 'pkg/core' });
    const moved = await tree(p);
    expect(moved.files.map((f) => f.path)).toEqual(['pkg/core/a.ts', 'pkg/core/deep/b.ts', 'src/library.ts']);
    expect(moved.folders).toEqual(['pkg/core/empty']);
    await ok(owner, MOVE, { p, f: 'src/library.ts', t: 'library.ts' });
    expect((await tree(p)).folders).toEqual(['pkg/core/empty', 'src']);
    expect((await events(p)).at(-2)).toMatchObject({ type: 'file.renamed', data: { from: 'src/lib', path: 'pkg/core', folder: true } });
  });

  it('refuses a move onto itself or into itself, onto a taken path, from a missing one, or a bad path', async () => {
    const p = await project();
    await createFile(p, 'a/b/c.txt');
    await createFile(p, 'x.txt');
    const move = async (f: string, t: string) => code(await gql(owner.cookie, MOVE, { p, f, t }));
    expect(await move('a', 'a')).toBe('PATH_INVALID');
    expect(await move('a', 'a/b/inside')).toBe('PATH_INVALID');
    expect(await move('x.txt', 'a/b')).toBe('PATH_TAKEN');
    expect(await move('x.txt', 'a/b/c.txt')).toBe('PATH_TAKEN');
    expect(await move('a', 'x.txt/a')).toBe('PATH_TAKEN');
    expect(await move('missing', 'y')).toBe('NOT_FOUND');
    expect(await move('x.txt', '../x.txt')).toBe('PATH_INVALID');
    expect(await move('a', `${'d/'.repeat(254)}d`)).toBe('PATH_INVALID'); // a/b/c.txt under it would pass 512
  });

  it('is refused to anyone who may not edit, and on an archived project', async () => {
    await expectRefusedToOthers(MOVE, async (p) => ({ p, f: 'a.txt', t: 'b.txt' }));
  });
});

describe('deletePath', () => {
  it('deletes a file and takes its live document out of the room; versions stay', async () => {
    const p = await project();
    const file = await createFile(p, 'src/gone.ts', 'bye');
    await createFile(p, 'src/stays.ts');
    await stack.live!.ensure(p, file.id, 'bye');
    expect(await stack.live!.isRegistered(p, file.id)).toBe(true);
    expect(await ok(owner, DELETE, { p, path: 'src/gone.ts' })).toEqual({ deletePath: 1 });
    expect(await stack.live!.isRegistered(p, file.id)).toBe(false);
    expect((await ok<{ fileVersions: unknown[] }>(owner, VERSIONS, { f: file.id })).fileVersions).toHaveLength(1);
    expect((await events(p)).at(-1)).toEqual({
      type: 'file.deleted',
      data: { fileIds: [file.id], path: 'src/gone.ts', folder: false, by: owner.id },
    });
  });

  it('deletes a folder with everything under it, explicit subfolders too, and keeps the emptied parent', async () => {
    const p = await project();
    const files = [await createFile(p, 'app/web/a.ts', 'a'), await createFile(p, 'app/web/b/c.ts', 'c')];
    await createFile(p, 'app/webby.ts');
    await ok(owner, CREATE_FOLDER, { p, path: 'app/web/empty' });
    for (const f of files) await stack.live!.ensure(p, f.id, 'x');
    expect(await ok(owner, DELETE, { p, path: 'app/web' })).toEqual({ deletePath: 2 });
    expect(await tree(p)).toEqual({ folders: [], files: [{ path: 'app/webby.ts', binary: false }] });
    for (const f of files) expect(await stack.live!.isRegistered(p, f.id)).toBe(false);
    expect(await ok(owner, DELETE, { p, path: 'app/webby.ts' })).toEqual({ deletePath: 1 });
    expect((await tree(p)).folders).toEqual(['app']);
    expect(await ok(owner, DELETE, { p, path: 'app' })).toEqual({ deletePath: 0 });
    expect(await stack.db.orm.em.fork().count(ProjectFolder, { project: p })).toBe(0);
  });

  it('answers NOT_FOUND for a missing path and PATH_INVALID for a bad one', async () => {
    const p = await project();
    expect(code(await gql(owner.cookie, DELETE, { p, path: 'nothing' }))).toBe('NOT_FOUND');
    expect(code(await gql(owner.cookie, DELETE, { p, path: '/' }))).toBe('PATH_INVALID');
  });

  it('is refused to anyone who may not edit, and on an archived project', async () => {
    await expectRefusedToOthers(DELETE, async (p) => ({ p, path: 'a.txt' }));
  });
});

describe('versions and restore', () => {
  /** A file with versions v1 (create) and v2, v3 (uploads as the owner would make them). */
  async function fileWithVersions(visibility: 'private' | 'public' = 'private') {
    const p = await project(visibility);
    const file = await createFile(p, 'doc.txt', 'one\n');
    for (const text of ['two\n', 'three\n'])
      await stack.app.createContext(owner.id).files.transfer.upload(owner.id, p, 'doc.txt', Buffer.from(text));
    const { fileVersions } = await ok<{ fileVersions: { id: string; content: string; reason: string }[] }>(owner, VERSIONS, { f: file.id });
    return { p, file, versions: fileVersions };
  }

  it('lists versions newest first, with a limit of 1 to 200, and reads one', async () => {
    const { file, versions } = await fileWithVersions();
    expect(versions.map((v) => [v.reason, v.content])).toEqual([
      ['upload', 'three\n'],
      ['upload', 'two\n'],
      ['create', 'one\n'],
    ]);
    expect((await ok<{ fileVersions: unknown[] }>(owner, VERSIONS, { f: file.id, l: 1 })).fileVersions).toHaveLength(1);
    for (const l of [0, 201]) expect(code(await gql(owner.cookie, VERSIONS, { f: file.id, l }))).toBe('BAD_USER_INPUT');
    const one = await ok<{ fileVersion: unknown }>(owner, 'query($id: ID!) { fileVersion(id: $id) { path content reason } }', {
      id: versions[2]!.id,
    });
    expect(one.fileVersion).toEqual({ path: 'doc.txt', content: 'one\n', reason: 'create' });
  });

  it('shows a binary version without content, and restores between binary and text', async () => {
    const { p, file } = await fileWithVersions();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]);
    // The text uploads went through the file's live document: turning binary, it gets a new id, history included.
    const upload = await stack.app.createContext(owner.id).files.transfer.upload(owner.id, p, 'doc.txt', png);
    const id = upload.file.id;
    expect(id).not.toBe(file.id);
    const { fileVersions } = await ok<{ fileVersions: { id: string; binary: boolean; content: string | null }[] }>(owner, VERSIONS, {
      f: id,
    });
    expect(fileVersions).toHaveLength(4);
    expect(fileVersions[0]).toMatchObject({ binary: true, content: null });
    const restored = await ok<{ restoreFileVersion: unknown }>(owner, RESTORE, { v: fileVersions[1]!.id });
    expect(restored.restoreFileVersion).toMatchObject({ id, content: 'three\n' });
    expect(await row(id)).toMatchObject({ binary: false, content: 'three\n' });
    await ok(owner, RESTORE, { v: fileVersions[0]!.id });
    const binary = await stack.db.orm.em.fork().findOneOrFail(ProjectFile, { id }, { populate: ['data'] });
    expect(binary).toMatchObject({ binary: true, content: '', size: png.length });
    expect(binary.data).toEqual(png);
  });

  it('keeps the newest 200 versions of a file', async () => {
    const { p, file } = await fileWithVersions();
    const em = stack.db.orm.em.fork();
    const author = { kind: 'system' as const, id: 'test', name: 'Test' };
    for (let i = 0; i < MAX_VERSIONS_PER_FILE; i++)
      await recordFileVersion(
        em,
        { fileId: file.id, projectId: p, path: 'doc.txt', content: `v${i}`, binary: false, data: null, size: 2 },
        author,
        'flush',
      );
    expect(await em.count(ProjectFileVersion, { fileId: file.id })).toBe(MAX_VERSIONS_PER_FILE);
    const { fileVersions } = await ok<{ fileVersions: { content: string }[] }>(owner, VERSIONS, { f: file.id, l: 200 });
    expect([fileVersions[0]!.content, fileVersions.at(-1)!.content]).toEqual([`v${MAX_VERSIONS_PER_FILE - 1}`, 'v0']);
  });

  it('hides a private project’s versions from a stranger and anonymous visitors', async () => {
    const { file, versions } = await fileWithVersions();
    for (const cookie of [stranger.cookie, undefined]) {
      expect(code(await gql(cookie, VERSIONS, { f: file.id }))).toBe('NOT_FOUND');
      expect((await gql(cookie, 'query($id: ID!) { fileVersion(id: $id) { id } }', { id: versions[0]!.id })).data).toEqual({
        fileVersion: null,
      });
    }
    expect(code(await gql(owner.cookie, VERSIONS, { f: '00000000-0000-4000-8000-00000000ffff' }))).toBe('NOT_FOUND');
  });

  it('restores a version through the live document, as a new version by the user', async () => {
    const { p, file, versions } = await fileWithVersions();
    await stack.live!.ensure(p, file.id, 'three\n');
    const restored = await ok<{ restoreFileVersion: Record<string, unknown> }>(owner, RESTORE, { v: versions[2]!.id });
    expect(restored.restoreFileVersion).toEqual({ id: file.id, path: 'doc.txt', content: 'one\n', size: 4 });
    expect(await stack.live!.read(p, file.id)).toBe('one\n');
    const after = await ok<{ fileVersions: { reason: string; authorName: string; content: string }[] }>(owner, VERSIONS, { f: file.id });
    expect(after.fileVersions[0]).toMatchObject({ reason: 'restore', authorName: 'Owner', content: 'one\n' });
    expect((await events(p)).at(-1)).toMatchObject({
      type: 'file.restored',
      data: { fileId: file.id, path: 'doc.txt', versionId: versions[2]!.id },
    });
  });

  it('refuses a restore to a stranger, a reader, anonymous, on an archived project, and of a deleted file', async () => {
    const secret = await fileWithVersions('private');
    const open = await fileWithVersions('public');
    expect(code(await gql(stranger.cookie, RESTORE, { v: secret.versions[1]!.id }))).toBe('NOT_FOUND');
    expect(code(await gql(reader.cookie, RESTORE, { v: open.versions[1]!.id }))).toBe('FORBIDDEN');
    expect(code(await gql(undefined, RESTORE, { v: open.versions[1]!.id }))).toBe('UNAUTHENTICATED');
    await stack.db.orm.em.fork().nativeUpdate(Project, { id: open.p }, { archivedAt: new Date() });
    expect(code(await gql(owner.cookie, RESTORE, { v: open.versions[1]!.id }))).toBe('PROJECT_ARCHIVED');
    await ok(owner, DELETE, { p: secret.p, path: 'doc.txt' });
    expect(code(await gql(owner.cookie, RESTORE, { v: secret.versions[1]!.id }))).toBe('NOT_FOUND');
    expect(code(await gql(owner.cookie, RESTORE, { v: 'not-a-uuid' }))).toBe('NOT_FOUND');
  });
});
