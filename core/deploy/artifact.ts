import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, copyFile, cp, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { x as extract } from 'tar';
import type { ArtifactFile, DeployArtifact } from './targets/target';

/** What `<id>.json` holds: the package's description, written last (its presence means the package is whole). */
export interface ArtifactManifest {
  readonly version: 1;
  readonly deploymentId: string;
  /** SHA-256 of `<id>.tgz`. */
  readonly sha256: string;
  readonly bytes: number;
  readonly files: ReadonlyArray<{ path: string; size: number; sha1: string; executable: boolean }>;
  readonly staticDir: string | null;
  readonly startCommand: string | null;
  readonly runtime: 'node' | 'python';
  readonly packageJson: Record<string, unknown> | null;
}

/** Folders a provider that builds by itself never needs (installed packages, VCS data). */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.python_packages', '__pycache__']);
/** Folders a static host may serve, in the order they are preferred (a build's output before the sources). */
const STATIC_DIRS = ['dist', 'build', 'out', 'public'];

/** A relative, `/`-separated path without `.`/`..` segments, or null for anything else. */
function cleanPath(raw: string): string | null {
  const parts = raw.replace(/^\.\//, '').split('/').filter((p) => p !== '' && p !== '.');
  if (!parts.length || parts.some((p) => p === '..' || p.includes('\0'))) return null;
  return parts.join('/');
}

/**
 * The deployments' packages: `<dir>/<id>.tgz` (the whole built workspace, node_modules included, which the local
 * target unpacks), `<id>.files/` (the files a provider gets: no node_modules or VCS folders, regular files only)
 * and `<id>.json` (the manifest). Everything is written under temporary names and renamed, manifest last, so a
 * worker killed half-way leaves no package that looks whole, and saving again is harmless. The folder is 0700 and
 * the files 0600: a package may hold a built `.env`.
 */
export class ArtifactStore {
  constructor(readonly dir: string) {}

  tarballPath(id: string): string {
    return join(this.dir, `${id}.tgz`);
  }
  private manifestPath(id: string): string {
    return join(this.dir, `${id}.json`);
  }
  private filesDir(id: string): string {
    return join(this.dir, `${id}.files`);
  }

  /** The manifest of a whole package, or null. */
  async manifest(id: string): Promise<ArtifactManifest | null> {
    try {
      return JSON.parse(await readFile(this.manifestPath(id), 'utf8')) as ArtifactManifest;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Stores a workspace tarball (gzip) as the package of deployment `id`; a package already whole is kept. */
  async save(id: string, tarball: Buffer): Promise<ArtifactManifest> {
    const existing = await this.manifest(id);
    if (existing) return existing;
    await this.ensureDir();
    const tmp = join(this.dir, `.tmp-${id}-${randomUUID()}`);
    try {
      await writeFile(`${tmp}.tgz`, tarball, { mode: 0o600 });
      await mkdir(`${tmp}.files`, { mode: 0o700 });
      const modes = new Map<string, number>();
      await extract({
        file: `${tmp}.tgz`,
        cwd: `${tmp}.files`,
        // Regular files only, relative, outside skipped folders: no link or device ever lands on the host.
        filter: (path, entry) => {
          const clean = cleanPath(path);
          const type = 'type' in entry ? entry.type : null;
          if (!clean || (type !== 'File' && type !== 'OldFile' && type !== 'ContiguousFile')) return false;
          if (clean.split('/').some((p) => SKIPPED.has(p))) return false;
          modes.set(clean, 'mode' in entry ? (entry.mode ?? 0o644) : 0o644);
          return true;
        },
        fmode: 0o600,
        dmode: 0o700,
      });
      const files = [];
      for (const [path, mode] of [...modes].sort(([a], [b]) => a.localeCompare(b))) {
        const content = await readFile(join(`${tmp}.files`, path)).catch(() => null);
        if (!content) continue;
        files.push({ path, size: content.length, sha1: createHash('sha1').update(content).digest('hex'), executable: (mode & 0o111) !== 0 });
      }
      const paths = new Set(files.map((f) => f.path));
      const packageJson = paths.has('package.json') ? parseJson(await readFile(join(`${tmp}.files`, 'package.json'), 'utf8')) : null;
      const scripts = (packageJson?.scripts ?? {}) as Record<string, unknown>;
      const manifest: ArtifactManifest = {
        version: 1,
        deploymentId: id,
        sha256: createHash('sha256').update(tarball).digest('hex'),
        bytes: tarball.length,
        files,
        staticDir: STATIC_DIRS.find((d) => paths.has(`${d}/index.html`)) ?? (paths.has('index.html') ? '.' : null),
        startCommand: typeof scripts.start === 'string' ? 'npm start' : !packageJson && paths.has('main.py') ? 'python3 main.py' : null,
        runtime: !packageJson && (paths.has('requirements.txt') || paths.has('main.py')) ? 'python' : 'node',
        packageJson,
      };
      await writeFile(`${tmp}.json`, JSON.stringify(manifest), { mode: 0o600 });
      await rm(this.filesDir(id), { recursive: true, force: true });
      await rename(`${tmp}.files`, this.filesDir(id));
      await rename(`${tmp}.tgz`, this.tarballPath(id));
      await rename(`${tmp}.json`, this.manifestPath(id));
      return manifest;
    } finally {
      await Promise.all([`${tmp}.tgz`, `${tmp}.files`, `${tmp}.json`].map((p) => rm(p, { recursive: true, force: true })));
    }
  }

  /** Makes `from`'s package deployment `to`'s too (a rollback): hard links where it can, copies otherwise. */
  async copy(from: string, to: string): Promise<ArtifactManifest> {
    const existing = await this.manifest(to);
    if (existing) return existing;
    const source = await this.manifest(from);
    if (!source) throw new ArtifactMissingError(from);
    await this.ensureDir();
    const tmp = join(this.dir, `.tmp-${to}-${randomUUID()}`);
    try {
      await link(this.tarballPath(from), `${tmp}.tgz`).catch(() => copyFile(this.tarballPath(from), `${tmp}.tgz`, constants.COPYFILE_FICLONE));
      await cp(this.filesDir(from), `${tmp}.files`, { recursive: true });
      await writeFile(`${tmp}.json`, JSON.stringify({ ...source, deploymentId: to }), { mode: 0o600 });
      await rm(this.filesDir(to), { recursive: true, force: true });
      await rename(`${tmp}.files`, this.filesDir(to));
      await rename(`${tmp}.tgz`, this.tarballPath(to));
      await rename(`${tmp}.json`, this.manifestPath(to));
      return (await this.manifest(to))!;
    } finally {
      await Promise.all([`${tmp}.tgz`, `${tmp}.files`, `${tmp}.json`].map((p) => rm(p, { recursive: true, force: true })));
    }
  }

  /** The package of deployment `id` as adapters read it; files are read from disk when asked for. */
  async open(id: string): Promise<DeployArtifact> {
    const manifest = await this.manifest(id);
    if (!manifest) throw new ArtifactMissingError(id);
    const base = this.filesDir(id);
    const files: ArtifactFile[] = manifest.files.map((f) => ({ ...f, read: () => readFile(join(base, f.path)) }));
    return {
      files,
      staticDir: manifest.staticDir,
      tarballPath: this.tarballPath(id),
      startCommand: manifest.startCommand,
      runtime: manifest.runtime,
      packageJson: manifest.packageJson,
    };
  }

  /** Removes deployment `id`'s package (pruning); a missing one is not an error. */
  async remove(id: string): Promise<void> {
    await rm(this.manifestPath(id), { force: true });
    await Promise.all([rm(this.tarballPath(id), { force: true }), rm(this.filesDir(id), { recursive: true, force: true })]);
  }

  /** Ids of every whole package in the store. */
  async ids(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names.filter((n) => n.endsWith('.json') && !n.startsWith('.tmp-')).map((n) => n.slice(0, -'.json'.length));
  }

  private async ensureDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (((await stat(this.dir)).mode & 0o077) !== 0) await chmod(this.dir, 0o700);
  }
}

/** Thrown when a deployment's package is not in the store (pruned, or built on another machine). */
export class ArtifactMissingError extends Error {
  override readonly name = 'ArtifactMissingError';
  constructor(readonly deploymentId: string) {
    super(`The package of deployment ${deploymentId} is no longer kept; deploy again to rebuild it`);
  }
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The store under a data folder: `<dataDir>/deployments`. */
export const artifactStore = (dataDir: string) => new ArtifactStore(join(dataDir, 'deployments'));

/** Deployment `deploymentId`'s package, from the store under `dataDir`. */
export const openArtifact = (dataDir: string, deploymentId: string) => artifactStore(dataDir).open(deploymentId);
