/**
 * Deployments: names shared by the deployment workflow, its activities, the target adapters
 * (core/deploy/targets), the API and the client.
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';

/** The DEPLOY_* codes and their words: a file of their own, so the client imports them without the workflow SDK. */
export * from './deploy-errors';

/** Where a project can be deployed. `local` needs no account; the others need a provider token. */
export const DEPLOY_TARGETS = ['local', 'vercel', 'netlify', 'github', 'render', 'railway'] as const;
export type DeployTargetName = (typeof DEPLOY_TARGETS)[number];

/** Providers whose tokens people store (encrypted, per user or team, shown only as a hint). */
export const DEPLOY_TOKEN_PROVIDERS = ['vercel', 'netlify', 'github', 'render', 'railway'] as const;
export type DeployTokenProvider = (typeof DEPLOY_TOKEN_PROVIDERS)[number];

export interface DeployTargetInfo {
  readonly label: string;
  /** Tokens the target needs, in order; Render and Railway deploy from the exported GitHub repository. */
  readonly tokens: readonly DeployTokenProvider[];
  /** What the deployment's URL points at. */
  readonly urlKind: 'app' | 'repository';
}

export const DEPLOY_TARGET_INFO: Record<DeployTargetName, DeployTargetInfo> = {
  local: { label: 'Local (this server)', tokens: [], urlKind: 'app' },
  vercel: { label: 'Vercel', tokens: ['vercel'], urlKind: 'app' },
  netlify: { label: 'Netlify', tokens: ['netlify'], urlKind: 'app' },
  github: { label: 'GitHub repository', tokens: ['github'], urlKind: 'repository' },
  render: { label: 'Render', tokens: ['render', 'github'], urlKind: 'app' },
  railway: { label: 'Railway', tokens: ['railway', 'github'], urlKind: 'app' },
};

/**
 * A deployment's status. The workflow walks QUEUED → BUILDING → PACKAGING → UPLOADING → DEPLOYING (waiting for
 * the provider to be ready) → CHECKING (health check) → LIVE. A LIVE deployment becomes SUPERSEDED when another
 * goes live on the same target; LIVE and SUPERSEDED ones can be rolled back to. FAILED and CANCELLED end it.
 */
export const DEPLOYMENT_STATUSES = [
  'QUEUED',
  'BUILDING',
  'PACKAGING',
  'UPLOADING',
  'DEPLOYING',
  'CHECKING',
  'LIVE',
  'SUPERSEDED',
  'FAILED',
  'CANCELLED',
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** The steps of the timeline, in order (a rollback skips BUILDING and PACKAGING: it reuses the earlier package). */
export const DEPLOYMENT_STEPS = ['BUILDING', 'PACKAGING', 'UPLOADING', 'DEPLOYING', 'CHECKING', 'LIVE'] as const satisfies readonly DeploymentStatus[];

/** Statuses a deployment no longer leaves by itself (SUPERSEDED only follows LIVE). */
export const DEPLOYMENT_ENDED: readonly DeploymentStatus[] = ['LIVE', 'SUPERSEDED', 'FAILED', 'CANCELLED'];
/** Statuses of a deployment that went live once, so it can be rolled back to. */
export const DEPLOYMENT_SUCCEEDED: readonly DeploymentStatus[] = ['LIVE', 'SUPERSEDED'];

/** Why a deployment exists. */
export const DEPLOYMENT_TRIGGERS = ['user', 'redeploy', 'rollback', 'agent'] as const;
export type DeploymentTrigger = (typeof DEPLOYMENT_TRIGGERS)[number];

/** Which stream a log line came from: our build in the sandbox, the provider's build or the running app, or us. */
export type DeployLogStream = 'build' | 'provider' | 'runtime' | 'system';

/** One line of a deployment's log; `seq` counts from 1 per deployment and never repeats. */
export interface DeployLogLine {
  readonly seq: number;
  /** ISO 8601. */
  readonly at: string;
  readonly stream: DeployLogStream;
  readonly text: string;
}

/** Environment variables and secrets: per project and target (`*` applies to every target). */
export const DEPLOY_ENV_LIMITS = {
  keyPattern: /^[A-Za-z_][A-Za-z0-9_]{0,127}$/,
  maxValueBytes: 32 * 1024,
  maxPerProject: 100,
} as const;
export const DEPLOY_ENV_ANY_TARGET = '*';

/** Local apps: the state of a project's app on the local target (the supervisor's view). */
export type LocalAppState = 'starting' | 'running' | 'restarting' | 'stopped' | 'deleted';

/** What the deployment workflow shows while it runs. */
export interface DeploymentState {
  readonly status: DeploymentStatus;
  readonly url: string | null;
  readonly error: string | null;
}
export const deploymentStateQuery = defineQuery<DeploymentState>('deploymentState');

/** Commands to a project's local app supervisor (workflowIds.localApp). */
export type LocalAppCommand =
  /** Serve this (healthy, just marked live) deployment; the previous one's process is stopped. */
  | { readonly kind: 'serve'; readonly deploymentId: string }
  | { readonly kind: 'stop' }
  | { readonly kind: 'start' }
  /** Stop and forget the app: the project has no live local deployment any more. */
  | { readonly kind: 'delete' };
export const localAppCommandSignal = defineSignal<[LocalAppCommand]>('localAppCommand');
export interface LocalAppStatus {
  readonly deploymentId: string | null;
  readonly state: LocalAppState;
  readonly restarts: number;
  readonly lastError: string | null;
}
export const localAppStatusQuery = defineQuery<LocalAppStatus>('localAppStatus');
