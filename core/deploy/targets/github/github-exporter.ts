/**
 * Exports a deployment's files to a GitHub repository: the GitHub target is only this, and Render and Railway
 * deploy from the exported repository. The REST calls go through `@octokit/rest`; the push is a real git push
 * with isomorphic-git over smart HTTP (a commit on top of the branch's history, never a force push).
 *
 * Idempotency: each commit carries the trailer `Atelier-Deployment: <deploymentId>`, so a retried attempt finds
 * the commit an earlier one pushed (`findCommit`) instead of pushing a second one. A repository is ours only when
 * its description names our project id; any other repository of that name is somebody else's (DEPLOY_NAME_TAKEN).
 */
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import * as git from 'isomorphic-git';
import { DeployFailure, type DeployArtifact, type ProviderEndpoints, type TargetContext } from '../target';
import { networkFailure, requestSignal, statusFailure } from './failures';
import { fetchHttpClient } from './git-http';

export interface GithubRepo {
  readonly owner: string;
  readonly name: string;
  /** `owner/name`: what Railway's repo source and our providerProjectRef hold. */
  readonly fullName: string;
  readonly htmlUrl: string;
  readonly defaultBranch: string;
}

export interface GithubExporterOptions {
  readonly endpoints: Pick<ProviderEndpoints, 'github' | 'githubGit'>;
  readonly fetch?: typeof fetch;
}

const COMMITS_SEARCHED = 50;
const AUTHOR = { name: 'Atelier', email: 'deploy@atelier.invalid' };

/** The trailer that ties a commit to our deployment. */
export const deploymentTrailer = (deploymentId: string): string => `Atelier-Deployment: ${deploymentId}`;
/** The repository description that marks it as ours. */
export const exportMarker = (projectId: string): string => `Exported from Atelier project ${projectId}`;

export class GithubExporter {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: GithubExporterOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The login the token belongs to (DEPLOY_TOKEN_REFUSED when GitHub refuses it). */
  async account(token: string): Promise<string> {
    const { data } = await this.call('checking the token', async () => (await this.octokit(token)).rest.users.getAuthenticated());
    return data.login;
  }

  /** The repository's name: the target setting `name`, else the project's slug. */
  repoName(ctx: TargetContext): string {
    const name = (ctx.settings.name?.trim() || ctx.projectSlug).replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100);
    return name || 'atelier-app';
  }

  /** Our repository for this project, or null when there is none (or the name is somebody else's). Creates nothing. */
  async findRepo(ctx: TargetContext, token: string): Promise<GithubRepo | null> {
    const found = await this.lookup(ctx, token);
    return found && found.ours ? found.repo : null;
  }

  /** Our repository, created (private unless `settings.private` is 'false') when missing. */
  async ensureRepo(ctx: TargetContext, token: string): Promise<GithubRepo> {
    const found = await this.lookup(ctx, token);
    if (found) return this.ours(ctx, found);
    try {
      const { data } = await (
        await this.octokit(token)
      ).rest.repos.createForAuthenticatedUser({
        name: this.repoName(ctx),
        private: ctx.settings.private !== 'false',
        description: exportMarker(ctx.projectId),
        auto_init: false,
      });
      ctx.log(`Created the GitHub repository ${data.full_name}`, 'system');
      return toRepo(data);
    } catch (error) {
      // 422 "name already exists": another attempt (or somebody) created it since the lookup.
      if (statusOf(error) !== 422) throw this.failure('creating the repository', error);
      const again = await this.lookup(ctx, token);
      if (!again) throw this.failure('creating the repository', error);
      return this.ours(ctx, again);
    }
  }

  /** The commit pushed for `ctx.deploymentId` among the branch's recent commits, or null. */
  async findCommit(ctx: TargetContext, token: string, repo: GithubRepo): Promise<string | null> {
    const trailer = deploymentTrailer(ctx.deploymentId);
    try {
      const { data } = await (
        await this.octokit(token)
      ).rest.repos.listCommits({ owner: repo.owner, repo: repo.name, sha: repo.defaultBranch, per_page: COMMITS_SEARCHED });
      return data.find((c) => c.commit.message.split('\n').some((line) => line.trim() === trailer))?.sha ?? null;
    } catch (error) {
      // 409: the repository is empty; 404: the branch does not exist yet.
      if (statusOf(error) === 409 || statusOf(error) === 404) return null;
      throw this.failure('looking for the exported commit', error);
    }
  }

  async commitExists(token: string, repo: GithubRepo, sha: string): Promise<boolean> {
    try {
      await (await this.octokit(token)).rest.repos.getCommit({ owner: repo.owner, repo: repo.name, ref: sha });
      return true;
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 422) return false;
      throw this.failure('checking the exported commit', error);
    }
  }

  /** Repository, then the commit for this deployment: found, or pushed now. */
  async export(ctx: TargetContext, token: string, artifact: DeployArtifact): Promise<{ repo: GithubRepo; sha: string }> {
    const repo = await this.ensureRepo(ctx, token);
    const found = await this.findCommit(ctx, token, repo);
    if (found) return { repo, sha: found };
    return { repo, sha: await this.push(ctx, token, repo, artifact) };
  }

  /**
   * Pushes the artifact's files as one commit on the default branch: its history is fetched first (depth 1) so
   * the commit continues it. The tree is exactly the artifact's files (a file deleted from the project is gone).
   */
  async push(ctx: TargetContext, token: string, repo: GithubRepo, artifact: DeployArtifact): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'atelier-export-'));
    const url = `${this.options.endpoints.githubGit.replace(/\/$/, '')}/${repo.owner}/${repo.name}.git`;
    const http = fetchHttpClient(this.fetchImpl, ctx.signal);
    const onAuth = () => ({ username: 'x-access-token', password: token });
    const branch = repo.defaultBranch;
    try {
      await git.init({ fs, dir, defaultBranch: branch });
      await git.addRemote({ fs, dir, remote: 'origin', url });
      const remote = await git.getRemoteInfo({ http, url, onAuth, forPush: true });
      let parent: string | undefined = remote.refs?.heads?.[branch];
      if (parent) {
        const fetched = await git.fetch({
          fs,
          http,
          dir,
          remote: 'origin',
          onAuth,
          ref: branch,
          singleBranch: true,
          depth: 1,
          tags: false,
        });
        parent = fetched.fetchHead ?? parent;
      }
      ctx.heartbeat();
      const tree = await writeTree(dir, artifact, ctx);
      const message = `Deploy from Atelier\n\n${deploymentTrailer(ctx.deploymentId)}\n`;
      const sha = await git.commit({ fs, dir, message, author: AUTHOR, tree, parent: parent ? [parent] : [], ref: `refs/heads/${branch}` });
      const result = await git.push({ fs, http, dir, remote: 'origin', onAuth, ref: branch, remoteRef: branch });
      if (!result.ok) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `GitHub refused the push: ${result.error ?? 'unknown error'}`);
      ctx.log(`Pushed ${artifact.files.length} files to ${repo.fullName} (${branch}) as commit ${sha.slice(0, 12)}`, 'system');
      return sha;
    } catch (error) {
      throw this.gitFailure(error, ctx.signal);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async lookup(ctx: TargetContext, token: string): Promise<{ repo: GithubRepo; ours: boolean } | null> {
    const owner = await this.account(token);
    try {
      const { data } = await (await this.octokit(token)).rest.repos.get({ owner, repo: this.repoName(ctx) });
      return { repo: toRepo(data), ours: (data.description ?? '').includes(exportMarker(ctx.projectId)) };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw this.failure('looking up the repository', error);
    }
  }

  private ours(ctx: TargetContext, found: { repo: GithubRepo; ours: boolean }): GithubRepo {
    if (found.ours) return found.repo;
    throw new DeployFailure(
      'DEPLOY_NAME_TAKEN',
      `The GitHub repository ${found.repo.fullName} already exists and was not exported from this project; choose another repository name`,
    );
  }

  /** @octokit/rest is ESM only: loaded once, on first use (Node 20 requires it through `import()`). */
  private octokitClass?: Promise<typeof Octokit>;

  private async octokit(token: string): Promise<Octokit> {
    const quiet = () => undefined;
    this.octokitClass ??= import('@octokit/rest').then((m) => m.Octokit);
    const OctokitClass = await this.octokitClass;
    return new OctokitClass({
      auth: token,
      baseUrl: this.options.endpoints.github.replace(/\/$/, ''),
      userAgent: 'atelier-deploy',
      // Each call builds its own client, so the timeout covers that one call.
      request: { fetch: this.fetchImpl, signal: requestSignal(undefined) },
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    });
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.failure(what, error);
    }
  }

  private failure(what: string, error: unknown): DeployFailure {
    const status = statusOf(error);
    if (status === undefined) return networkFailure('GitHub', what, error);
    const response = (error as { response?: { headers?: Record<string, string | undefined> } }).response;
    const headers = response?.headers ?? {};
    const message = error instanceof Error ? error.message : '';
    return statusFailure('GitHub', what, status, message, { get: (name) => headers[name] ?? null });
  }

  private gitFailure(error: unknown, signal: AbortSignal): DeployFailure {
    if (error instanceof DeployFailure) return error;
    if (signal.aborted) return networkFailure('GitHub', 'pushing the files', error, signal);
    const data = (error as { code?: string; data?: { statusCode?: number; statusMessage?: string; reason?: string } }) ?? {};
    if (data.code === 'HttpError' && data.data?.statusCode)
      return statusFailure('GitHub', 'pushing the files', data.data.statusCode, data.data.statusMessage ?? '', { get: () => null });
    if (data.code === 'PushRejectedError')
      return new DeployFailure('DEPLOY_PROVIDER_UNAVAILABLE', 'GitHub rejected the push: the branch moved meanwhile; retrying', {
        retryable: true,
      });
    if (data.code === 'UserCanceledError')
      return new DeployFailure('DEPLOY_TOKEN_REFUSED', 'GitHub refused the token while pushing the files');
    // Any other isomorphic-git error (it names its `caller`) is not a connection problem: retrying will not help.
    if (data.code && (error as { caller?: string }).caller)
      return new DeployFailure('DEPLOY_PROVIDER_FAILED', `Pushing to GitHub failed: ${(error as Error).message.slice(0, 300)}`);
    return networkFailure('GitHub', 'pushing the files', error, signal);
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function toRepo(data: {
  name: string;
  full_name: string;
  html_url: string;
  default_branch?: string;
  owner: { login: string };
}): GithubRepo {
  return {
    owner: data.owner.login,
    name: data.name,
    fullName: data.full_name,
    htmlUrl: data.html_url,
    defaultBranch: data.default_branch || 'main',
  };
}

interface TreeNode {
  readonly files: Map<string, { oid: string; executable: boolean }>;
  readonly dirs: Map<string, TreeNode>;
}

/** Writes the artifact's files as blobs and trees into the temp repository; answers the root tree's oid. */
async function writeTree(dir: string, artifact: DeployArtifact, ctx: TargetContext): Promise<string> {
  const root: TreeNode = { files: new Map(), dirs: new Map() };
  for (const file of artifact.files) {
    const parts = file.path.split('/');
    const name = parts.pop()!;
    let node = root;
    for (const part of parts) {
      let next = node.dirs.get(part);
      if (!next) node.dirs.set(part, (next = { files: new Map(), dirs: new Map() }));
      node = next;
    }
    node.files.set(name, { oid: await git.writeBlob({ fs, dir, blob: await file.read() }), executable: file.executable });
    ctx.heartbeat();
  }
  const write = async (node: TreeNode): Promise<string> => {
    const tree: git.TreeEntry[] = [];
    for (const [path, file] of node.files) tree.push({ mode: file.executable ? '100755' : '100644', path, oid: file.oid, type: 'blob' });
    for (const [path, child] of node.dirs) tree.push({ mode: '040000', path, oid: await write(child), type: 'tree' });
    return git.writeTree({ fs, dir, tree });
  };
  return write(root);
}
