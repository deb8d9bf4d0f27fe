import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { AppConfig } from '../../core/config';
import type { GraphQLContext } from './context';
import { validationRules } from './graphql/limits';
import { createRequestWindow } from './graphql/request-window';
import { createWsGuard } from './graphql/ws-guard';
import { LiveAccess } from './graphql/events/live-access';
import { accountResolvers } from './graphql/account/account.resolvers';
import { adminResolvers } from './graphql/audit/admin.resolvers';
import { authResolvers } from './graphql/auth/auth.resolvers';
import { AuthService } from '../../core/auth/auth.service';
import { createMailer, mailDir } from '../../core/mail/create-mailer';
import type { Mailer } from '../../core/mail/mailer';
import { oauthFromConfig, type OAuthConfig } from '../../core/auth/oauth';
import { createOAuthRouter } from './http/auth/oauth.routes';
import { clearSessionCookie, clientIp, readSessionToken, setSessionCookie } from './http/auth/session-cookie';
import { eventResolvers } from './graphql/events/events.resolvers';
import { RateLimiter } from '../../core/limits/rate-limiter';
import { ProviderKeyService } from '../../core/keys/provider-key.service';
import { providerKeyResolvers } from './graphql/keys/provider-key.resolvers';
import { SecretBox, parseKeyring } from '../../core/keys/secret-box';
import { DEFAULT_LIMITS, type LimitsConfig } from '../../core/limits/tiers';
import { usageResolvers } from './graphql/usage/usage.resolvers';
import { modelResolvers } from './graphql/models/models.resolvers';
import { agentResolvers } from './graphql/agents/agents.resolvers';
import { createModelLayer, type ModelEnv, type ModelLayer } from '../../core/models/model-layer';
import { teamResolvers } from './graphql/team/team.resolvers';
import { TeamService } from '../../core/team/team.service';
import { ProjectEventStream } from '../../core/events/project-event-stream';
import { projectResolvers } from './graphql/project/project.resolvers';
import { ProjectService } from '../../core/project/project.service';
import { DateTimeScalar, JSONScalar } from './graphql/scalars';
import { LOCAL_USER_ID } from '../../core/user/user.entity';
import { userResolvers } from './graphql/user/user.resolvers';
import { createHostGuard } from './http/host-guard';
import { createReadinessCheck } from './readiness';
import { createErrorFormatter } from './graphql/graphql.errors';
import { buildSandboxManager, type SandboxConfig } from '../../core/sandbox/build-sandboxes';
import type { SandboxManager } from '../../core/sandbox/sandbox-manager';
import { mountSandboxRoutes } from './http/sandbox/sandbox.routes';
import { createPreviewSite, type PreviewSite } from './http/sandbox/preview-server';
import { PreviewTokens } from '../../core/sandbox/preview-token';
import { securityHeaders } from './http/security-headers';
import { sandboxResolvers } from './graphql/sandbox/sandbox.resolvers';
import { SandboxService } from '../../core/sandbox/sandbox.service';

/** The clients the API needs, built by server.ts (or a test) and passed in. */
export interface AppDeps {
  config: Pick<AppConfig, 'ATELIER_CLIENT_DIST' | 'LIVEBLOCKS_BASE_URL' | 'TEMPORAL_TASK_QUEUE'> & OAuthConfig & {
    /** Base URL for links in emails; defaults to the address the API listens on. */
    ATELIER_PUBLIC_URL?: string;
    /** Extra host names the API answers to besides loopback and the public URL's (see http/host-guard.ts). */
    ATELIER_ALLOWED_HOSTS?: string;
    /** Express `trust proxy` setting, so client IPs (audit, per-IP limits) come from X-Forwarded-For. */
    ATELIER_TRUST_PROXY?: string;
    /** Keyring for secrets at rest (`id:base64,…`, newest first); without it provider keys cannot be stored. */
    ATELIER_MASTER_KEYS?: string;
    /** Outgoing mail: SMTP when set, else `.eml` files in ATELIER_MAIL_DIR (default `<ATELIER_DATA_DIR>/mail`). */
    SMTP_URL?: string;
    ATELIER_MAIL_DIR?: string;
    ATELIER_MAIL_FROM?: string;
  } & Partial<SandboxConfig> &
    Partial<Pick<AppConfig, 'ATELIER_PREVIEW_PORT' | 'ATELIER_PREVIEW_ORIGIN'>> &
    Partial<ModelEnv> &
    Partial<Pick<AppConfig, 'NODE_ENV'>>;
  /** Limits and windows; DEFAULT_LIMITS unless given (tests raise the per-IP auth limit). */
  limits?: LimitsConfig;
  orm: MikroORM;
  redis: Redis;
  temporal: Client;
  logger: Logger;
  /** Outgoing email; by default from SMTP_URL / ATELIER_MAIL_DIR (see createMailer). */
  mailer?: Mailer;
  /** The model layer; built from the config's model keys when not given. */
  models?: ModelLayer;
  /** Sandboxes for the preview proxy and terminal; built from ATELIER_SANDBOX_* when the config has them. */
  sandboxes?: SandboxManager;
}

export interface AtelierApp {
  httpServer: Server;
  /** The preview listener (its own origin); null without a sandbox backend. */
  previews: PreviewSite | null;
  /** For `executeOperation` in tests. */
  apollo: ApolloServer<GraphQLContext>;
  /** A context for `viewerId` (default: the built-in local user), as tests need it. */
  createContext(viewerId?: string | null): GraphQLContext;
  /** Listens and resolves to the base URL (port 0 picks a free port). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

function loadTypeDefs(): string[] {
  const modules = join(__dirname, 'graphql');
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
  const liveAccess = new LiveAccess(orm, logger);
  const production = deps.config.NODE_ENV === 'production';
  const rules = validationRules({ production });
  const schema = makeExecutableSchema<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: [{ DateTime: DateTimeScalar, JSON: JSONScalar }, userResolvers, authResolvers, accountResolvers, adminResolvers, providerKeyResolvers, usageResolvers, modelResolvers, agentResolvers, teamResolvers, projectResolvers, eventResolvers, sandboxResolvers] as never,
  });
  const mailer = deps.mailer ?? createMailer({ ...deps.config, ATELIER_MAIL_DIR: mailDir(deps.config) }, logger);
  const rateLimiter = new RateLimiter(redis, { config: deps.limits, logger });
  const secretBox = deps.config.ATELIER_MASTER_KEYS ? new SecretBox(parseKeyring(deps.config.ATELIER_MASTER_KEYS)) : null;
  const models = deps.models ?? createModelLayer({ env: deps.config, orm, redis, box: secretBox, limits: deps.limits ?? DEFAULT_LIMITS });
  let publicUrl = deps.config.ATELIER_PUBLIC_URL ?? 'http://127.0.0.1';
  const oauth = oauthFromConfig(deps.config);
  const newAuthService = (em: EntityManager) => new AuthService(em, { mailer, publicUrl, oauthProviders: [...oauth.providers.keys()] });
  const baseContext = (viewerId: string | null, extra: Partial<GraphQLContext> = {}): GraphQLContext => {
    const em = orm.em.fork();
    return {
      em,
      orm,
      redis,
      viewerId,
      sessionId: null,
      accountsExist: false,
      meta: {},
      events,
      liveAccess,
      rateLimiter,
      limits: deps.limits ?? DEFAULT_LIMITS,
      auth: newAuthService(em),
      projects: new ProjectService(em, temporal, events, deps.config.TEMPORAL_TASK_QUEUE, deps.limits ?? DEFAULT_LIMITS),
      teams: new TeamService(em, () => publicUrl, rateLimiter),
      providerKeys: new ProviderKeyService(em, secretBox, models.baseUrls),
      sandboxes: sandboxManager ? new SandboxService(em, new ProjectService(em, temporal, events, deps.config.TEMPORAL_TASK_QUEUE), sandboxManager, temporal, deps.config.TEMPORAL_TASK_QUEUE, previews) : null,
      models,
      temporal,
      ...extra,
    };
  };
  // Once an account exists the platform never returns to single-user mode, so a true answer is kept.
  let accountsKnownToExist = false;
  const contextFor = async (req: IncomingMessage & { ip?: string; secure?: boolean }, res?: express.Response): Promise<GraphQLContext> => {
    const ctx = baseContext(null, { meta: { ip: clientIp(req), userAgent: req.headers['user-agent'] ?? null } });
    accountsKnownToExist ||= await ctx.auth.accountsExist();
    const token = readSessionToken(req);
    let session = token && accountsKnownToExist ? await ctx.auth.authenticate(token) : null;
    // Only an HTTP response can carry a new cookie, so WebSocket operations never rotate.
    const rotated = session && res ? await ctx.auth.rotateIfDue(session) : null;
    if (rotated && res) {
      session = rotated.session;
      setSessionCookie(res, rotated.token, Boolean(req.secure));
    }
    ctx.accountsExist = accountsKnownToExist;
    ctx.viewerId = session ? session.user.id : accountsKnownToExist ? null : LOCAL_USER_ID;
    ctx.sessionId = session?.id ?? null;
    if (res) {
      const secure = Boolean(req.secure);
      ctx.cookies = { set: (t) => setSessionCookie(res, t, secure), clear: () => clearSessionCookie(res, secure) };
    }
    return ctx;
  };
  const formatError = createErrorFormatter(logger);
  const requestWindow = createRequestWindow(rateLimiter);

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ frameSrc: () => previews?.origin().pattern ?? null }));
  if (deps.config.ATELIER_TRUST_PROXY) app.set('trust proxy', trustProxyValue(deps.config.ATELIER_TRUST_PROXY));
  const httpServer = createServer(app);
  let boundHost: string | undefined;
  const hostGuard = createHostGuard({
    port: () => (httpServer.address() as AddressInfo | null)?.port,
    bindHost: () => boundHost,
    publicUrl: deps.config.ATELIER_PUBLIC_URL,
    allowedHosts: deps.config.ATELIER_ALLOWED_HOSTS,
  });
  app.use(hostGuard.middleware);
  hostGuard.guardUpgrades(httpServer);
  // maxPayload matches the HTTP body cap (express.json below): a larger message closes the socket unparsed (1009).
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 2 * 1024 * 1024 });
  const caps = (deps.limits ?? DEFAULT_LIMITS).subscriptions;
  const wsGuard = createWsGuard({ schema, rules, production, caps, contextFor: (req) => contextFor(req), requestWindow });
  const wsServerCleanup = useServer(
    {
      schema,
      context: (ctx) => contextFor(ctx.extra.request),
      // Browsers always send Origin on WebSocket upgrades: refuse other sites (cross-site WebSocket hijacking).
      onConnect: (ctx) => hostGuard.allowsOrigin(ctx.extra.request.headers.origin),
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

  const readiness = createReadinessCheck({ orm, redis, temporal, liveblocksUrl: deps.config.LIVEBLOCKS_BASE_URL });
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const report = await readiness();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  app.use('/graphql', express.json({ limit: '2mb' }), expressMiddleware(apollo, { context: async ({ req, res }) => requestWindow(await contextFor(req, res)) }));
  const oauthServices = () => {
    const em = orm.em.fork();
    return { em, auth: newAuthService(em) };
  };
  app.use('/auth/oauth', createOAuthRouter({ ...oauth, publicUrl: () => publicUrl, services: oauthServices, rateLimiter, logger }));
  const { ATELIER_SANDBOX_BACKEND, ATELIER_SANDBOX_ROOT, ATELIER_SANDBOX_IDLE_MINUTES, ATELIER_DATA_DIR, E2B_API_KEY } = deps.config;
  const sandboxManager =
    deps.sandboxes ??
    (ATELIER_SANDBOX_BACKEND && ATELIER_SANDBOX_IDLE_MINUTES && ATELIER_DATA_DIR
      ? buildSandboxManager({ ATELIER_SANDBOX_BACKEND, ATELIER_SANDBOX_ROOT, ATELIER_SANDBOX_IDLE_MINUTES, ATELIER_DATA_DIR, E2B_API_KEY }, { orm, limits: deps.limits ?? DEFAULT_LIMITS, logger })
      : undefined);
  let appOrigins: string[] = [];
  const previews = sandboxManager
    ? createPreviewSite({
        sandboxes: sandboxManager,
        tokens: new PreviewTokens(deps.config.ATELIER_SESSION_SECRET ?? randomBytes(32)),
        em: () => orm.em.fork(),
        originPattern: deps.config.ATELIER_PREVIEW_ORIGIN,
        appOrigins: () => appOrigins,
        logger,
      })
    : null;
  if (sandboxManager) mountSandboxRoutes(httpServer, { sandboxes: sandboxManager, logger, viewer: (req) => contextFor(req) });
  mountClient(app, deps.config.ATELIER_CLIENT_DIST);

  return {
    httpServer,
    previews,
    apollo,
    createContext: (viewerId = LOCAL_USER_ID) => baseContext(viewerId),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        boundHost = host;
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
          publicUrl = deps.config.ATELIER_PUBLIC_URL ?? url;
          appOrigins = [...new Set([new URL(publicUrl).origin, ...['127.0.0.1', 'localhost', '[::1]'].map((h) => `http://${h}:${address.port}`)])];
          (previews ? previews.listen(deps.config.ATELIER_PREVIEW_PORT ?? 0, host) : Promise.resolve()).then(() => resolve(url), reject);
        });
      }),
    close: async () => {
      await previews?.close();
      await apollo.stop();
      liveAccess.close();
      events.close();
    },
  };
}

/** `true`/`false`, a hop count, or a list of addresses, as Express's `trust proxy` takes them. */
function trustProxyValue(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Serves the built Angular client, with deep links falling back to index.html. */
function mountClient(app: express.Express, dist: string): void {
  const index = join(dist, 'index.html');
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz|readyz|auth\/oauth\/|preview\/|terminal\/).*/, (_req, res) => {
    if (existsSync(index)) return res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
    res
      .status(503)
      .type('text/plain')
      .send('The web client is not built yet. Run `npm run client:build` (npm start does it for you), then reload.');
  });
}
