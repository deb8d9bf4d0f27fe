/** The API process's composition root: every service is built here, once, and reaches resolvers through the context. */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountService } from '../../core/account/account.service';
import { TeamRunService } from '../../core/agents/team-run.service';
import { AuthService } from '../../core/auth/auth.service';
import { oauthFromConfig } from '../../core/auth/oauth';
import { ProjectEventStream } from '../../core/events/project-event-stream';
import { ProviderKeyService } from '../../core/keys/provider-key.service';
import { SecretBox, parseKeyring } from '../../core/keys/secret-box';
import { RateLimiter } from '../../core/limits/rate-limiter';
import { DEFAULT_LIMITS, type LimitsConfig } from '../../core/limits/tiers';
import { createMailer, mailDir } from '../../core/mail/create-mailer';
import type { Mailer } from '../../core/mail/mailer';
import { createModelLayer, type ModelLayer } from '../../core/models/model-layer';
import { ModelSettingsService } from '../../core/models/model-settings.service';
import { ModelUsageService } from '../../core/models/model-usage.service';
import { TeamBudgetsService } from '../../core/models/team-budgets.service';
import { ProjectService } from '../../core/project/project.service';
import { ProjectAdminService } from '../../core/project/project-admin.service';
import { buildSandboxManager } from '../../core/sandbox/build-sandboxes';
import { PreviewTokens } from '../../core/sandbox/preview-token';
import type { SandboxManager } from '../../core/sandbox/sandbox-manager';
import { SandboxService } from '../../core/sandbox/sandbox.service';
import { TeamService } from '../../core/team/team.service';
import { UsageService } from '../../core/usage/usage.service';
import type { AppDeps } from './app-deps';
import { CollabService } from '../../core/files/collab.service';
import { LiveDocs } from '../../core/files/live-docs';
import { ConcurrencyLimiter } from '../../core/limits/concurrency-limiter';
import { DEFAULT_UPLOAD_MAX_BYTES } from '../../core/files/file-deps';
import { FileService } from '../../core/files/file.service';
import { LiveAccess } from './live-access';
import { RoomEventStream } from '../../core/rooms/room-event-stream';
import { LiveblocksGrants } from './http/collab/liveblocks-grants';
import { RedisRoomEnforcer } from './rooms/room-enforcer';
import { createRoomRuntime, type RoomRuntime } from './rooms/room-runtime';
import { ChatService } from '../../core/rooms/chat.service';
import { NotificationFeed } from '../../core/rooms/notification-feed';
import { createPreviewSite, type PreviewSite } from './http/sandbox/preview-server';
import { createAppsSite, type AppsSite } from './http/apps/apps-server';
import { RoomActivityNotifier } from '../../core/rooms/room-activity';
import type { RoomLifecycleStarter } from '../../core/rooms/room-lifecycle.port';
import { TemporalRoomLifecycle } from '../../core/rooms/room-lifecycle.temporal';
import { RoomService } from '../../core/rooms/room.service';
import { DeploySecrets } from '../../core/deploy/deploy-secrets';
import { DeployService } from '../../core/deploy/deploy.service';
import { createDeployTargets, providerEndpointsFromConfig } from '../../core/deploy/targets';
import { AssistEventStream } from '../../core/assist/assist-stream';
import { AssistService } from '../../core/assist/assist.service';
import { AssistChatService } from '../../core/assist/assist-chat.service';
import { BillingMirror } from '../../core/billing/billing-mirror';
import { BillingService } from '../../core/billing/billing.service';
import { Invoices, invoiceSettingsFromConfig } from '../../core/billing/invoices';
import { RAZORPAY_CHECKOUT_URL, createRazorpayClient, razorpayConfigFrom, type RazorpayConfig } from '../../core/billing/razorpay';
import { loadConfig } from '../../core/config';

/** Addresses known only once the server listens; read at use, so links follow the bound port. */
export interface PublicUrls {
  /** Base URL for links in emails and invitations. */
  publicUrl: string;
  /** The app's own origins, the only ones allowed to frame a preview. */
  appOrigins: string[];
}

/** The services that work inside one request's unit of work (its forked entity manager). */
export interface RequestServices {
  auth: AuthService;
  projects: ProjectService;
  /** Renaming, archiving, restoring and deleting projects. */
  projectAdmin: ProjectAdminService;
  teams: TeamService;
  providerKeys: ProviderKeyService;
  /** Null when this process runs without a sandbox backend. */
  sandboxes: SandboxService | null;
  teamRuns: TeamRunService;
  usage: UsageService;
  account: AccountService;
  modelSettings: ModelSettingsService;
  modelUsage: ModelUsageService;
  teamBudgets: TeamBudgetsService;
  /** People's file and folder operations, versions, uploads and downloads. */
  files: FileService;
  /** Live co-editing: room access, opening files' live documents, edit notes for the room workflow. */
  collab: CollabService;
  /** Coding rooms: create, list, join, settings, moderation, invite links. */
  rooms: RoomService;
  /** Coding rooms' chat: messages, mentions, @agent questions, notifications. */
  chat: ChatService;
  /** Editor actions (issue 17): start, decide, cancel, the viewer's requests, capabilities. */
  assist: AssistService;
  /** Each person's chat about a project's code (issue 17): ask, the thread, clear. */
  assistChat: AssistChatService;
}

/** Billing as the API process builds it once: off (no Razorpay keys) leaves `mirror` and `razorpay` null. */
export interface ApiBilling {
  service: BillingService;
  invoices: Invoices;
  mirror: BillingMirror | null;
  razorpay: RazorpayConfig | null;
}

/** Everything the API process builds once, and the one factory of per-request services. */
export interface ApiServices {
  limits: LimitsConfig;
  events: ProjectEventStream;
  rateLimiter: RateLimiter;
  secretBox: SecretBox | null;
  models: ModelLayer;
  mailer: Mailer;
  oauth: ReturnType<typeof oauthFromConfig>;
  /** Re-authorises live subscriptions. */
  liveAccess: LiveAccess;
  /** Coding rooms' live events (chat, members, theme, runs). */
  roomEvents: RoomEventStream;
  /** Assist answers' own streams (issue 17). */
  assistEvents: AssistEventStream;
  /** Applies kicks and role changes to live connections on every API process (the room service calls it). */
  roomEnforcer: RedisRoomEnforcer;
  /** Rooms' sandboxes, shared terminals and Run/Test; null without a sandbox backend. */
  roomRuntime: RoomRuntime | null;
  sandboxManager: SandboxManager | undefined;
  /** The preview listener (its own origin); null without a sandbox backend. */
  previews: PreviewSite | null;
  /** The apps listener (apps deployed to the local target, on their own origin); null without a sandbox backend. */
  apps: AppsSite | null;
  urls: PublicUrls;
  /** The files' live documents (Liveblocks); null when collaboration is off. */
  live: LiveDocs | null;
  /** Debounced activity signals to rooms' lifecycles (chat, edits, runs call `touch`). */
  roomActivity: RoomActivityNotifier;
  /** Starts and ends rooms' lifecycle workflows. */
  roomLifecycle: RoomLifecycleStarter;
  /** People's live notifications (mentions). */
  notificationFeed: NotificationFeed;
  /** The deploy targets' adapters (the API uses them to check tokens when they are stored). */
  deployTargets: ReturnType<typeof createDeployTargets>;
  /** Deployments: deploy, redeploy, roll back, cancel, logs, target settings, the local app. */
  deploys: DeployService;
  /** Deployment env vars, secrets and provider tokens. */
  deploySecrets: DeploySecrets;
  /** Billing (issue 16): its service (enabled false without Razorpay keys), the mirror and invoices, and the keys. */
  billing: ApiBilling;
  /** The request-scoped services over `em`, wired to the singletons above. */
  forRequest(em: EntityManager): RequestServices;
  close(): Promise<void>;
}

export function createServices(deps: AppDeps): ApiServices {
  const { orm, redis, temporal, logger, config } = deps;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const taskQueue = config.TEMPORAL_TASK_QUEUE;
  const urls: PublicUrls = { publicUrl: config.ATELIER_PUBLIC_URL ?? 'http://127.0.0.1', appOrigins: [] };
  const events = new ProjectEventStream(redis);
  const rateLimiter = new RateLimiter(redis, { config: deps.limits, logger });
  const secretBox = config.ATELIER_MASTER_KEYS ? new SecretBox(parseKeyring(config.ATELIER_MASTER_KEYS)) : null;
  const models = deps.models ?? createModelLayer({ env: config, orm, redis, box: secretBox, limits, rateLimiter, local: deps.localModel });
  const mailer = deps.mailer ?? createMailer({ ...config, ATELIER_MAIL_DIR: mailDir(config) }, logger);
  const oauth = oauthFromConfig(config);
  const liveAccess = new LiveAccess(orm, logger);
  const roomEvents = new RoomEventStream(redis);
  const assistEvents = new AssistEventStream(redis);
  const sandboxManager = deps.sandboxes ?? sandboxManagerFromConfig(deps, limits);
  const previews = sandboxManager
    ? createPreviewSite({
        sandboxes: sandboxManager,
        tokens: new PreviewTokens(config.ATELIER_SESSION_SECRET ?? randomBytes(32)),
        em: () => orm.em.fork(),
        originPattern: config.ATELIER_PREVIEW_ORIGIN,
        appOrigins: () => urls.appOrigins,
        logger,
      })
    : null;
  const apps = sandboxManager ? createAppsSite({ sandboxes: sandboxManager, em: () => orm.em.fork(), originPattern: config.ATELIER_APPS_ORIGIN, logger }) : null;
  const oauthProviders = [...oauth.providers.keys()];
  const live = deps.live !== undefined ? deps.live : LiveDocs.fromConfig(config);
  const leases = new ConcurrencyLimiter(redis, { config: limits, logger });
  const notificationFeed = new NotificationFeed(redis);
  const fileDeps = { events, live, rateLimiter, temporal, uploadMaxBytes: config.ATELIER_UPLOAD_MAX_BYTES ?? DEFAULT_UPLOAD_MAX_BYTES };
  const roomActivity = new RoomActivityNotifier({ redis, temporal, em: () => orm.em.fork(), logger });
  const roomRuntime = sandboxManager ? createRoomRuntime({ orm, manager: sandboxManager, live, activity: roomActivity, logger }) : null;
  const roomEnforcer = new RedisRoomEnforcer({ redis, liveAccess, grants: new LiveblocksGrants(redis), terminals: roomRuntime?.terminals ?? null, logger });
  const chatDeps = { roomEvents, notifications: notificationFeed, temporal, taskQueue, logger, activity: roomActivity };
  const roomLifecycle = new TemporalRoomLifecycle(temporal, { taskQueue });
  const deployTargets =
    deps.deployTargets ??
    createDeployTargets({
      endpoints: providerEndpointsFromConfig(config),
      services: { orm, sandboxes: sandboxManager, redis, temporal, logger, limits, dataDir: config.ATELIER_DATA_DIR, config },
    });
  const deploySecrets = new DeploySecrets({ orm, box: secretBox, targets: deployTargets });
  const deploys = new DeployService({ orm, temporal: () => temporal, events, redis, secrets: deploySecrets, targets: deployTargets, logger, taskQueue });
  const billing = createBilling(deps, urls);
  const roomDeps = { events: roomEvents, activity: roomActivity, lifecycle: roomLifecycle, leases, rateLimiter, enforcer: roomEnforcer, limits };

  const forRequest = (em: EntityManager): RequestServices => {
    const projects = new ProjectService(em, temporal, events, taskQueue, limits);
    return {
      auth: new AuthService(em, { mailer, publicUrl: urls.publicUrl, oauthProviders }),
      projects,
      projectAdmin: new ProjectAdminService(em, { projects, events, temporal, sandboxes: sandboxManager, live, leases, cancelGraceMs: 10_000 }),
      teams: new TeamService(em, () => urls.publicUrl, rateLimiter),
      providerKeys: new ProviderKeyService(em, secretBox, models.baseUrls),
      sandboxes: sandboxManager ? new SandboxService(em, projects, sandboxManager, temporal, taskQueue, previews) : null,
      teamRuns: new TeamRunService(em, projects, temporal),
      usage: new UsageService(em, redis, limits),
      account: new AccountService(em),
      modelSettings: new ModelSettingsService(em, projects, models.catalog, models.platformRoleModels, models.gateway),
      modelUsage: new ModelUsageService(em, projects),
      teamBudgets: new TeamBudgetsService(em),
      files: new FileService(em, fileDeps),
      collab: new CollabService(em, live, temporal, taskQueue, Boolean(config.LIVEBLOCKS_BASE_URL)),
      chat: new ChatService(em, chatDeps),
      rooms: new RoomService(em, { ...roomDeps, projects }),
      assist: new AssistService(em, { temporal, taskQueue, gateway: models.gateway, events: assistEvents, live }),
      assistChat: new AssistChatService(em, { temporal, taskQueue, gateway: models.gateway }),
    };
  };

  return {
    limits,
    events,
    rateLimiter,
    secretBox,
    models,
    mailer,
    oauth,
    liveAccess,
    roomEvents,
    assistEvents,
    roomEnforcer,
    roomRuntime,
    sandboxManager,
    previews,
    apps,
    urls,
    live,
    roomActivity,
    roomLifecycle,
    notificationFeed,
    deployTargets,
    deploys,
    deploySecrets,
    billing,
    forRequest,
    close: async () => {
      await previews?.close();
      await apps?.close();
      liveAccess.close();
      events.close();
      roomEvents.close();
      assistEvents.close();
      await models.local?.close();
      await roomEnforcer.close();
      roomRuntime?.close();
      notificationFeed.close();
    },
  };
}

function sandboxManagerFromConfig({ config, orm, logger }: AppDeps, limits: LimitsConfig): SandboxManager | undefined {
  const { ATELIER_SANDBOX_BACKEND, ATELIER_SANDBOX_ROOT, ATELIER_SANDBOX_IDLE_MINUTES, ATELIER_DATA_DIR, E2B_API_KEY } = config;
  if (!ATELIER_SANDBOX_BACKEND || !ATELIER_SANDBOX_IDLE_MINUTES || !ATELIER_DATA_DIR) return undefined;
  return buildSandboxManager(
    { ATELIER_SANDBOX_BACKEND, ATELIER_SANDBOX_ROOT, ATELIER_SANDBOX_IDLE_MINUTES, ATELIER_DATA_DIR, E2B_API_KEY },
    { orm, limits, logger },
  );
}

/** Razorpay client, invoices, mirror and service, once; without the three keys a service with `enabled = false`. */
function createBilling({ config, orm, temporal, logger }: AppDeps, urls: PublicUrls): ApiBilling {
  const razorpay = razorpayConfigFrom(config);
  // Apps built from a partial config (tests) take config.ts's defaults for the GST settings they do not give.
  const defaults = loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/unused', REDIS_URL: 'redis://127.0.0.1' });
  const given = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  const invoices = new Invoices(invoiceSettingsFromConfig({ ...defaults, ...given }));
  if (!razorpay) return { service: new BillingService(null), invoices, mirror: null, razorpay: null };
  const billingDeps = {
    orm,
    razorpay: createRazorpayClient(razorpay),
    razorpayConfig: razorpay,
    invoices,
    logger,
    // Read at each payment link: the public URL is known once the server listens.
    get paymentLinkCallbackUrl() {
      return `${urls.publicUrl}/billing/payment-link/callback`;
    },
  };
  const mirror = new BillingMirror(billingDeps);
  const service = new BillingService({
    ...billingDeps,
    get paymentLinkCallbackUrl() {
      return billingDeps.paymentLinkCallbackUrl;
    },
    temporal: () => temporal,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    mirror,
    checkoutUrl: razorpay.checkoutUrl ?? RAZORPAY_CHECKOUT_URL,
  });
  return { service, invoices, mirror, razorpay };
}
