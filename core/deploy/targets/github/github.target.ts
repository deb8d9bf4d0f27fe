/**
 * The GitHub export target: a deployment is a commit pushed to the project's repository (see GithubExporter).
 * There is nothing to build or wait for; the URL is the repository's page, and "healthy" means the commit exists.
 */
import { DeployFailure, type DeployTargetAdapter, type ProviderDeployment, type ProviderEndpoints, type TargetContext } from '../target';
import { GithubExporter, type GithubRepo } from './github-exporter';

export interface GithubTargetOptions {
  readonly endpoints: ProviderEndpoints;
  readonly fetch?: typeof fetch;
}

/** The GitHub token from the context (the deploy service checks presence first; this is the last guard). */
export function githubToken(ctx: TargetContext): string {
  const token = ctx.tokens.github;
  if (!token) throw new DeployFailure('DEPLOY_TOKEN_MISSING', 'A GitHub token is needed to export the project');
  return token;
}

/** `owner/name` back into the parts the REST calls need. */
export function repoFromRef(fullName: string, htmlUrl: string | null): Pick<GithubRepo, 'owner' | 'name'> & { htmlUrl: string | null } {
  const [owner = '', name = ''] = fullName.split('/');
  return { owner, name, htmlUrl };
}

export function createGithubTarget(options: GithubTargetOptions): DeployTargetAdapter {
  const exporter = new GithubExporter(options);

  return {
    name: 'github',

    async verifyToken(provider, token) {
      if (provider !== 'github') throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `The GitHub target takes no ${provider} token`);
      return { account: await exporter.account(token) };
    },

    async find(ctx) {
      const token = githubToken(ctx);
      const repo = await exporter.findRepo(ctx, token);
      const sha = repo && (await exporter.findCommit(ctx, token, repo));
      return repo && sha ? { ref: sha, projectRef: repo.fullName, url: repo.htmlUrl } : null;
    },

    async create(ctx, artifact) {
      const { repo, sha } = await exporter.export(ctx, githubToken(ctx), artifact);
      return { ref: sha, projectRef: repo.fullName, url: repo.htmlUrl };
    },

    async waitReady(ctx, deployment) {
      const repo = await repoOf(ctx, deployment);
      ctx.log(`Commit ${deployment.ref.slice(0, 12)} is on ${repo.fullName}: ${repo.htmlUrl}`, 'provider');
      return { url: deployment.url ?? repo.htmlUrl };
    },

    async probe(ctx, deployment) {
      const repo = await repoOf(ctx, deployment);
      const exists = await exporter.commitExists(githubToken(ctx), repo, deployment.ref);
      return {
        healthy: exists,
        detail: exists ? `commit ${deployment.ref.slice(0, 12)} is on ${repo.fullName}` : `commit ${deployment.ref} is missing`,
      };
    },

    async promote() {
      // The pushed commit is the branch's head already.
    },

    async discard(ctx, deployment) {
      ctx.log(`A pushed commit stays in the repository's history (${deployment.ref.slice(0, 12)}); nothing to undo`, 'system');
    },
  };

  async function repoOf(ctx: TargetContext, deployment: ProviderDeployment): Promise<GithubRepo> {
    if (deployment.projectRef && deployment.url) {
      const { owner, name } = repoFromRef(deployment.projectRef, deployment.url);
      return { owner, name, fullName: deployment.projectRef, htmlUrl: deployment.url, defaultBranch: 'main' };
    }
    const repo = await exporter.findRepo(ctx, githubToken(ctx));
    if (!repo) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'The exported GitHub repository is gone');
    return repo;
  }
}
