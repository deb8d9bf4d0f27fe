import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { AppConfig } from './config';
import type { GraphQLContext } from './context';
import { eventResolvers } from './modules/events/events.resolvers';
import { ProjectEventStream } from './modules/events/project-event-stream';
import { projectResolvers } from './modules/project/project.resolvers';
import { ProjectService } from './modules/project/project.service';
import { DateTimeScalar, JSONScalar } from './modules/scalars';
import { LOCAL_USER_ID } from './modules/user/user.entity';
import { userResolvers } from './modules/user/user.resolvers';
import { createReadinessCheck } from './readiness';
import { createErrorFormatter } from './shared/graphql-errors';

/** The clients the API needs, built by server.ts (or a test) and passed in. */
export interface AppDeps {
  config: Pick<AppConfig, 'ATELIER_CLIENT_DIST' | 'LIVEBLOCKS_BASE_URL' | 'TEMPORAL_TASK_QUEUE'>;
  orm: MikroORM;
  redis: Redis;
  temporal: Client;
  logger: Logger;
}

export interface AtelierApp {
  httpServer: Server;
  /** For `executeOperation` in tests. */
  apollo: ApolloServer<GraphQLContext>;
  /** A fresh request context, as HTTP requests get. */
  createContext(): GraphQLContext;
  /** Listens and resolves to the base URL (port 0 picks a free port). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

function loadTypeDefs(): string[] {
  const modules = join(__dirname, 'modules');
  const files = [join(modules, 'base.graphql')];
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(join(modules, entry.name))) {
      if (file.endsWith('.graphql')) files.push(join(modules, entry.name, file));
    }
  }
  return files.map((f) => readFileSync(f, 'utf8'));
}

export async function createApp(deps: AppDeps): Promise<AtelierApp> {
  const { orm, redis, temporal, logger } = deps;
  const events = new ProjectEventStream(redis);
  const schema = makeExecutableSchema<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: [{ DateTime: DateTimeScalar, JSON: JSONScalar }, userResolvers, projectResolvers, eventResolvers] as never,
  });
  const buildContext = (): GraphQLContext => {
    const em = orm.em.fork();
    return { em, viewerId: LOCAL_USER_ID, events, projects: new ProjectService(em, temporal, events, deps.config.TEMPORAL_TASK_QUEUE) };
  };
  const formatError = createErrorFormatter(logger);

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsServerCleanup = useServer(
    {
      schema,
      context: () => buildContext(),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) as GraphQLFormattedError[] } : undefined,
    },
    wsServer,
  );
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => void (await wsServerCleanup.dispose()) }) },
    ],
  });
  await apollo.start();

  const readiness = createReadinessCheck({ orm, redis, temporal, liveblocksUrl: deps.config.LIVEBLOCKS_BASE_URL });
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const report = await readiness();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  app.use('/graphql', express.json({ limit: '2mb' }), expressMiddleware(apollo, { context: async () => buildContext() }));
  mountClient(app, deps.config.ATELIER_CLIENT_DIST);

  return {
    httpServer,
    apollo,
    createContext: buildContext,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      }),
    close: () => apollo.stop(),
  };
}

/** Serves the built Angular client, with deep links falling back to index.html. */
function mountClient(app: express.Express, dist: string): void {
  const index = join(dist, 'index.html');
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
    if (existsSync(index)) return res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    res
      .status(503)
      .type('text/plain')
      .send('The web client is not built yet. Run `npm run client:build` (npm start does it for you), then reload.');
  });
}
