import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { Client } from '@temporalio/client';
import { UnauthenticatedError } from '../../core/shared/domain.errors';
import type { AuthService } from '../../core/auth/auth.service';
import type { RequestMeta } from '../../core/auth/request-meta';
import type { LiveAccess } from './live-access';
import type { ProjectEventStream } from '../../core/events/project-event-stream';
import type { RoomEnforcer } from '../../core/rooms/room-enforcer.port';
import type { RoomRuntime } from './rooms/room-runtime';
import type { RoomActivityNotifier } from '../../core/rooms/room-activity';
import type { PreviewSite } from './http/sandbox/preview-server';
import type { AssistEventStream } from '../../core/assist/assist-stream';
import type { RoomEventStream } from '../../core/rooms/room-event-stream';
import type { RateLimiter } from '../../core/limits/rate-limiter';
import type { LimitsConfig } from '../../core/limits/tiers';
import type { ProviderKeyService } from '../../core/keys/provider-key.service';
import type { ModelLayer } from '../../core/models/model-layer';
import type { ProjectService } from '../../core/project/project.service';
import type { ProjectAdminService } from '../../core/project/project-admin.service';
import type { SandboxService } from '../../core/sandbox/sandbox.service';
import type { TeamService } from '../../core/team/team.service';
import type { AccountService } from '../../core/account/account.service';
import type { TeamRunService } from '../../core/agents/team-run.service';
import type { ModelSettingsService } from '../../core/models/model-settings.service';
import type { ModelUsageService } from '../../core/models/model-usage.service';
import type { TeamBudgetsService } from '../../core/models/team-budgets.service';
import type { UsageService } from '../../core/usage/usage.service';
import type { FileService } from '../../core/files/file.service';
import type { CollabService } from '../../core/files/collab.service';
import type { RoomService } from '../../core/rooms/room.service';
import type { ChatService } from '../../core/rooms/chat.service';
import type { AssistService } from '../../core/assist/assist.service';
import type { AssistChatService } from '../../core/assist/assist-chat.service';
import type { DeployService } from '../../core/deploy/deploy.service';
import type { DeploySecrets } from '../../core/deploy/deploy-secrets';
import type { BillingService } from '../../core/billing/billing.service';
import type { Invoices } from '../../core/billing/invoices';
import { LOCAL_USER_ID } from '../../core/user/user.entity';
import type { ApiServices } from './services';
import { clearSessionCookie, clientIp, readSessionToken, setSessionCookie } from './http/auth/session-cookie';

/** What every resolver sees; built per request (or per WebSocket operation). */
export interface GraphQLContext {
  /** A forked entity manager: nothing leaks between requests. */
  em: EntityManager;
  /** For work outside the request's unit of work (audit sinks). */
  orm: MikroORM;
  redis: Redis;
  /** The signed-in user, the built-in local user in single-user mode, or null when signed out. */
  viewerId: string | null;
  /** The session behind this request (null in single-user mode and when signed out). */
  sessionId: string | null;
  accountsExist: boolean;
  meta: RequestMeta;
  auth: AuthService;
  projects: ProjectService;
  projectAdmin: ProjectAdminService;
  teams: TeamService;
  providerKeys: ProviderKeyService;
  /** Agent-team runs: tasks, agents, live state, approvals. */
  teamRuns: TeamRunService;
  usage: UsageService;
  account: AccountService;
  modelSettings: ModelSettingsService;
  modelUsage: ModelUsageService;
  teamBudgets: TeamBudgetsService;
  /** People's file and folder operations, versions, uploads and downloads. */
  files: FileService;
  collab: CollabService;
  /** Coding rooms' chat and people's notifications. */
  chat: ChatService;
  /** Each person's chat about a project's code (askAssist, assistChat, clearAssistChat). */
  assistChat: AssistChatService;
  /** Coding rooms: create, list, join, settings, moderation, invite links. */
  rooms: RoomService;
  /** Editor actions (issue 17): start, decide, cancel, the viewer's requests, capabilities. */
  assist: AssistService;
  /** Deployments: deploy, redeploy, roll back, cancel, logs, target settings, the local app (enforces deploy:*). */
  deploys: DeployService;
  /** Deployment env vars, secrets and provider tokens. */
  deploySecrets: DeploySecrets;
  /** Billing: the caller's or a team's plan, checkout, plan changes, the admins' tools (`enabled` false when off). */
  billing: BillingService;
  /** Issued GST invoices and credit notes. */
  invoices: Invoices;
  /** Temporal, for signals, queries and cancellation of running workflows. */
  temporal: Client;
  /** The model catalog, key sources and breakers (the same layer the worker calls models through). */
  models: ModelLayer;
  /** Sandboxes of projects; null when this process runs without a sandbox backend. */
  sandboxes: SandboxService | null;
  events: ProjectEventStream;
  /** Coding rooms' live events (roomEvents). */
  roomEvents: RoomEventStream;
  /** Assist answers' own streams (assistStream). */
  assistEvents: AssistEventStream;
  /** Closes a removed or demoted room member's live connections on every API process. */
  roomEnforcer: RoomEnforcer;
  /** Rooms' sandboxes, shared terminals and Run/Test; null without a sandbox backend. */
  roomRuntime: RoomRuntime | null;
  /** Debounced activity signals to rooms' lifecycles. */
  roomActivity: RoomActivityNotifier;
  /** Where the preview origin serves a sandbox and how to link to it; null without a sandbox backend. */
  previews: PreviewSite | null;
  /** Re-authorises live subscriptions; absent in contexts built outside the app (then nothing re-checks). */
  liveAccess?: LiveAccess;
  rateLimiter: RateLimiter;
  /** The limits in force (tiers, windows), for reading usage. */
  limits: LimitsConfig;
  /** Sets or clears the session cookie; absent on WebSocket operations, which cannot set cookies. */
  cookies?: { set(token: string): void; clear(): void };
}

/** The viewer's id, or UNAUTHENTICATED. */
export function requireViewer(ctx: Pick<GraphQLContext, 'viewerId'>): string {
  if (!ctx.viewerId) throw new UnauthenticatedError();
  return ctx.viewerId;
}

/** Builds GraphQL contexts: the per-request services over a forked entity manager, and the caller. */
export interface ContextFactory {
  /** A context for `viewerId` with no request behind it (tests, internal callers). */
  base(viewerId: string | null, extra?: Partial<GraphQLContext>): GraphQLContext;
  /** The caller of an HTTP request (which may rotate the session cookie) or a WebSocket upgrade (`res` absent). */
  forRequest(req: IncomingMessage & { ip?: string; secure?: boolean }, res?: Response): Promise<GraphQLContext>;
}

export function createContextFactory(deps: { orm: MikroORM; redis: Redis; temporal: Client; services: ApiServices }): ContextFactory {
  const { orm, redis, temporal, services } = deps;
  const base = (viewerId: string | null, extra: Partial<GraphQLContext> = {}): GraphQLContext => {
    const em = orm.em.fork();
    return {
      em,
      orm,
      redis,
      viewerId,
      sessionId: null,
      accountsExist: false,
      meta: {},
      events: services.events,
      roomEvents: services.roomEvents,
      assistEvents: services.assistEvents,
      roomEnforcer: services.roomEnforcer,
      roomRuntime: services.roomRuntime,
      roomActivity: services.roomActivity,
      previews: services.previews,
      liveAccess: services.liveAccess,
      rateLimiter: services.rateLimiter,
      limits: services.limits,
      models: services.models,
      deploys: services.deploys,
      deploySecrets: services.deploySecrets,
      billing: services.billing.service,
      invoices: services.billing.invoices,
      temporal,
      ...services.forRequest(em),
      ...extra,
    };
  };
  // Once an account exists the platform never returns to single-user mode, so a true answer is kept.
  let accountsKnownToExist = false;
  const forRequest: ContextFactory['forRequest'] = async (req, res) => {
    const ctx = base(null, { meta: { ip: clientIp(req), userAgent: req.headers['user-agent'] ?? null } });
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
  return { base, forRequest };
}
