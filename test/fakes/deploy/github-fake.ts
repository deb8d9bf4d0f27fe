/**
 * GitHub at the wire: the REST subset the export uses (`/user`, `/user/repos`, `/repos/{owner}/{repo}`, its
 * commits) under `${origin}/api`, and a real smart-HTTP git server at the origin: `git http-backend` run as a CGI
 * over bare repositories in a temp dir, receive-pack enabled, behind GitHub's Basic auth (`x-access-token` and the
 * token). isomorphic-git really pushes, and a test reads what was pushed with `git` (`readFile`, `log`).
 *
 * Faults: rate-limit and server-error at the next write (creating a repository, a push), refuse-token (REST and
 * git), name-taken (the next repository looked up that does not exist turns out to be somebody else's).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WireFault } from '../../../core/deploy/targets/target-contract';
import { json, WireFakeServer, type WireRequest, type WireResponse } from './wire-fake';

const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

interface FakeRepo {
  readonly owner: string;
  readonly name: string;
  description: string;
  readonly private: boolean;
  readonly id: number;
}

export interface GitCommit {
  readonly sha: string;
  readonly message: string;
}

export class GithubFake extends WireFakeServer {
  readonly faults: readonly WireFault[] = ['rate-limit', 'server-error', 'refuse-token', 'name-taken'];
  readonly token = { value: 'ghp_fakeGithubToken0001', account: 'ada-lovelace' };
  private readonly root = mkdtempSync(join(tmpdir(), 'github-fake-'));
  private readonly repos = new Map<string, FakeRepo>();
  private nextId = 1000;

  constructor() {
    super();
    this.route('GET', '/api/user', () => json(200, { login: this.token.account, id: 1, type: 'User', name: 'Ada Lovelace' }));
    this.route('POST', '/api/user/repos', (r) => this.createRepo(r));
    this.route('GET', '/api/repos/:owner/:repo', (r) => this.getRepo(r));
    this.route('GET', '/api/repos/:owner/:repo/commits', (r) => this.listCommits(r));
    this.route('GET', '/api/repos/:owner/:repo/commits/:ref', (r) => this.getCommit(r));
    this.route('GET', '/:owner/:repo', (r) => this.page(r), { auth: false });
    const gitWrite = (r: WireRequest) => r.path.endsWith('/git-receive-pack');
    for (const method of ['GET', 'POST'])
      this.route(method, '/:owner/:repo/*rest', (r, res, req) => this.git(r, res, req), { auth: false, raw: true, write: gitWrite });
  }

  /** The REST base URL (`endpoints.github`). */
  override get url(): string {
    return `${this.origin}/api`;
  }

  /** Where repositories are pushed (`endpoints.githubGit`). */
  get gitUrl(): string {
    return this.origin;
  }

  /** Somebody else's repository under the account, with that name. */
  addForeignRepo(name: string): void {
    this.addRepo(name, 'My own project, not from Atelier', false);
  }

  /** Commits on a repository's branch, newest first. */
  log(fullName: string, branch = 'main'): GitCommit[] {
    const out = this.gitIn(fullName, ['log', '--format=%H%x1f%B%x1e', branch], true);
    return out
      .split('\x1e')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const [sha = '', message = ''] = entry.split('\x1f');
        return { sha, message: message.trim() };
      });
  }

  /** A file's content at the branch's head. */
  readFile(fullName: string, path: string, branch = 'main'): string {
    return this.gitIn(fullName, ['show', `${branch}:${path}`]);
  }

  /** Paths of the files at the branch's head. */
  files(fullName: string, branch = 'main'): string[] {
    return this.gitIn(fullName, ['ls-tree', '-r', '--name-only', branch]).split('\n').filter(Boolean);
  }

  /** The branch's head commit, or null (an empty repository). */
  head(fullName: string, branch = 'main'): GitCommit | null {
    return this.log(fullName, branch)[0] ?? null;
  }

  /** A commit of any repository by sha (what Render and Railway read when they deploy one). */
  commit(sha: string): GitCommit | null {
    for (const key of this.repos.keys()) {
      const found = this.gitIn(key, ['log', '-1', '--format=%H%x1f%B', sha], true);
      if (found) {
        const [full = '', message = ''] = found.split('\x1f');
        return { sha: full, message: message.trim() };
      }
    }
    return null;
  }

  hasRepo(fullName: string): boolean {
    return this.repos.has(fullName);
  }

  deploymentsFor(deploymentId: string): number {
    const trailer = `Atelier-Deployment: ${deploymentId}`;
    let count = 0;
    for (const key of this.repos.keys())
      count += this.gitIn(key, ['log', '--all', '--format=%B%x1e'], true)
        .split('\x1e')
        .filter((message) => message.split('\n').some((line) => line.trim() === trailer)).length;
    return count;
  }

  /** A pushed commit stays: active while it exists. */
  isActive(ref: string): boolean {
    return this.commit(ref) !== null;
  }

  override async close(): Promise<void> {
    await super.close();
    rmSync(this.root, { recursive: true, force: true });
  }

  protected errorBody(_status: number, message: string): unknown {
    return { message, documentation_url: 'https://docs.github.com/rest' };
  }

  protected clearState(): void {
    this.repos.clear();
    rmSync(this.root, { recursive: true, force: true });
    mkdirSync(this.root, { recursive: true });
  }

  private addRepo(name: string, description: string, isPrivate: boolean): FakeRepo {
    const repo: FakeRepo = { owner: this.token.account, name, description, private: isPrivate, id: this.nextId++ };
    const dir = this.bareDir(`${repo.owner}/${name}`);
    mkdirSync(join(this.root, repo.owner), { recursive: true });
    execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', dir]);
    execFileSync('git', ['--git-dir', dir, 'config', 'http.receivepack', 'true']);
    this.repos.set(`${repo.owner}/${name}`, repo);
    return repo;
  }

  private repoJson(repo: FakeRepo): Record<string, unknown> {
    const fullName = `${repo.owner}/${repo.name}`;
    return {
      id: repo.id,
      name: repo.name,
      full_name: fullName,
      owner: { login: repo.owner, id: 1, type: 'User' },
      private: repo.private,
      description: repo.description,
      html_url: `${this.origin}/${fullName}`,
      clone_url: `${this.origin}/${fullName}.git`,
      default_branch: 'main',
    };
  }

  private createRepo(request: WireRequest): WireResponse {
    const body = this.bodyOf<{ name?: string; private?: boolean; description?: string }>(request);
    if (!body.name) return this.error(422, 'Repository creation failed.');
    if (this.repos.has(`${this.token.account}/${body.name}`))
      return json(422, {
        message: 'Repository creation failed.',
        errors: [{ resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' }],
      });
    return json(201, this.repoJson(this.addRepo(body.name, body.description ?? '', body.private ?? false)));
  }

  private getRepo(request: WireRequest): WireResponse {
    const key = `${request.params.owner}/${request.params.repo}`;
    let repo = this.repos.get(key);
    if (!repo && request.params.owner === this.token.account && this.take('name-taken')) {
      this.addForeignRepo(request.params.repo!);
      repo = this.repos.get(key);
    }
    return repo ? json(200, this.repoJson(repo)) : this.error(404, 'Not Found');
  }

  private listCommits(request: WireRequest): WireResponse {
    const key = `${request.params.owner}/${request.params.repo}`;
    if (!this.repos.has(key)) return this.error(404, 'Not Found');
    if (!this.gitIn(key, ['rev-parse', '--all'], true)) return this.error(409, 'Git Repository is empty.');
    const sha = request.query.get('sha') ?? 'main';
    const limit = Math.min(100, Number(request.query.get('per_page') ?? 30));
    const commits = this.gitIn(key, ['log', '--format=%H%x1f%B%x1e', '-n', String(limit), sha], true);
    if (!commits) return this.error(404, `No commit found for SHA: ${sha}`);
    return json(
      200,
      commits
        .split('\x1e')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const [id = '', message = ''] = entry.split('\x1f');
          return {
            sha: id,
            html_url: `${this.origin}/${key}/commit/${id}`,
            commit: { message: message.trim(), author: { name: 'Atelier' } },
          };
        }),
    );
  }

  private getCommit(request: WireRequest): WireResponse {
    const key = `${request.params.owner}/${request.params.repo}`;
    if (!this.repos.has(key)) return this.error(404, 'Not Found');
    const found = this.gitIn(key, ['log', '-1', '--format=%H%x1f%B', request.params.ref!], true);
    if (!found) return this.error(422, `No commit found for SHA: ${request.params.ref}`);
    const [sha = '', message = ''] = found.split('\x1f');
    return json(200, { sha, html_url: `${this.origin}/${key}/commit/${sha}`, commit: { message: message.trim() } });
  }

  private page(request: WireRequest): WireResponse {
    const repo = this.repos.get(`${request.params.owner}/${request.params.repo}`);
    if (!repo) return { status: 404, body: 'Not Found', headers: { 'content-type': 'text/plain' } };
    return { status: 200, body: `<!doctype html><title>${repo.owner}/${repo.name}</title>`, headers: { 'content-type': 'text/html' } };
  }

  /** Smart HTTP: Basic auth as GitHub does it, then `git http-backend` as a CGI. */
  private git(request: WireRequest, res: http.ServerResponse, req: http.IncomingMessage): WireResponse | undefined {
    const credentials = basic(req.headers.authorization);
    if (!credentials) return { status: 401, body: 'Authentication required', headers: { 'www-authenticate': 'Basic realm="GitHub"' } };
    if (credentials.username !== 'x-access-token' || !this.accepts(credentials.password))
      return { status: 401, body: 'Invalid username or token', headers: { 'www-authenticate': 'Basic realm="GitHub"' } };
    const name = request.params.repo!.replace(/\.git$/, '');
    const key = `${request.params.owner}/${name}`;
    if (!this.repos.has(key)) return { status: 404, body: 'Repository not found.' };
    const child = spawn(HTTP_BACKEND, [], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: this.root,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: credentials.username,
        REQUEST_METHOD: request.method,
        PATH_INFO: `/${key}.git/${request.params.rest}`,
        QUERY_STRING: request.query.toString(),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
      },
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const field = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (field === 'status') status = Number(value.split(' ')[0]);
        else if (field) headers[field] = value;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
    });
    child.on('close', () => {
      if (!headersDone) res.writeHead(500).end('git http-backend failed');
      else res.end();
    });
    return undefined;
  }

  private bareDir(fullName: string): string {
    return join(this.root, `${fullName}.git`);
  }

  private gitIn(fullName: string, args: string[], quiet = false): string {
    const dir = this.bareDir(fullName);
    if (!existsSync(dir)) return '';
    try {
      return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      if (quiet) return '';
      throw error;
    }
  }
}

function basic(header: string | undefined): { username: string; password: string } | null {
  const match = /^basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
