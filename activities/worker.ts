/** Entry point of the worker process: the composition root for activities. */
import { Redis } from 'ioredis';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';
import { ConfigError, loadConfig } from '../core/config';
import { createOrm } from '../core/db/db';
import { createLogger } from '../core/logger';
import { ProjectEventStream } from '../core/events/project-event-stream';
import { ConcurrencyLimiter } from '../core/limits/concurrency-limiter';
import { DEFAULT_LIMITS } from '../core/limits/tiers';
import { buildSandboxManager } from '../core/sandbox/build-sandboxes';
import { createModelLayer } from '../core/models/model-layer';
import { localModelOf } from '../core/models/local-model';
import { SecretBox, parseKeyring } from '../core/keys/secret-box';
import { connectWorker, createBuildWorker } from './build-worker';
import { LiveDocs } from '../core/files/live-docs';
import { Client, Connection } from '@temporalio/client';
import { RoomEventStream } from '../core/rooms/room-event-stream';
import { RoomSandboxes } from '../core/rooms/room-sandbox';
import { temporalConnectionOptions } from '../core/temporal/connection';
import { roomSandboxDestroyer } from './deps';
import { loadWorkflowBundle } from './workflow-bundle';
import { createDeployTargets, providerEndpointsFromConfig } from '../core/deploy/targets';
import { DeploySecrets } from '../core/deploy/deploy-secrets';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../core/config';
import { BillingMirror } from '../core/billing/billing-mirror';
import { Invoices, invoiceSettingsFromConfig } from '../core/billing/invoices';
import { createRazorpayClient, razorpayConfigFrom } from '../core/billing/razorpay';
import { createMailer, mailDir } from '../core/mail/create-mailer';
import type { BillingActivityDeps } from './billing/billing-deps';
import { AssistEventStream } from '../core/assist/assist-stream';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, service: 'worker' });
  routeSdkLogs(logger);
  const orm = await createOrm(config.DATABASE_URL);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
  const sandboxes = buildSandboxManager(config, { orm, limits: DEFAULT_LIMITS, logger });
  // Sandboxes a crashed worker left behind, before any new activity can create one.
  await sandboxes?.sweepOrphans();
  const stopReaper = sandboxes?.startReaper(60_000);
  const box = config.ATELIER_MASTER_KEYS ? new SecretBox(parseKeyring(config.ATELIER_MASTER_KEYS)) : null;
  // The local model's header only; the model loads when an action or a chat first needs it.
  const local = await localModelOf(config, config.ATELIER_TOOLS_DIR);
  const models = createModelLayer({ env: config, orm, redis, box, limits: DEFAULT_LIMITS, local });
  const connection = await connectWorker(config.temporal);
  // Archiving a room asks the project room's workflow to flush first (versions credited to their editors).
  const client = await Connection.connect(temporalConnectionOptions(config.temporal));
  const temporal = new Client({ connection: client, namespace: config.temporal.namespace });
  const deployTargets = createDeployTargets({
    endpoints: providerEndpointsFromConfig(config),
    services: { orm, sandboxes, redis, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger, limits: DEFAULT_LIMITS, dataDir: config.ATELIER_DATA_DIR, config },
  });
  const deploySecrets = new DeploySecrets({ orm, box, targets: deployTargets });
  const worker = await createBuildWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    deps: { orm, events: new ProjectEventStream(redis), logger, scaffoldFileDelayMs: config.ATELIER_SCAFFOLD_FILE_DELAY_MS, sandboxes,
      live: LiveDocs.fromConfig(config),
      models: models.gateway,
      leases: new ConcurrencyLimiter(redis, { config: DEFAULT_LIMITS, logger }),
      roomEvents: new RoomEventStream(redis),
      assistEvents: new AssistEventStream(redis),
      roomSandboxes: sandboxes ? roomSandboxDestroyer(new RoomSandboxes({ orm, manager: sandboxes, logger })) : undefined,
      temporal,
      deployTargets,
      deploySecrets,
      dataDir: config.ATELIER_DATA_DIR,
      localApps: { dataDir: config.ATELIER_DATA_DIR, envFor: (projectId) => deploySecrets.envFor(projectId, 'local'), limits: DEFAULT_LIMITS },
      billing: billingDeps(config, orm, logger),
    },
    workflowBundle: await loadWorkflowBundle(logger),
  });
  const stop = () => worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const running = worker.run();
  logger.info({ taskQueue: worker.options.taskQueue, namespace: config.temporal.namespace, localModel: local?.id ?? null }, 'worker ready');
  process.send?.({ type: 'ready' });
  try {
    await running;
  } finally {
    stopReaper?.();
    await models.local?.close();
    await connection.close();
    await client.close();
    redis.disconnect();
    await orm.close(true);
  }
}

/** subscriptionWorkflow's mirror, mailer and public URL when the Razorpay keys are set; billing off: undefined. */
function billingDeps(config: AppConfig, orm: MikroORM, logger: Logger): BillingActivityDeps | undefined {
  const razorpayConfig = razorpayConfigFrom(config);
  if (!razorpayConfig) return undefined;
  const publicUrl = (config.ATELIER_PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');
  const billingLogger = logger.child({ component: 'billing' });
  const mirror = new BillingMirror({
    orm,
    razorpay: createRazorpayClient(razorpayConfig),
    razorpayConfig,
    invoices: new Invoices(invoiceSettingsFromConfig(config)),
    logger: billingLogger,
    paymentLinkCallbackUrl: `${publicUrl}/billing/payment-link/callback`,
  });
  return { mirror, mailer: createMailer({ ...config, ATELIER_MAIL_DIR: mailDir(config) }, billingLogger), publicUrl };
}

/** Sends the Temporal SDK's own logs through pino, one JSON line each; its INFO chatter only at debug. */
function routeSdkLogs(logger: Logger): void {
  const sdk = logger.child({ component: 'temporal-sdk' });
  const level = logger.isLevelEnabled('debug') ? 'DEBUG' : 'WARN';
  Runtime.install({
    logger: new DefaultLogger(level, ({ level: sdkLevel, message, meta }) => {
      const method = ({ TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const)[sdkLevel];
      sdk[method](meta ?? {}, message);
    }),
  });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : `Worker stopped: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
