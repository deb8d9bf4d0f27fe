/** The HTTP module: the Express app and server, the guards in front of every route, and the routes themselves. */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { createOAuthRouter } from './auth/oauth.routes';
import { mountCollabRoutes } from './collab/collab.routes';
import type { AppDeps } from '../app-deps';
import type { ContextFactory } from '../context';
import type { ApiServices } from '../services';
import { createFilesRouter } from './files/files.routes';
import { createCompleteRouter } from './assist/complete.route';
import { createHostGuard, type HostGuard } from './host-guard';
import { AppsOrigin } from '../../../core/deploy/targets/local/apps-origin';
import { mountSandboxRoutes } from './sandbox/sandbox.routes';
import { mountRoomTerminalRoutes } from './rooms-terminal/room-terminal.routes';
import { checkoutSources, securityHeaders } from './security-headers';
import { createInvoicePdfRouter } from './billing/invoice-pdf.route';
import { createPaymentLinkCallbackRouter } from './billing/payment-link-callback.route';
import { createRazorpayWebhookRouter } from './billing/webhook.route';
import { razorpayEventSignal } from '../../../contracts/billing';
import { renderInvoicePdf } from '../../../core/billing/invoice-pdf';

export interface HttpApp {
  app: express.Express;
  httpServer: Server;
  hostGuard: HostGuard;
  /** Records the host the server binds to (the host guard answers to a bound IP). */
  bindTo(host: string): void;
}

/** The Express app on its HTTP server, with the security headers, `trust proxy` and the host guard in front. */
export function createHttpApp(config: AppDeps['config'], services: Pick<ApiServices, 'previews' | 'billing'>): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders({ frameSrc: () => services.previews?.origin().pattern ?? null, checkout: () => checkoutSources(services.billing.razorpay) }));
  if (config.ATELIER_TRUST_PROXY) app.set('trust proxy', trustProxyValue(config.ATELIER_TRUST_PROXY));
  const httpServer = createServer(app);
  let boundHost: string | undefined;
  const hostGuard = createHostGuard({
    port: () => (httpServer.address() as AddressInfo | null)?.port,
    bindHost: () => boundHost,
    publicUrl: config.ATELIER_PUBLIC_URL,
    allowedHosts: config.ATELIER_ALLOWED_HOSTS,
    // Deployed apps are never served here, even under a name ATELIER_ALLOWED_HOSTS lets in.
    foreignHost: (host) => AppsOrigin.from(config.ATELIER_APPS_ORIGIN, 0).covers(host),
  });
  app.use(hostGuard.middleware);
  hostGuard.guardUpgrades(httpServer);
  return { app, httpServer, hostGuard, bindTo: (host) => void (boundHost = host) };
}

export interface RouteDeps {
  config: AppDeps['config'];
  services: Pick<ApiServices, 'oauth' | 'rateLimiter' | 'sandboxManager' | 'urls' | 'forRequest' | 'live' | 'liveAccess' | 'roomRuntime' | 'billing'>;
  contexts: ContextFactory;
  /** The GraphQL HTTP handler (graphql/graphql-server.ts). */
  graphql: RequestHandler[];
  readiness(): Promise<{ status: string }>;
  orm: AppDeps['orm'];
  redis: AppDeps['redis'];
  logger: Logger;
}

/**
 * Health, GraphQL, OAuth, the sandbox terminal upgrades, Liveblocks auth and proxy, and the web client. Mount after the GraphQL module:
 * the sandbox routes take over the upgrade listeners already on the server.
 */
export function mountRoutes({ app, httpServer }: HttpApp, deps: RouteDeps): void {
  const { services, logger, orm } = deps;
  // Razorpay's webhooks first, before any body parser: the signature covers the raw bytes; no session, no CSRF token.
  mountBillingRoutes(app, services.billing, orm, logger);
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const report = await deps.readiness();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  app.use('/graphql', ...deps.graphql);
  const oauthServices = () => {
    const em = orm.em.fork();
    return { em, auth: services.forRequest(em).auth };
  };
  app.use(
    '/auth/oauth',
    createOAuthRouter({
      ...services.oauth,
      publicUrl: () => services.urls.publicUrl,
      services: oauthServices,
      rateLimiter: services.rateLimiter,
      logger,
    }),
  );
  app.use('/api', createFilesRouter({ contexts: deps.contexts, logger }));
  app.use('/api', createCompleteRouter({ contexts: deps.contexts, logger }));
  app.use(createInvoicePdfRouter({ contexts: deps.contexts, render: renderInvoicePdf, logger }));
  if (services.sandboxManager)
    mountSandboxRoutes(httpServer, {
      sandboxes: services.sandboxManager,
      logger,
      viewer: (req: IncomingMessage) => deps.contexts.forRequest(req),
    });
  if (services.roomRuntime) {
    const runtime = services.roomRuntime;
    mountRoomTerminalRoutes(httpServer, {
      terminals: runtime.terminals,
      access: async (req, roomId) => runtime.terminalAccess(await deps.contexts.forRequest(req), roomId),
      logger,
    });
  }
  const { live, rateLimiter } = services;
  mountCollabRoutes(app, httpServer, {
    live,
    rateLimiter,
    contexts: deps.contexts,
    logger,
    redis: deps.redis,
    proxyTarget: deps.config.LIVEBLOCKS_BASE_URL,
    liveAccess: services.liveAccess,
  });
  mountClient(app, deps.config.ATELIER_CLIENT_DIST);
}

/** POST /webhooks/razorpay and GET /billing/payment-link/callback (the invoice PDF needs a session: see mountRoutes). */
function mountBillingRoutes(app: express.Express, billing: ApiServices['billing'], orm: AppDeps['orm'], logger: Logger): void {
  const { service, mirror, razorpay } = billing;
  app.use(
    '/webhooks/razorpay',
    createRazorpayWebhookRouter({
      webhookSecret: () => razorpay?.webhookSecret ?? null,
      em: () => orm.em.fork(),
      signal: (subscriptionId, event) => service.signal(subscriptionId, razorpayEventSignal, event),
      mirror: {
        recordPayment: (id) => mirror!.recordPayment(id),
        recordRefund: (id) => mirror!.recordRefund(id),
      },
      logger,
    }),
  );
  app.use(createPaymentLinkCallbackRouter({ enabled: () => service.enabled, verify: (fields) => service.verifyPaymentLinkCallback(fields), logger }));
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
