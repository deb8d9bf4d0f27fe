/** The GraphQL module: schema, Apollo over HTTP, graphql-ws over WebSocket, with one set of limits and plugins. */
import { readFileSync, readdirSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { makeExecutableSchema } from '@graphql-tools/schema';
import express, { type RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { LimitsConfig } from '../../../core/limits/tiers';
import type { RateLimiter } from '../../../core/limits/rate-limiter';
import type { ContextFactory, GraphQLContext } from '../context';
import { accountResolvers } from './account/account.resolvers';
import { agentResolvers } from './agents/agents.resolvers';
import { billingResolvers } from './billing/billing.resolvers';
import { assistResolvers } from './assist/assist.resolvers';
import { assistChatResolvers } from './assist/assist-chat.resolvers';
import { adminResolvers } from './audit/admin.resolvers';
import { authResolvers } from './auth/auth.resolvers';
import { collabResolvers } from './collab/collab.resolvers';
import { chatResolvers } from './rooms/chat.resolvers';
import { eventResolvers } from './events/events.resolvers';
import { fileResolvers } from './files/files.resolvers';
import { deployResolvers } from './deploy/deploy.resolvers';
import { deploymentResolvers } from './deploy/deployment.resolvers';
import { createErrorFormatter } from './graphql.errors';
import { providerKeyResolvers } from './keys/provider-key.resolvers';
import { validationRules } from './limits';
import { modelResolvers } from './models/models.resolvers';
import { projectResolvers } from './project/project.resolvers';
import { roomRunResolvers } from './rooms/room-run.resolvers';
import { roomEventResolvers } from './rooms/room-events.resolvers';
import { roomResolvers } from './rooms/rooms.resolvers';
import { createRequestWindow } from './request-window';
import { sandboxResolvers } from './sandbox/sandbox.resolvers';
import { DateTimeScalar, JSONScalar } from './scalars';
import { teamResolvers } from './team/team.resolvers';
import { themeResolvers } from './themes/themes.resolvers';
import { usageResolvers } from './usage/usage.resolvers';
import { userResolvers } from './user/user.resolvers';
import { createWsGuard } from './ws-guard';

export interface GraphQLModuleDeps {
  httpServer: Server;
  contexts: ContextFactory;
  rateLimiter: RateLimiter;
  limits: LimitsConfig;
  /** Hides introspection and schema hints from clients. */
  production: boolean;
  /** Whether a WebSocket upgrade's Origin is one of ours (cross-site WebSocket hijacking). */
  allowsOrigin(origin: string | undefined): boolean;
  logger: Logger;
}

export interface GraphQLModule {
  /** For `executeOperation` in tests. */
  apollo: ApolloServer<GraphQLContext>;
  /** The `/graphql` HTTP handler: body parser, request window, Apollo. */
  handler: RequestHandler[];
}

function loadTypeDefs(): string[] {
  const files = [join(__dirname, 'base.graphql')];
  for (const entry of readdirSync(__dirname, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(join(__dirname, entry.name))) {
      if (file.endsWith('.graphql')) files.push(join(__dirname, entry.name, file));
    }
  }
  return files.map((f) => readFileSync(f, 'utf8'));
}

export function createSchema() {
  return makeExecutableSchema<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: [{ DateTime: DateTimeScalar, JSON: JSONScalar }, userResolvers, authResolvers, accountResolvers, adminResolvers, providerKeyResolvers, usageResolvers, modelResolvers, agentResolvers, teamResolvers, projectResolvers, fileResolvers, eventResolvers, sandboxResolvers, collabResolvers, roomEventResolvers, chatResolvers, roomResolvers, roomRunResolvers, themeResolvers, deployResolvers, deploymentResolvers, billingResolvers, assistResolvers, assistChatResolvers] as never,
  });
}

/** Starts Apollo and the subscription server on `httpServer`; both stop when Apollo stops. */
export async function createGraphQL(deps: GraphQLModuleDeps): Promise<GraphQLModule> {
  const { httpServer, contexts, production } = deps;
  const schema = createSchema();
  const rules = validationRules({ production });
  const formatError = createErrorFormatter(deps.logger);
  const requestWindow = createRequestWindow(deps.rateLimiter);
  // maxPayload matches the HTTP body cap (express.json below): a larger message closes the socket unparsed (1009).
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 2 * 1024 * 1024 });
  const caps = deps.limits.subscriptions;
  const contextFor = (req: IncomingMessage) => contexts.forRequest(req);
  const wsGuard = createWsGuard({ schema, rules, production, caps, contextFor, requestWindow });
  const wsServerCleanup = useServer(
    {
      schema,
      context: (ctx) => contextFor(ctx.extra.request),
      // Browsers always send Origin on WebSocket upgrades: refuse other sites (cross-site WebSocket hijacking).
      onConnect: (ctx) => deps.allowsOrigin(ctx.extra.request.headers.origin),
      ...wsGuard,
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
    validationRules: rules,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => void (await wsServerCleanup.dispose()) }) },
    ],
  });
  await apollo.start();
  const handler = [
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, { context: async ({ req, res }) => requestWindow(await contexts.forRequest(req, res)) }),
  ];
  return { apollo, handler };
}
