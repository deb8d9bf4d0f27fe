/**
 * Uploads, raw downloads and the zip over real HTTP with session cookies, on PostgreSQL, Redis, Temporal and
 * the Liveblocks dev server. The zip is read back with the OS's `unzip`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { ProjectFileVersion } from '../../../../core/files/file.entities';
import { User } from '../../../../core/user/user.entity';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';

type Account = { id: string; cookie: string };
let stack: Stack;
let base: string;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];
let owner: Account;
let reader: Account;
let stranger: Account;
let scratch: string;

const CAP = 64 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);

beforeAll(async () => {
  stack = await createStack({ config: { ATELIER_UPLOAD_MAX_BYTES: CAP } });
  base = await stack.app.listen(0, '127.0.0.1');
  ({ gql, signUp } = graphqlOver(base));
  owner = await signUp('Owner');
  // The owner uploads in most tests: a tier whose daily window they do not reach (the limit has its own test).
  await stack.db.orm.em.fork().nativeUpdate(User, { id: owner.id }, { tier: 'team' });
  reader = await signUp('Reader');
  stranger = await signUp('Stranger');
  scratch = await mkdtemp(join(tmpdir(), 'atelier-zip-'));
});
afterAll(async () => {
  await stack?.dispose();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function project(
  options: { visibility?: 'private' | 'public'; archived?: boolean; name?: string; by?: Account } = {},
): Promise<string> {
  const em = stack.db.orm.em.fork();
  const created = em.create(Project, {
    owner: (options.by ?? owner).id,
    name: options.name ?? `P${Math.random().toString(36).slice(2, 10)}`,
    framework: 'express',
    visibility: options.visibility ?? 'private',
    archivedAt: options.archived ? new Date() : null,
  });
  await em.flush();
  return created.id;
}

function upload(
  user: Account | undefined,
  projectId: string,
  path: string | null,
  body: NonNullable<RequestInit['body']>,
  headers: Record<string, string> = {},
) {
  const query = path === null ? '' : `?path=${encodeURIComponent(path)}`;
  return fetch(`${base}/api/projects/${projectId}/files/upload${query}`, {
    method: 'PUT',
    headers: { ...(user ? { cookie: user.cookie } : {}), ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}
const get = (user: Account | undefined, url: string) => fetch(`${base}${url}`, { headers: user ? { cookie: user.cookie } : {} });
const raw = (user: Account | undefined, projectId: string, path: string) =>
  get(user, `/api/projects/${projectId}/files/raw?path=${encodeURIComponent(path)}`);
const errorOf = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });
const row = (projectId: string, path: string) => stack.db.orm.em.fork().findOneOrFail(ProjectFile, { project: projectId, path });

describe('PUT /api/projects/:id/files/upload', () => {
  it('creates a text file from UTF-8, and a binary one from other bytes, each with a version and an event', async () => {
    const p = await project();
    const text = await upload(owner, p, 'docs/read me.md', 'héllo\n', { 'content-type': 'text/markdown' });
    expect(text.status).toBe(201);
    const created = ((await text.json()) as { file: { id: string } }).file;
    expect(created).toEqual({ id: expect.any(String), path: 'docs/read me.md', size: 7, binary: false });
    expect(await row(p, 'docs/read me.md')).toMatchObject({ content: 'héllo\n', language: 'markdown', binary: false });

    const image = await upload(owner, p, 'img/logo.png', PNG);
    expect(image.status).toBe(201);
    expect(await image.json()).toEqual({ file: { id: expect.any(String), path: 'img/logo.png', size: PNG.length, binary: true } });
    const bytes = await raw(owner, p, 'img/logo.png');
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(PNG);
    expect((await row(p, 'img/logo.png')).content).toBe('');
    const versions = await stack.db.orm.em.fork().find(ProjectFileVersion, { project: p }, { orderBy: { path: 'asc' } });
    expect(versions.map((v) => [v.path, v.reason, v.binary])).toEqual([
      ['docs/read me.md', 'upload', false],
      ['img/logo.png', 'upload', true],
    ]);
    const events = await stack.events.read(p);
    expect(events.map((e) => [e.type, e.data?.path, e.data?.binary])).toEqual([
      ['file.uploaded', 'docs/read me.md', false],
      ['file.uploaded', 'img/logo.png', true],
    ]);
  });

  it('replaces an open text file through its live document', async () => {
    const p = await project();
    const { id } = await upload(owner, p, 'app.js', 'one\n')
      .then((r) => r.json() as Promise<{ file: { id: string } }>)
      .then((r) => r.file);
    await stack.live!.ensure(p, id, 'one\n');
    const replaced = await upload(owner, p, 'app.js', 'two\n');
    expect(replaced.status).toBe(201);
    expect(((await replaced.json()) as { file: { id: string } }).file.id).toBe(id);
    expect(await stack.live!.read(p, id)).toBe('two\n');
    expect((await row(p, 'app.js')).content).toBe('two\n');
  });

  it('turns an open text file binary: its document leaves the room and the file, with its history, gets a new id', async () => {
    const p = await project();
    const { id } = await upload(owner, p, 'data.bin', 'text for now')
      .then((r) => r.json() as Promise<{ file: { id: string } }>)
      .then((r) => r.file);
    await stack.live!.ensure(p, id, 'text for now');
    const res = await upload(owner, p, 'data.bin', PNG);
    const { file } = (await res.json()) as { file: { id: string; binary: boolean } };
    expect(file.binary).toBe(true);
    expect(file.id).not.toBe(id);
    expect(await stack.live!.isRegistered(p, id)).toBe(false);
    expect(await stack.db.orm.em.fork().count(ProjectFileVersion, { fileId: file.id })).toBe(2);
    expect((await stack.events.read(p)).at(-1)?.data).toMatchObject({ fileId: file.id, replacedFileId: id, binary: true, created: false });
  });

  it('refuses a file over the cap (declared or streamed) with 413 FILE_TOO_LARGE', async () => {
    const p = await project();
    expect(await errorOf(await upload(owner, p, 'big.txt', 'x'.repeat(CAP + 1)))).toEqual({ status: 413, code: 'FILE_TOO_LARGE' });
    const chunks = async function* () {
      for (let i = 0; i < 5; i++) yield new TextEncoder().encode('y'.repeat(CAP / 4));
    };
    const streamed = await upload(owner, p, 'big.txt', ReadableStream.from(chunks()) as unknown as NonNullable<RequestInit['body']>);
    expect(await errorOf(streamed)).toEqual({ status: 413, code: 'FILE_TOO_LARGE' });
    expect(await stack.db.orm.em.fork().count(ProjectFile, { project: p })).toBe(0);
  });

  it('refuses bad paths, a folder in the way and an archived project', async () => {
    const p = await project();
    await upload(owner, p, 'src/a.ts', 'a');
    for (const path of ['/etc/passwd', '../up', 'a/./b', 'a\\b', 'nul\0here'])
      expect({ path, ...(await errorOf(await upload(owner, p, path, 'x'))) }).toEqual({ path, status: 400, code: 'PATH_INVALID' });
    expect(await errorOf(await upload(owner, p, null, 'x'))).toEqual({ status: 400, code: 'PATH_INVALID' });
    expect(await errorOf(await upload(owner, p, 'src', 'x'))).toEqual({ status: 409, code: 'PATH_TAKEN' });
    expect(await errorOf(await upload(owner, p, 'src/a.ts/b', 'x'))).toEqual({ status: 409, code: 'PATH_TAKEN' });
    expect(await errorOf(await upload(owner, await project({ archived: true }), 'a.txt', 'x'))).toEqual({
      status: 409,
      code: 'PROJECT_ARCHIVED',
    });
  });

  it('is refused to a stranger (404), a reader of a public project (403) and anonymous visitors (401)', async () => {
    const secret = await project();
    const open = await project({ visibility: 'public' });
    expect(await errorOf(await upload(stranger, secret, 'a.txt', 'x'))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await errorOf(await upload(reader, open, 'a.txt', 'x'))).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await errorOf(await upload(undefined, open, 'a.txt', 'x'))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await stack.db.orm.em.fork().count(ProjectFile, { project: { $in: [secret, open] } })).toBe(0);
  });

  it('counts uploads in the tier’s daily window and answers 429 with the limiter’s message', async () => {
    const uploader = await signUp('Uploader');
    const p = await project({ by: uploader });
    let answered = 0;
    let refusal: Response | undefined;
    for (let i = 0; i < 30 && !refusal; i++) {
      const res = await upload(uploader, p, `f${i}.txt`, 'x');
      if (res.status === 429) refusal = res;
      else answered += Number(res.status === 201);
    }
    expect(answered).toBeGreaterThanOrEqual(20); // free tier: 20 a day, plus the grace
    expect(refusal?.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await refusal!.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({
      code: 'RATE_LIMIT_EXCEEDED',
      message: expect.stringMatching(/Rate limit reached for uploads:daily/),
    });
  });
});

describe('GET /api/projects/:id/files/raw', () => {
  it('sends the bytes as a download that is never rendered', async () => {
    const p = await project();
    await upload(owner, p, 'site/index.html', '<script>alert(1)</script>');
    const res = await raw(owner, p, 'site/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="index.html"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(await res.text()).toBe('<script>alert(1)</script>');
  });

  it('answers 404 for a missing file, 400 for a bad path, and follows who may read', async () => {
    const secret = await project();
    const open = await project({ visibility: 'public' });
    await upload(owner, secret, 'a.txt', 'secret');
    await upload(owner, open, 'a.txt', 'open');
    expect(await errorOf(await raw(owner, secret, 'missing.txt'))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await errorOf(await raw(owner, secret, '../a.txt'))).toEqual({ status: 400, code: 'PATH_INVALID' });
    expect(await errorOf(await raw(stranger, secret, 'a.txt'))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await errorOf(await raw(undefined, secret, 'a.txt'))).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await (await raw(undefined, open, 'a.txt')).text()).toBe('open');
    expect(await (await raw(reader, open, 'a.txt')).text()).toBe('open');
  });
});

describe('GET /api/projects/:id/archive.zip', () => {
  const run = promisify(execFile);
  async function unzip(res: Response): Promise<{ list: string[]; read(entry: string): Promise<Buffer> }> {
    const file = join(scratch, `${Math.random().toString(36).slice(2)}.zip`);
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    const { stdout } = await run('unzip', ['-Z1', file]);
    const read = async (entry: string) => (await run('unzip', ['-p', file, entry], { encoding: 'buffer' })).stdout;
    return { list: stdout.trim().split('\n').sort(), read };
  }

  it('zips every file (binary ones byte for byte) and the empty folders, under the project’s slug', async () => {
    const p = await project({ name: 'Café Shop' });
    await upload(owner, p, 'src/app.js', 'console.log("hi");\n');
    await upload(owner, p, 'README.md', '# Café\n');
    await upload(owner, p, 'public/logo.png', PNG);
    await gql(owner.cookie, 'mutation($p: ID!) { createFolder(projectId: $p, path: "assets/empty") }', { p });
    const started = Date.now();
    const res = await get(owner, `/api/projects/${p}/archive.zip`);
    expect(Date.now() - started).toBeLessThan(3_000); // no room workflow: nothing to wait for
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="cafe-shop.zip"');
    const zip = await unzip(res);
    expect(zip.list).toEqual(['cafe-shop/README.md', 'cafe-shop/assets/empty/', 'cafe-shop/public/logo.png', 'cafe-shop/src/app.js']);
    expect(await zip.read('cafe-shop/public/logo.png')).toEqual(PNG);
    expect((await zip.read('cafe-shop/README.md')).toString()).toBe('# Café\n');
  });

  it('follows who may read: a stranger and anonymous get 404 on a private project; anyone gets a public one', async () => {
    const secret = await project();
    const open = await project({ visibility: 'public', name: 'Open' });
    await upload(owner, open, 'a.txt', 'a');
    expect((await get(stranger, `/api/projects/${secret}/archive.zip`)).status).toBe(404);
    expect((await get(undefined, `/api/projects/${secret}/archive.zip`)).status).toBe(404);
    expect((await get(undefined, `/api/projects/not-a-uuid/archive.zip`)).status).toBe(404);
    expect((await unzip(await get(undefined, `/api/projects/${open}/archive.zip`))).list).toEqual(['open/a.txt']);
  });

  it('waits a bounded time for a room that does not answer its flush, then zips what PostgreSQL has', async () => {
    const p = await project({ name: 'Stuck' });
    await upload(owner, p, 'a.txt', 'a');
    // A room workflow on a task queue no worker polls: the flush update is never taken.
    const handle = await stack.temporal.workflow.start('projectRoomWorkflow', {
      taskQueue: `nobody-${p}`,
      workflowId: workflowIds.projectRoom(p),
      args: [{ projectId: p }],
    });
    try {
      const started = Date.now();
      const res = await get(owner, `/api/projects/${p}/archive.zip`);
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
      expect(Date.now() - started).toBeLessThan(9_000);
      expect((await unzip(res)).list).toEqual(['stuck/a.txt']);
    } finally {
      await handle.terminate();
    }
  });
});
