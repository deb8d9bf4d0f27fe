import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import type { Client } from '@temporalio/client';
import { UnauthenticatedError } from '../../core/shared/domain.errors';
import type { AuthService } from '../../core/auth/auth.service';
import type { RequestMeta } from '../../core/auth/request-meta';
import type { LiveAccess } from './graphql/events/live-access';
import type { ProjectEventStream } from '../../core/events/project-event-stream';
import type { RateLimiter } from '../../core/limits/rate-limiter';
import type { LimitsConfig } from '../../core/limits/tiers';
import type { ProviderKeyService } from '../../core/keys/provider-key.service';
import type { ModelLayer } from '../../core/models/model-layer';
import type { ProjectService } from '../../core/project/project.service';
import type { SandboxService } from '../../core/sandbox/sandbox.service';
import type { TeamService } from '../../core/team/team.service';

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
  teams: TeamService;
  providerKeys: ProviderKeyService;
  /** Temporal, for signals, queries and cancellation of running workflows. */
  temporal: Client;
  /** The model catalog, key sources and breakers (the same layer the worker calls models through). */
  models: ModelLayer;
  /** Sandboxes of projects; null when this process runs without a sandbox backend. */
  sandboxes: SandboxService | null;
  events: ProjectEventStream;
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
