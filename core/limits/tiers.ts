/**
 * Every number the limiters enforce, in one place: the limits of each tier, the sliding windows they
 * are counted in, the grace and warning thresholds, and what each check does when Redis is unreachable.
 * The README of this module explains the choices.
 */

import { ROOM_LIMITS } from '../../contracts/rooms';

/** Subscription tiers, cheapest first. */
export const TIERS = ['free', 'pro', 'team', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

/** A stored tier name as a Tier; anything the config does not know counts as `free`. */
export function asTier(name: string): Tier {
  return (TIERS as readonly string[]).includes(name) ? (name as Tier) : 'free';
}

/** What one tier may do; `null` means no limit. */
export interface TierLimits {
  /** Model messages (one LLM call an agent or the user triggers) per rolling hour. */
  readonly messagesPerHour: number | null;
  /** Model messages per rolling 24 hours; caps a user who spreads the hourly allowance over the day. */
  readonly messagesPerDay: number | null;
  /** Agent runs executing at the same time (leases, see ConcurrencyLimiter). */
  readonly concurrentAgentRuns: number | null;
  /** Collaboration rooms the user has open at the same time. */
  readonly concurrentRooms: number | null;
  /** File uploads per rolling 24 hours. */
  readonly uploadsPerDay: number | null;
  /** Teams a user may create per rolling 24 hours; bounds throwaway teams made to multiply project caps. */
  readonly teamsPerDay: number | null;
  /** Team invitations a user may create per rolling hour, over all their teams; bounds invitation spam. */
  readonly invitationsPerHour: number | null;
  /** Inline code completions (ghost text in the editor) per rolling hour; counted apart from model messages. */
  readonly completionsPerHour: number | null;
  /** Projects a user may own; a count, checked by the project service against its own total. */
  readonly projects: number | null;
  /** Sandboxes a user may have running at once; counted by the sandbox manager in PostgreSQL. */
  readonly sandboxes: number | null;
  /** The most people a room created by this user may hold (its host sets the capacity up to this). */
  readonly maxRoomCapacity: number;
  /** Apps deployed to the local target running at once, over the user's projects (app sandboxes, not `sandboxes`). */
  readonly apps: number | null;
  /** Memory of one locally deployed app's sandbox, in MiB. */
  readonly appMemoryMb: number;
  /** CPU share of one locally deployed app's sandbox (1 = one core). */
  readonly appCpus: number;
}

/** Sliding windows counted per user; the names are the Redis key suffixes and the errors' `kind`. */
export type WindowKind = 'messages:hourly' | 'messages:daily' | 'uploads:daily' | 'teams:daily' | 'invitations:hourly' | 'completions:hourly';
/** Leases counted per user. */
export type ConcurrencyKind = 'agent-runs' | 'rooms';
/** Windows counted per client IP, for endpoints that have no user yet. */
export type IpKind = 'auth';
/** Windows counted per account a request names (a normalised email), whether or not the account exists. */
export type AccountKind = 'login';
/** Request windows on the GraphQL endpoint itself (HTTP and WebSocket operations), per client IP and per user. */
export type RequestKind = 'graphql:ip' | 'graphql:user';
/**
 * Windows of wrong answers to a secret, per client IP and per thing guessed at (room passwords). An attempt is
 * counted before the secret is checked and given back when it was right, so only wrong ones stay counted.
 */
export type AttemptKind = 'room-password:ip' | 'room-password:room';
/** Every limit a platform admin can override for one user. */
export type UserLimitKind = WindowKind | ConcurrencyKind;
/** Every kind a refusal can name. */
export type LimitKind = UserLimitKind | IpKind | AccountKind | RequestKind | AttemptKind;
/** A user action that consumes one unit of one or more windows, in one round trip. */
export type UserAction = 'message' | 'upload' | 'create-team' | 'invite' | 'completion';

/**
 * When Redis cannot be reached: `open` admits (flagged `degraded`, logged), `closed` refuses with a
 * ServiceUnavailableError.
 */
export type RedisDownPolicy = 'open' | 'closed';

export interface WindowPolicy {
  /** Length of the sliding window in ms. */
  readonly windowMs: number;
  /** The tier field that holds this window's limit. */
  readonly tierField: 'messagesPerHour' | 'messagesPerDay' | 'uploadsPerDay' | 'teamsPerDay' | 'invitationsPerHour' | 'completionsPerHour';
}

export interface ActionPolicy {
  /** Windows the action counts against; it is admitted only when all of them admit it. */
  readonly windows: readonly WindowKind[];
  /** What a check of this action does when Redis is unreachable. */
  readonly onRedisDown: RedisDownPolicy;
}

export interface ConcurrencyPolicy {
  /** The tier field that holds this limit. */
  readonly tierField: 'concurrentAgentRuns' | 'concurrentRooms';
  /** What `acquire` does when Redis is unreachable. */
  readonly onRedisDown: RedisDownPolicy;
}

export interface IpPolicy {
  /** Requests per window and client IP. */
  readonly limit: number;
  /** Length of the sliding window in ms. */
  readonly windowMs: number;
  /** Grace above the limit in percent; 0 for brute-force protection. */
  readonly gracePercent: number;
  /** What a check does when Redis is unreachable. */
  readonly onRedisDown: RedisDownPolicy;
}

export interface LimitsConfig {
  /** The limits of each tier. */
  readonly tiers: Readonly<Record<Tier, TierLimits>>;
  /** Requests admitted above a user window's limit, in percent of it (rounded down), flagged `inGrace`. */
  readonly gracePercent: number;
  /** Usage of a window's limit, in percent, at which a warning fires once per crossing; lower first. */
  readonly warnAtPercent: readonly [number, number];
  /** The sliding windows of each user. */
  readonly windows: Readonly<Record<WindowKind, WindowPolicy>>;
  /** Which windows each user action consumes. */
  readonly actions: Readonly<Record<UserAction, ActionPolicy>>;
  /** The concurrency limits of each user. */
  readonly concurrency: Readonly<Record<ConcurrencyKind, ConcurrencyPolicy>>;
  /** The limits per client IP. */
  readonly ip: Readonly<Record<IpKind, IpPolicy>>;
  /**
   * The limits per named account. `login` counts failed log-ins (a successful one clears the count) so that
   * guesses spread over many IPs still meet a limit.
   */
  readonly account: Readonly<Record<AccountKind, IpPolicy>>;
  /** GraphQL operations per client IP and per user (the same for every tier): a flood brake, not a quota. */
  readonly requests: Readonly<Record<RequestKind, IpPolicy>>;
  /** Wrong room passwords per client IP (over all rooms) and per room (over all IPs), the same for every tier. */
  readonly attempts: Readonly<Record<AttemptKind, IpPolicy>>;
  /** Live subscriptions at once, per WebSocket and per user (anonymous: per IP) in one API process. */
  readonly subscriptions: { readonly perSocket: number; readonly perUser: number };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The limits Atelier ships with. */
export const DEFAULT_LIMITS: LimitsConfig = {
  tiers: {
    free: { messagesPerHour: 50, messagesPerDay: 200, concurrentAgentRuns: 1, concurrentRooms: 2, uploadsPerDay: 20, teamsPerDay: 5, invitationsPerHour: 20, completionsPerHour: 200, projects: 5, sandboxes: 2, maxRoomCapacity: 10, apps: 1, appMemoryMb: 256, appCpus: 0.5 },
    pro: { messagesPerHour: 300, messagesPerDay: 2_000, concurrentAgentRuns: 3, concurrentRooms: 10, uploadsPerDay: 200, teamsPerDay: 20, invitationsPerHour: 100, completionsPerHour: 2_000, projects: 50, sandboxes: 5, maxRoomCapacity: 25, apps: 5, appMemoryMb: 512, appCpus: 1 },
    team: {
      messagesPerHour: 1_000,
      messagesPerDay: 10_000,
      concurrentAgentRuns: 10,
      concurrentRooms: 50,
      uploadsPerDay: 1_000,
      teamsPerDay: 50,
      invitationsPerHour: 500,
      completionsPerHour: 5_000,
      projects: 500,
      sandboxes: 20,
      maxRoomCapacity: 50,
      apps: 20,
      appMemoryMb: 1024,
      appCpus: 2,
    },
    enterprise: {
      messagesPerHour: null,
      messagesPerDay: null,
      concurrentAgentRuns: null,
      concurrentRooms: null,
      uploadsPerDay: null,
      teamsPerDay: null,
      invitationsPerHour: null,
      completionsPerHour: null,
      projects: null,
      sandboxes: null,
      maxRoomCapacity: 100,
      apps: null,
      appMemoryMb: 2048,
      appCpus: 4,
    },
  },
  gracePercent: 5,
  warnAtPercent: [80, 90],
  windows: {
    'messages:hourly': { windowMs: HOUR, tierField: 'messagesPerHour' },
    'messages:daily': { windowMs: DAY, tierField: 'messagesPerDay' },
    'uploads:daily': { windowMs: DAY, tierField: 'uploadsPerDay' },
    'teams:daily': { windowMs: DAY, tierField: 'teamsPerDay' },
    'invitations:hourly': { windowMs: HOUR, tierField: 'invitationsPerHour' },
    'completions:hourly': { windowMs: HOUR, tierField: 'completionsPerHour' },
  },
  actions: {
    message: { windows: ['messages:hourly', 'messages:daily'], onRedisDown: 'open' },
    upload: { windows: ['uploads:daily'], onRedisDown: 'open' },
    // Open like messages: an outage should not stop a team forming; the cost of a short over-admission is small.
    'create-team': { windows: ['teams:daily'], onRedisDown: 'open' },
    invite: { windows: ['invitations:hourly'], onRedisDown: 'open' },
    // A completion is one model call too, but people type fast: its own window, so ghost text never spends the
    // messages an agent or the chat needs. Open when Redis is down, like messages.
    completion: { windows: ['completions:hourly'], onRedisDown: 'open' },
  },
  concurrency: {
    'agent-runs': { tierField: 'concurrentAgentRuns', onRedisDown: 'closed' },
    rooms: { tierField: 'concurrentRooms', onRedisDown: 'closed' },
  },
  ip: {
    auth: { limit: 10, windowMs: 15 * 60_000, gracePercent: 0, onRedisDown: 'closed' },
  },
  account: {
    login: { limit: 10, windowMs: 15 * 60_000, gracePercent: 0, onRedisDown: 'closed' },
  },
  // The web app makes a few operations per page and a handful per second at most; a NAT shares an IP.
  requests: {
    'graphql:ip': { limit: 3_000, windowMs: 60_000, gracePercent: 0, onRedisDown: 'open' },
    'graphql:user': { limit: 1_200, windowMs: 60_000, gracePercent: 0, onRedisDown: 'open' },
  },
  subscriptions: { perSocket: 50, perUser: 200 },
  // Brute-force brakes, closed when Redis is down like log-in. Per room as well as per IP, so guesses from many
  // addresses still meet a limit; the price is that a flood of wrong guesses locks a room's password for a while.
  attempts: {
    'room-password:ip': { limit: ROOM_LIMITS.passwordAttemptsPerIp, windowMs: ROOM_LIMITS.passwordWindowSeconds * 1000, gracePercent: 0, onRedisDown: 'closed' },
    'room-password:room': { limit: ROOM_LIMITS.passwordAttemptsPerRoom, windowMs: ROOM_LIMITS.passwordWindowSeconds * 1000, gracePercent: 0, onRedisDown: 'closed' },
  },
};

/** The user a check counts against: its id (the Redis hash tag) and tier. */
export interface LimitSubject {
  readonly id: string;
  readonly tier: Tier;
}
