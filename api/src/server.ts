/** Entry point of the API process: the composition root for GraphQL, subscriptions and the web app. */
import { Client, Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import { createApp } from './app';
import { ConfigError, loadConfig } from '../../core/config';
import { createOrm } from '../../core/db/db';
import { assertSingleUserSafe, SingleUserExposedError } from './http/single-user-bind';
import { anyAccountExists } from '../../core/auth/create-account';
import { createLogger } from '../../core/logger';
import { temporalConnectionOptions } from '../../core/temporal/connection';
import { localModelOf } from '../../core/models/local-model';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, service: 'api' });
  const orm = await createOrm(config.DATABASE_URL);
  await assertSingleUserSafe({ host: config.HOST, publicUrl: config.ATELIER_PUBLIC_URL }, () => anyAccountExists(orm.em.fork())).catch(async (error: unknown) => {
    await orm.close(true);
    throw error;
  });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const connection = await Connection.connect(temporalConnectionOptions(config.temporal));
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  // The local model's header only; the model loads when a completion first needs it.
  const localModel = await localModelOf(config, config.ATELIER_TOOLS_DIR);
  const app = await createApp({ config, orm, redis, temporal, logger, localModel });
  const url = await app.listen(config.PORT, config.HOST);
  const previewUrl = app.previews?.origin().pattern;
  const appsUrl = app.apps?.origin().pattern;
  logger.info({ url, graphql: `${url}/graphql`, previews: previewUrl, apps: appsUrl }, 'api ready');
  process.send?.({ type: 'ready', url, previewUrl, appsUrl });

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await connection.close();
    redis.disconnect();
    await orm.close(true);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof SingleUserExposedError ? error.message : `API stopped: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
