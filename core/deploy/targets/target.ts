/**
 * The one interface every deploy target implements (local, Vercel, Netlify, GitHub export, Render, Railway), in
 * the sandbox pattern: the deployment workflow's activities hold a `DeployTargetAdapter` and never learn which
 * provider they talk to. `target-contract.ts` runs the same suite against every adapter and its wire fake.
 *
 * Idempotency is the adapter's job: every method may run again after a worker was killed in the middle of it,
 * and must then find what the earlier attempt created (by our deployment id, which each adapter stores at the
 * provider: a label, a meta field, a commit message) instead of creating a second one.
 */
import type { DeployLogStream, DeployTargetName } from '../../../contracts/deploy';
import type { ErrorCode } from '../../../contracts/errors';

/** One file of a deployment's package. */
export interface ArtifactFile {
  /** Relative, `/`-separated, never starting with `/` or containing `..`. */
  readonly path: string;
  readonly size: number;
  /** Hex SHA-1 of the content (Vercel's and Netlify's file digests). */
  readonly sha1: string;
  readonly executable: boolean;
  read(): Promise<Buffer>;
}

/**
 * What the build produced, read-only. `files` is the project after install and build, without `node_modules`
 * and VCS folders (what a provider that builds by itself needs); `staticDir` is the folder a static host serves
 * (`dist`, `build`, `out`, `public`, or `.` when the root has an `index.html`), null for a server-only app.
 * `tarballPath` is the whole built workspace, `node_modules` included (`.data/deployments/<id>.tgz`, 0600), which
 * the local target unpacks into its app sandbox.
 */
export interface DeployArtifact {
  readonly files: readonly ArtifactFile[];
  readonly staticDir: string | null;
  readonly tarballPath: string;
  /** `npm start` when package.json has a start script; null when there is nothing to run (static only). */
  readonly startCommand: string | null;
  /** The runtime the project builds with. */
  readonly runtime: 'node' | 'python';
  /** The project's `package.json` as parsed, when there is one. */
  readonly packageJson: Readonly<Record<string, unknown>> | null;
}

/** Everything an adapter call may use; built by the deployment activities per call. */
export interface TargetContext {
  /** Our deployment id: stored at the provider so a retry finds what an earlier attempt created. */
  readonly deploymentId: string;
  readonly projectId: string;
  /** The project's slug: the default provider-side name and the local app's host name. */
  readonly projectSlug: string;
  /** Decrypted tokens the target needs (`DEPLOY_TARGET_INFO[target].tokens`), by provider. */
  readonly tokens: Readonly<Partial<Record<string, string>>>;
  /** Provider scope stored with the token (Vercel team id, Railway workspace id), by provider. */
  readonly scopes: Readonly<Partial<Record<string, string>>>;
  /** The project's target settings (`DeployTarget.settings`): `name`, `private`, `region` … */
  readonly settings: Readonly<Record<string, string>>;
  /** The provider's id of the long-lived thing deployments go to, once known (`DeployTarget.providerProjectRef`). */
  readonly providerProjectRef: string | null;
  /** Env vars and secrets for this target, decrypted. Never log them; `log` masks their values anyway. */
  readonly env: Readonly<Record<string, string>>;
  /** Appends a log line to the deployment (kept in PostgreSQL and streamed to the project's events). */
  log(text: string, stream?: DeployLogStream): void;
  /** Call while waiting (the activity heartbeats); cheap to call often. */
  heartbeat(): void;
  /** Aborted when the deployment is cancelled or the activity times out. */
  readonly signal: AbortSignal;
  /** The deployment's tier resource limits (the local target's app sandbox). */
  readonly limits: { readonly memoryMb: number; readonly cpus: number; readonly maxProcesses: number };
}

/** What the provider holds for one of our deployments. */
export interface ProviderDeployment {
  /** The provider's id (Vercel deployment id, Netlify deploy id, commit sha, Render deploy id, sandbox id …). */
  readonly ref: string;
  /** The long-lived provider object (Vercel project, Netlify site, repository, Render/Railway service). */
  readonly projectRef: string | null;
  /** Where it will answer (known at creation for most providers; `waitReady` may refine it). */
  readonly url: string | null;
}

export interface ReadyDeployment {
  readonly url: string;
}

/** A target: one adapter per provider, built by `createDeployTargets` with its base URL (tests: the wire fake). */
export interface DeployTargetAdapter {
  readonly name: DeployTargetName;
  /**
   * Checks a token when it is stored: answers the account's name, or throws DeployFailure DEPLOY_TOKEN_REFUSED.
   * `provider` is one of the target's token providers (Render and Railway also take a GitHub token).
   */
  verifyToken(provider: string, token: string, scope: string | null): Promise<{ account: string }>;
  /** The deployment made for `ctx.deploymentId` by an earlier attempt, or null (never creates anything). */
  find(ctx: TargetContext): Promise<ProviderDeployment | null>;
  /** Creates the deployment at the provider (after `find` answered null): uploads the package and starts it. */
  create(ctx: TargetContext, artifact: DeployArtifact): Promise<ProviderDeployment>;
  /** Waits until the provider reports it ready, streaming its build and runtime logs through `ctx.log`. */
  waitReady(ctx: TargetContext, deployment: ProviderDeployment): Promise<ReadyDeployment>;
  /**
   * Whether the app answers (one probe; the activity repeats it). The default for HTTP targets is a GET of the
   * URL expecting any status below 500; the local target probes its sandbox directly; GitHub checks the commit.
   */
  probe(ctx: TargetContext, deployment: ProviderDeployment, url: string): Promise<{ healthy: boolean; detail: string }>;
  /** Makes it the target's live deployment where the provider needs a step for that (alias, publish, switch). */
  promote(ctx: TargetContext, deployment: ProviderDeployment): Promise<void>;
  /** Stops a deployment that will not go live (cancelled, failed, unhealthy); a missing one is not an error. */
  discard(ctx: TargetContext, deployment: ProviderDeployment): Promise<void>;
}

/**
 * A failure a target reports. `retryable` ones (429, 5xx, a connection reset) are retried by Temporal with
 * backoff, after `retryAfterMs` when the provider said so; the others end the deployment with `code`.
 */
export class DeployFailure extends Error {
  override readonly name = 'DeployFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { readonly retryable?: boolean; readonly retryAfterMs?: number; readonly status?: number } = {},
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.options.retryable === true;
  }
}

/**
 * Maps a provider's HTTP answer to a failure: 401/403 → DEPLOY_TOKEN_REFUSED, 409 → DEPLOY_NAME_TAKEN, 429 and
 * 5xx → retryable DEPLOY_PROVIDER_UNAVAILABLE (honouring Retry-After), other 4xx → DEPLOY_PROVIDER_FAILED.
 * `what` names the call for the message ("creating the Vercel deployment"); `detail` is the provider's own
 * message (never a token).
 */
export function httpFailure(provider: string, what: string, status: number, detail: string, retryAfter?: string | null): DeployFailure {
  const said = detail ? `: ${detail.slice(0, 300)}` : '';
  if (status === 401 || status === 403)
    return new DeployFailure('DEPLOY_TOKEN_REFUSED', `${provider} refused the token while ${what} (${status})${said}`, { status });
  if (status === 409) return new DeployFailure('DEPLOY_NAME_TAKEN', `${provider}: the name is taken (${what})${said}`, { status });
  if (status === 429 || status >= 500) {
    const seconds = retryAfter ? Number(retryAfter) : NaN;
    const date = retryAfter && Number.isNaN(seconds) ? Date.parse(retryAfter) - Date.now() : NaN;
    const retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : Number.isFinite(date) ? Math.max(0, date) : undefined;
    return new DeployFailure('DEPLOY_PROVIDER_UNAVAILABLE', `${provider} is unavailable while ${what} (${status})${said}`, {
      retryable: true,
      retryAfterMs,
      status,
    });
  }
  return new DeployFailure('DEPLOY_PROVIDER_FAILED', `${provider} refused ${what} (${status})${said}`, { status });
}

/** The adapters a worker (or the API, to verify tokens) holds, by target name. */
export type DeployTargets = Readonly<Partial<Record<DeployTargetName, DeployTargetAdapter>>>;

/** Base URLs of the providers' APIs; production uses the defaults, tests point them at the wire fakes. */
export interface ProviderEndpoints {
  readonly vercel: string;
  readonly netlify: string;
  /** GitHub's REST API (`https://api.github.com`). */
  readonly github: string;
  /** Where repositories are pushed over smart HTTP (`https://github.com`). */
  readonly githubGit: string;
  readonly render: string;
  readonly railway: string;
}

export const DEFAULT_PROVIDER_ENDPOINTS: ProviderEndpoints = {
  vercel: 'https://api.vercel.com',
  netlify: 'https://api.netlify.com',
  github: 'https://api.github.com',
  githubGit: 'https://github.com',
  render: 'https://api.render.com',
  railway: 'https://backboard.railway.com/graphql/v2',
};
