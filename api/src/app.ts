/** Composes the API from its modules: services (built once), contexts, GraphQL and HTTP routes. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { AppDeps } from './app-deps';
import { createContextFactory, type GraphQLContext } from './context';
import { createGraphQL } from './graphql/graphql-server';
import { createHttpApp, mountRoutes } from './http/http-app';
import type { PreviewSite } from './http/sandbox/preview-server';
import type { AppsSite } from './http/apps/apps-server';
import { createReadinessCheck } from './readiness';
import { createServices } from './services';
import { LOCAL_USER_ID } from '../../core/user/user.entity';

export type { AppDeps } from './app-deps';

export interface AtelierApp {
  httpServer: Server;
  /** The preview listener (its own origin); null without a sandbox backend. */
  previews: PreviewSite | null;
  /** The apps listener (apps deployed to the local target); null without a sandbox backend. */
  apps: AppsSite | null;
  /** For `executeOperation` in tests. */
  apollo: ApolloServer<GraphQLContext>;
  /** A context for `viewerId` (default: the built-in local user), as tests need it. */
  createContext(viewerId?: string | null): GraphQLContext;
  /** Listens and resolves to the base URL (port 0 picks a free port). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<AtelierApp> {
  const { config, orm, redis, temporal, logger } = deps;
  const services = createServices(deps);
  const contexts = createContextFactory({ orm, redis, temporal, services });
  const http = createHttpApp(config, services);
  const graphql = await createGraphQL({
    httpServer: http.httpServer,
    contexts,
    rateLimiter: services.rateLimiter,
    limits: services.limits,
    production: config.NODE_ENV === 'production',
    allowsOrigin: http.hostGuard.allowsOrigin,
    logger,
  });
  const readiness = createReadinessCheck({ orm, redis, temporal, liveblocksUrl: config.LIVEBLOCKS_BASE_URL });
  mountRoutes(http, { config, services, contexts, graphql: graphql.handler, readiness, orm, redis, logger });
  const { httpServer } = http;
  const { previews, apps, urls } = services;

  return {
    httpServer,
    previews,
    apps,
    apollo: graphql.apollo,
    createContext: (viewerId = LOCAL_USER_ID) => contexts.base(viewerId),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        http.bindTo(host);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
          urls.publicUrl = config.ATELIER_PUBLIC_URL ?? url;
          urls.appOrigins = [...new Set([new URL(urls.publicUrl).origin, ...['127.0.0.1', 'localhost', '[::1]'].map((h) => `http://${h}:${address.port}`)])];
          (previews ? previews.listen(config.ATELIER_PREVIEW_PORT ?? 0, host) : Promise.resolve())
            .then(() => apps?.listen(config.ATELIER_APPS_PORT ?? 0, host))
            .then(() => resolve(url), reject);
        });
      }),
    close: async () => {
      await graphql.apollo.stop();
      await services.close();
    },
  };
}
