/** The package store on disk, and pruning against a real database. */
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { c as createTar } from 'tar';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';
import { createTestDatabase } from '../../test/harness';
import { ArtifactMissingError, ArtifactStore } from './artifact';
import { KEPT_PACKAGES, prunePackages } from './artifact-prune';
import { Deployment, DeployTarget } from './deploy.entities';

let root: string;
let store: ArtifactStore;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'atelier-artifacts-'));
  store = new ArtifactStore(join(root, 'deployments'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A gzipped tarball of a built workspace, made the way the build step makes it (`tar czf … .`). */
async function workspaceTarball(files: Record<string, string>, extra?: (dir: string) => void): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  extra?.(dir);
  const out = join(root, `${randomUUID()}.tgz`);
  await createTar({ gzip: true, file: out, cwd: dir, portable: true }, ['.']);
  rmSync(dir, { recursive: true, force: true });
  return readFileSync(out);
}

test('a package keeps the whole workspace in its tarball and lists the provider files (no node_modules, VCS or links)', async () => {
  const tarball = await workspaceTarball(
    {
      'package.json': JSON.stringify({ name: 'todo', scripts: { start: 'node server.js', build: 'vite build' } }),
      'server.js': 'console.log(1)',
      'dist/index.html': '<h1>todo</h1>',
      'node_modules/express/index.js': 'module.exports = 1',
      '.git/HEAD': 'ref: refs/heads/main',
      'bin/run.sh': '#!/bin/sh\necho hi',
    },
    (dir) => {
      chmodSync(join(dir, 'bin/run.sh'), 0o755);
      symlinkSync('/etc/passwd', join(dir, 'passwd'));
    },
  );
  const id = randomUUID();
  const manifest = await store.save(id, tarball);
  expect(manifest.files.map((f) => f.path)).toEqual(['bin/run.sh', 'dist/index.html', 'package.json', 'server.js']);
  expect(manifest.files.find((f) => f.path === 'bin/run.sh')!.executable).toBe(true);
  expect(manifest.files.find((f) => f.path === 'server.js')).toMatchObject({
    executable: false,
    size: 14,
    sha1: createHash('sha1').update('console.log(1)').digest('hex'),
  });
  expect(manifest).toMatchObject({ staticDir: 'dist', startCommand: 'npm start', runtime: 'node', bytes: tarball.length });
  expect(manifest.sha256).toBe(createHash('sha256').update(tarball).digest('hex'));
  expect(statSync(store.dir).mode & 0o777).toBe(0o700);
  expect(statSync(store.tarballPath(id)).mode & 0o777).toBe(0o600);
  expect(readdirSync(store.dir).filter((n) => n.startsWith('.tmp-'))).toEqual([]);

  const artifact = await store.open(id);
  expect(artifact.tarballPath).toBe(store.tarballPath(id));
  expect((await artifact.files.find((f) => f.path === 'dist/index.html')!.read()).toString()).toBe('<h1>todo</h1>');
  expect(artifact.packageJson).toMatchObject({ name: 'todo' });

  // Saving again (a retried step) keeps the first package.
  const again = await store.save(id, await workspaceTarball({ 'other.txt': 'x' }));
  expect(again.sha256).toBe(manifest.sha256);
});

test('a static site at the root, a python app, and a rollback copy of a package', async () => {
  const site = await store.save(randomUUID(), await workspaceTarball({ 'index.html': '<p>hi</p>' }));
  expect(site).toMatchObject({ staticDir: '.', startCommand: null, runtime: 'node', packageJson: null });
  const py = await store.save(randomUUID(), await workspaceTarball({ 'main.py': 'print(1)', 'requirements.txt': 'fastapi' }));
  expect(py).toMatchObject({ staticDir: null, startCommand: 'python3 main.py', runtime: 'python' });

  const copy = randomUUID();
  const copied = await store.copy(py.deploymentId, copy);
  expect(copied).toMatchObject({ deploymentId: copy, sha256: py.sha256 });
  expect(readFileSync(store.tarballPath(copy)).equals(readFileSync(store.tarballPath(py.deploymentId)))).toBe(true);
  await store.remove(py.deploymentId);
  // The copy stands on its own once the source is pruned.
  expect((await (await store.open(copy)).files[0]!.read()).toString()).toBe('print(1)');
  await expect(store.open(py.deploymentId)).rejects.toBeInstanceOf(ArtifactMissingError);
  await expect(store.copy(py.deploymentId, randomUUID())).rejects.toBeInstanceOf(ArtifactMissingError);
});

describe('pruning', () => {
  let db: { orm: MikroORM; dispose(): Promise<void> };
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.dispose());

  test(`keeps the newest ${KEPT_PACKAGES} packages of a project's target and the live one`, async () => {
    const em = db.orm.em.fork();
    const user = em.create(User, { email: 'prune@example.com', displayName: 'Prune' });
    const project = em.create(Project, { owner: user, name: 'Prune', framework: 'express' });
    const tarball = await workspaceTarball({ 'index.html': 'x' });
    const ids: string[] = [];
    for (let i = 0; i < 14; i++) {
      const d = em.create(Deployment, {
        project,
        target: 'local',
        status: i === 1 ? 'LIVE' : 'SUPERSEDED',
        artifactSha: 'x',
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
      ids.push(d.id);
      await store.save(d.id, tarball);
    }
    em.create(DeployTarget, { project, target: 'local', liveDeployment: ids[1] });
    await em.flush();
    const pruned = await prunePackages(db.orm, store, project.id, 'local');
    // Oldest first: 0, 2, 3 go; 1 is live; 4…13 are the newest ten.
    expect(pruned.sort()).toEqual([ids[0], ids[2], ids[3]].sort());
    for (const id of ids) expect(existsSync(store.tarballPath(id))).toBe(!pruned.includes(id));
  });
});
