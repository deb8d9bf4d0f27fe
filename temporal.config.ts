/**
 * The one place for Temporal settings: connection, namespace, task queues, timeouts and retry presets.
 *
 * Workflow code imports this file, so it must stay deterministic: no Node built-ins, no I/O, no
 * `process.env` reads at import time. Connection settings are computed by {@link temporalConnectionConfig}
 * from an env record that the caller (worker, API, tests) passes in.
 */
import { ActivityCancellationType, type ActivityOptions, type LocalActivityOptions, type RetryPolicy } from '@temporalio/common';
import { ErrorCode } from './contracts/errors';

/** Task queue names; one per kind of work so each can be scaled on its own. */
export const taskQueues = {
  /** Project builds: scaffolding, file storage, progress events. */
  build: 'atelier-build',
} as const;

/** Retry presets shared by activities. Business failures are non-retryable by their `type`. */
export const retryPolicies = {
  /**
   * Model calls. Within one attempt the gateway walks the role's fallback chain once (which model); this
   * policy owns when to try the whole chain again (after a vendor's retry-after, passed as nextRetryDelay).
   * Budgets, refused keys and rejected requests never retry.
   */
  model: {
    initialInterval: '2s',
    backoffCoefficient: 2,
    maximumInterval: '1m',
    maximumAttempts: 5,
    nonRetryableErrorTypes: [ErrorCode.BUDGET_EXCEEDED, ErrorCode.MODEL_NOT_AVAILABLE, ErrorCode.PROVIDER_ERROR, ErrorCode.NOT_FOUND],
  },
  /** Database and Redis writes: quick retries, then back off; transient faults only. */
  storage: {
    initialInterval: '200ms',
    backoffCoefficient: 2,
    maximumInterval: '10s',
    maximumAttempts: 10,
    nonRetryableErrorTypes: [ErrorCode.BAD_USER_INPUT, ErrorCode.NOT_FOUND],
  },
  /**
   * A coding room's lifecycle steps (status writes, lease renewals, each archive step): an archive must end
   * however long PostgreSQL, Redis or Liveblocks are away, so attempts are unlimited (no maximumAttempts), at
   * most a minute apart.
   */
  roomLifecycle: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1m',
    nonRetryableErrorTypes: [ErrorCode.BAD_USER_INPUT, ErrorCode.NOT_FOUND],
  },
  /**
   * A deploy target's provider calls (upload, wait, health, promote, discard). A 429 or 5xx comes back as a
   * retryable DEPLOY_PROVIDER_UNAVAILABLE whose nextRetryDelay is the provider's Retry-After; a worker killed
   * mid-call is retried too (every adapter call finds what an earlier attempt made). A handful of attempts with
   * backoff, then the deployment fails with DEPLOY_PROVIDER_UNAVAILABLE. Every other DEPLOY_* code is final.
   */
  deployProvider: {
    initialInterval: '2s',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    maximumAttempts: 8,
    nonRetryableErrorTypes: [
      ...Object.values(ErrorCode).filter((code) => code.startsWith('DEPLOY_') && code !== ErrorCode.DEPLOY_PROVIDER_UNAVAILABLE),
      ErrorCode.NOT_FOUND,
      ErrorCode.SERVICE_UNAVAILABLE,
    ],
  },
  /**
   * subscriptionWorkflow's steps (Razorpay calls and PostgreSQL writes, each safe to repeat). A network fault, a
   * database fault or Razorpay's 429/5xx (PAYMENT_PROVIDER_UNAVAILABLE) is retried with backoff for as long as it
   * lasts (no maximumAttempts: a webhook must not be dropped because Razorpay was away for an hour); every other
   * PAYMENT_* and SUBSCRIPTION_* code is final.
   */
  billing: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '5m',
    nonRetryableErrorTypes: [
      ...Object.values(ErrorCode).filter((code) => /^(PAYMENT|SUBSCRIPTION)_/.test(code) && code !== ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE),
      ErrorCode.NOT_FOUND,
      ErrorCode.BAD_USER_INPUT,
    ],
  },
} as const satisfies Record<string, RetryPolicy>;

/**
 * Activity option presets that workflows pass to `proxyActivities`. They name no task queue, so
 * activities run on their workflow's queue (which lets a test or a blue/green deploy use its own).
 */
export const activityPresets = {
  /** Short bookkeeping writes (run status, events). */
  bookkeeping: {
    startToCloseTimeout: '30s',
    retry: retryPolicies.storage,
  },
  /**
   * Long steps that report progress. The heartbeat timeout bounds how long a crashed worker holds
   * the step before another attempt starts elsewhere.
   */
  longStep: {
    startToCloseTimeout: '10m',
    heartbeatTimeout: '5s',
    retry: retryPolicies.storage,
  },
  /** One model call (the whole fallback chain); streamed replies heartbeat with each batch of text. */
  modelCall: {
    startToCloseTimeout: '10m',
    heartbeatTimeout: '1m',
    retry: retryPolicies.model,
  },
  /**
   * One step of a coding room's lifecycle (roomWorkflow). Each takes well under a second, and the longer ones
   * (a flush of many documents) heartbeat per document, so the heartbeat timeout bounds how long a crashed
   * worker holds a step before the next attempt, as a short start-to-close would.
   */
  roomStep: {
    startToCloseTimeout: '5m',
    heartbeatTimeout: '10s',
    retry: retryPolicies.roomLifecycle,
  },
  /**
   * A deployment's steps (deploymentWorkflow). Each heartbeats every 2 s while it runs, so a killed worker's step is
   * tried again after `heartbeatTimeout`; a cancelled deployment waits for the step to stop (its processes killed,
   * its provider call answered) before the cleanup looks for what it made.
   */
  deployStep: {
    startToCloseTimeout: '30m',
    heartbeatTimeout: '10s',
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: retryPolicies.deployProvider,
  },
  /**
   * One step of subscriptionWorkflow: a Razorpay fetch or two and a transaction, well under a second. The short
   * start-to-close bounds how long a crashed worker holds a step before the next attempt.
   */
  billing: {
    startToCloseTimeout: '20s',
    retry: retryPolicies.billing,
  },
  /**
   * A fix's verification (assistWorkflow): a sandbox of its own, the project's files, an install when the project
   * has dependencies (≤ 3 min), the failing command (≤ 2 min). It heartbeats every 2 s, so a killed worker's attempt
   * is tried again after the heartbeat timeout; a few attempts, since each redoes the whole check.
   */
  assistVerify: {
    startToCloseTimeout: '8m',
    heartbeatTimeout: '10s',
    retry: { ...retryPolicies.storage, maximumAttempts: 4 },
  },
} as const satisfies Record<string, ActivityOptions>;

/**
 * Local activity presets: short, idempotent steps run by the worker that runs the workflow, skipping a task
 * queue round trip each (an agent's file tools: an upsert and a deduped event).
 */
export const localActivityPresets = {
  agentTool: {
    startToCloseTimeout: '30s',
    localRetryThreshold: '10s',
    retry: retryPolicies.storage,
  },
} as const satisfies Record<string, LocalActivityOptions>;

/**
 * The tier's concurrent agent runs are leases in Redis that expire unless renewed (a vanished run frees its
 * slot by itself). A team run renews its lease well inside the lease's life, and a run waiting for a slot asks
 * again at most this often.
 */
export const agentRunLease = {
  ttlMs: 30 * 60_000,
  renewEvery: '10m',
  maxWaitPollSeconds: 15,
} as const;

/**
 * A coding room's concurrent-rooms lease (ConcurrencyLimiter kind `rooms`, lease id = the room id), taken by
 * createRoom / reopenRoom with `ttlMs` and renewed by roomWorkflow every `renewEveryMs` until the room archives:
 * a room whose workflow vanished frees its creator's slot within `ttlMs`.
 */
export const roomLease = {
  ttlMs: 30 * 60_000,
  renewEveryMs: 10 * 60_000,
} as const;

/**
 * A team build waiting for one of its owner's sandboxes: how often it asks again (a sandbox is freed by a person
 * or the idle reaper, which nothing announces, so the build polls; bounded so the wait costs a few events a minute).
 */
export const buildSandboxWait = {
  pollSeconds: 5,
} as const;

/** Where and how to reach Temporal. */
export interface TemporalConnectionConfig {
  /** host:port of the frontend service. */
  address: string;
  /** Namespace that holds Atelier's workflows. */
  namespace: string;
  /** mTLS client certificate and key (PEM), for a self-hosted cluster or Temporal Cloud. */
  tls?: { clientCertPem?: string; clientKeyPem?: string; serverName?: string } | true;
  /** Temporal Cloud API key; implies TLS. */
  apiKey?: string;
}

/** Default address of the embedded dev server started by the launcher. */
export const defaultTemporalAddress = '127.0.0.1:7233';

/**
 * Builds connection settings from an env record. Certificates arrive as PEM text (the caller reads
 * files), which keeps this module free of I/O.
 */
export function temporalConnectionConfig(env: Record<string, string | undefined>): TemporalConnectionConfig {
  const apiKey = env.TEMPORAL_API_KEY || undefined;
  const cert = env.TEMPORAL_TLS_CERT_PEM || undefined;
  const key = env.TEMPORAL_TLS_KEY_PEM || undefined;
  const wantsTls = env.TEMPORAL_TLS === 'true' || Boolean(apiKey) || Boolean(cert);
  return {
    address: env.TEMPORAL_ADDRESS || defaultTemporalAddress,
    namespace: env.TEMPORAL_NAMESPACE || 'default',
    tls: wantsTls
      ? cert || key || env.TEMPORAL_TLS_SERVER_NAME
        ? { clientCertPem: cert, clientKeyPem: key, serverName: env.TEMPORAL_TLS_SERVER_NAME || undefined }
        : true
      : undefined,
    apiKey,
  };
}
