import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Project as ProjectEntity, ProjectRun as ProjectRunEntity, ProjectFile as ProjectFileEntity } from '../../../core/project/project.entity';
import type { User as UserEntity } from '../../../core/user/user.entity';
import type { ProjectEvent as ProjectEventRecord } from '../../../core/events/project-event-stream';
import type { Team as TeamEntity, TeamInvitation as TeamInvitationEntity } from '../../../core/team/team.entity';
import type { AuditEvent as AuditEventEntity } from '../../../core/audit/audit.entity';
import type { ProviderKey as ProviderKeyEntity } from '../../../core/keys/provider-key.entity';
import type { FileVersionRecord } from '../../../core/files/file-history';
import type { Room as RoomEntity, RoomMember as RoomMemberEntity, RoomInvite as RoomInviteEntity } from '../../../core/rooms/room.entities';
import type { Theme as ThemeData } from '../../../contracts/themes';
import type { Deployment as DeploymentEntity, DeployToken as DeployTokenEntity } from '../../../core/deploy/deploy.entities';
import type { DeployLogLine as DeployLogLineData } from '../../../contracts/deploy';
import type { TargetView } from '../../../core/deploy/deploy.service';
import type { ProjectDeploymentsParent } from '../graphql/deploy/deploy-views';
import type { BillingAccountView } from '../../../core/billing/billing-views';
import type { Invoice as InvoiceEntity } from '../../../core/billing/billing.entities';
import type { GraphQLContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  JSON: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** A subscription as platform admins see it. */
export type AdminSubscription = {
  __typename?: 'AdminSubscription';
  subscriberId: Scalars['ID']['output'];
  subscriberKind: Scalars['String']['output'];
  /** The account's email or the team's name. */
  subscriberName: Scalars['String']['output'];
  subscription: BillingSubscription;
  tier: Scalars['String']['output'];
};

/** An agent handing its task over to another role (a tester to the debugger when tests fail, say). */
export type AgentHandoff = {
  __typename?: 'AgentHandoff';
  /** What the agent passed on (at most 4000 characters). */
  context: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  fromRole: Scalars['String']['output'];
  fromTaskKey: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  toRole: Scalars['String']['output'];
  /** The follow-up task the coordinator created for it, once assigned. */
  toTaskKey: Maybe<Scalars['String']['output']>;
};

/**
 * One agent of a run: a role that was given tasks, its durable status, its totals over its finished tasks,
 * and its tasks in the order it was given them.
 */
export type AgentInstance = {
  __typename?: 'AgentInstance';
  costUsd: Scalars['Float']['output'];
  /** The task it works on, while working (the latest given, when it has several). */
  currentTaskKey: Maybe<Scalars['String']['output']>;
  firstActiveAt: Maybe<Scalars['DateTime']['output']>;
  history: Array<AgentTask>;
  id: Scalars['ID']['output'];
  lastActiveAt: Maybe<Scalars['DateTime']['output']>;
  role: Scalars['String']['output'];
  /** idle or working while the run goes on (recorded as tasks start and finish), done once the run has ended. */
  status: Scalars['String']['output'];
  /** Done over finished tasks; null before any finished. */
  successRate: Maybe<Scalars['Float']['output']>;
  tasksDone: Scalars['Int']['output'];
  tasksFailed: Scalars['Int']['output'];
  /** Wall time of its finished tasks, summed, in ms. */
  timeMs: Scalars['Float']['output'];
  tokens: Scalars['Int']['output'];
  turns: Scalars['Int']['output'];
};

/** What one role did in a run. */
export type AgentMetrics = {
  __typename?: 'AgentMetrics';
  costUsd: Scalars['Float']['output'];
  role: Scalars['String']['output'];
  /** Done over finished tasks; null before any finished. */
  successRate: Maybe<Scalars['Float']['output']>;
  tasksDone: Scalars['Int']['output'];
  tasksFailed: Scalars['Int']['output'];
  /** Wall time of its finished tasks, in ms. */
  timeMs: Scalars['Float']['output'];
  tokens: Scalars['Int']['output'];
  turns: Scalars['Int']['output'];
};

/** One task of an agent team's plan: what it is, who was assigned and why, and how it went. */
export type AgentTask = {
  __typename?: 'AgentTask';
  acceptanceCriteria: Array<Scalars['String']['output']>;
  costUsd: Scalars['Float']['output'];
  dependencies: Array<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  files: Array<Scalars['String']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** The task whose agent handed over to this one. */
  handoffFrom: Maybe<Scalars['String']['output']>;
  key: Scalars['ID']['output'];
  /** done, approved, changes_requested, handoff, turn_limit, failed, or an error code. */
  outcome: Maybe<Scalars['String']['output']>;
  priority: Scalars['Int']['output'];
  /** Why the coordinator routed the task to this role. */
  reasoning: Scalars['String']['output'];
  role: Scalars['String']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** pending, running, done, failed or cancelled. */
  status: Scalars['String']['output'];
  summary: Maybe<Scalars['String']['output']>;
  supporting: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  tokens: Scalars['Int']['output'];
  turns: Scalars['Int']['output'];
  /** design, implement, debug, review, deploy, optimize, test or docs. */
  type: Scalars['String']['output'];
};

/** Whether one kind of assist can be used now by this person on this project, and with which model. */
export type AssistAvailability = {
  __typename?: 'AssistAvailability';
  available: Scalars['Boolean']['output'];
  /** True when that model is the local GGUF model (free, in-process, small models are weak). */
  local: Scalars['Boolean']['output'];
  /** The first model it would use (`local/SmolLM2-135M-Instruct.Q4_1.gguf`, `openai/gpt-4.1-mini` …); null when not available. */
  model: Maybe<Scalars['String']['output']>;
  /** Why not, and how to add a model; null when available. */
  reason: Maybe<Scalars['String']['output']>;
};

/** What assist can do here: project chat, editor actions, inline completions. */
export type AssistCapabilities = {
  __typename?: 'AssistCapabilities';
  actions: AssistAvailability;
  chat: AssistAvailability;
  completions: AssistAvailability;
};

/** One turn of this person's chat about a project. */
export type AssistChatMessage = {
  __typename?: 'AssistChatMessage';
  citations: Array<AssistCitation>;
  content: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  errorCode: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  model: Maybe<Scalars['String']['output']>;
  /** user or assistant. */
  role: Scalars['String']['output'];
  /** streaming, complete or failed. */
  status: Scalars['String']['output'];
};

/** A question and the answer that streams into reply (follow assistStream(reply.id)). */
export type AssistChatTurn = {
  __typename?: 'AssistChatTurn';
  question: AssistChatMessage;
  reply: AssistChatMessage;
};

/** A `path:line` an answer cites. */
export type AssistCitation = {
  __typename?: 'AssistCitation';
  endLine: Maybe<Scalars['Int']['output']>;
  line: Scalars['Int']['output'];
  path: Scalars['String']['output'];
};

/** One editor action and its answer. Nothing is written to the project until the person accepts the proposal. */
export type AssistRequest = {
  __typename?: 'AssistRequest';
  action: Scalars['String']['output'];
  /** The explanation, or what the change does (streams while running: follow assistStream). */
  answer: Maybe<Scalars['String']['output']>;
  /** The target's content the proposal was made against ('' for a new file). */
  baseContent: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  /** whole_file, fenced_block, search_replace or unified_diff: how the reply became the proposal. */
  editTool: Maybe<Scalars['String']['output']>;
  errorCode: Maybe<Scalars['String']['output']>;
  errorMessage: Maybe<Scalars['String']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  instruction: Maybe<Scalars['String']['output']>;
  model: Maybe<Scalars['String']['output']>;
  path: Scalars['String']['output'];
  projectId: Scalars['ID']['output'];
  /** The whole proposed content of targetPath; null for explain. */
  proposedContent: Maybe<Scalars['String']['output']>;
  selectionEndLine: Maybe<Scalars['Int']['output']>;
  selectionStartLine: Maybe<Scalars['Int']['output']>;
  /** running, ready, accepted, rejected, failed or cancelled. */
  status: Scalars['String']['output'];
  /** The file the proposal changes (path, or a new test file). */
  targetPath: Scalars['String']['output'];
  tokens: Maybe<Scalars['Int']['output']>;
  verification: Maybe<AssistVerification>;
};

/** Lines of the file an action works on, 1-based and inclusive. */
export type AssistSelectionInput = {
  endLine: Scalars['Int']['input'];
  startLine: Scalars['Int']['input'];
};

/** An event on an assist request's or chat reply's stream. */
export type AssistStreamEvent = {
  __typename?: 'AssistStreamEvent';
  at: Scalars['DateTime']['output'];
  data: Maybe<Scalars['JSON']['output']>;
  /** The stream id to resume after. */
  id: Scalars['String']['output'];
  /** assist.delta: the whole answer so far. */
  text: Maybe<Scalars['String']['output']>;
  /** assist.delta, assist.tool, assist.verifying, assist.ready or assist.failed. */
  type: Scalars['String']['output'];
};

/** A fix's check: the failing command run again in a sandbox with the proposal written, before anyone accepts it. */
export type AssistVerification = {
  __typename?: 'AssistVerification';
  command: Scalars['String']['output'];
  durationMs: Scalars['Int']['output'];
  exitCode: Scalars['Int']['output'];
  /** The output's tail. */
  output: Scalars['String']['output'];
  passed: Scalars['Boolean']['output'];
  timedOut: Scalars['Boolean']['output'];
};

/** A security-relevant event: log-ins, failed log-ins, session revocations, team role changes, limit overrides. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  /** Null for anonymous attempts and for deleted accounts. */
  actorId: Maybe<Scalars['ID']['output']>;
  at: Scalars['DateTime']['output'];
  data: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  ip: Maybe<Scalars['String']['output']>;
  target: Maybe<Scalars['String']['output']>;
};

/** The signed-in session and what the client needs to choose between the sign-in screens and the app. */
export type AuthState = {
  __typename?: 'AuthState';
  /** False until the first account is created: until then the platform runs as the built-in local user. */
  accountsExist: Scalars['Boolean']['output'];
  /** Providers offered for signing in (`github`, `google`), each at `/auth/oauth/<provider>/start?returnUrl=/…`; empty unless configured. */
  oauthProviders: Array<Scalars['String']['output']>;
  /** The signed-in user; in single-user mode (no account exists yet) the built-in local user. */
  viewer: Maybe<User>;
};

/** Billing of the caller, or of a team (its owners). */
export type BillingAccount = {
  __typename?: 'BillingAccount';
  /** Whether the caller may change this billing (themselves; a team's owners). */
  canManage: Scalars['Boolean']['output'];
  /** A tier granted by a platform admin. */
  comp: Maybe<TierComp>;
  /** INR or USD, from the customer's country (INR until details are saved). */
  currency: Scalars['String']['output'];
  customer: Maybe<BillingCustomer>;
  /** Whether billing is on (Razorpay keys configured). Off: everyone is on the free tier. */
  enabled: Scalars['Boolean']['output'];
  /** What turns billing on, when it is off. */
  howToEnable: Maybe<Scalars['String']['output']>;
  /** Newest first, at most `limit` (default 50, at most 200). */
  invoices: Array<Invoice>;
  /** The tier's limits. */
  limits: TierLimitsView;
  subscriberId: Scalars['ID']['output'];
  /** user or team. */
  subscriberKind: Scalars['String']['output'];
  /** The live subscription (not cancelled, completed or expired), if any. */
  subscription: Maybe<BillingSubscription>;
  /** The tier in force now (from the subscription, an admin's comp, or free). */
  tier: Scalars['String']['output'];
};


/** Billing of the caller, or of a team (its owners). */
export type BillingAccountInvoicesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** Who pays and the details their GST invoices carry. */
export type BillingCustomer = {
  __typename?: 'BillingCustomer';
  address: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2. IN pays INR with GST; any other country pays USD, zero-rated. */
  country: Scalars['String']['output'];
  email: Scalars['String']['output'];
  /** 15-character GSTIN of a registered business; null for consumers. */
  gstin: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Two-digit GST state code (place of supply) for customers in India. */
  stateCode: Maybe<Scalars['String']['output']>;
};

export type BillingDetailsInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  country: Scalars['String']['input'];
  email: Scalars['String']['input'];
  gstin?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  stateCode?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A paid plan (free has none: it is what everyone has without a subscription). Prices are in minor units:
 * priceInr in paise with 18% GST included, priceUsd in cents (customers outside India, zero-rated).
 */
export type BillingPlan = {
  __typename?: 'BillingPlan';
  blurb: Scalars['String']['output'];
  /** pro-monthly, pro-yearly, team-monthly, team-yearly, enterprise-monthly or enterprise-yearly. */
  id: Scalars['ID']['output'];
  /** monthly or yearly. */
  interval: Scalars['String']['output'];
  label: Scalars['String']['output'];
  priceInr: Scalars['Int']['output'];
  priceUsd: Scalars['Int']['output'];
  /** pro, team or enterprise. */
  tier: Scalars['String']['output'];
};

/** A Razorpay subscription, as Atelier last mirrored it. */
export type BillingSubscription = {
  __typename?: 'BillingSubscription';
  /** Minor units per cycle. */
  amount: Scalars['Int']['output'];
  /** Cancelled for the end of the cycle: the tier stays until currentEnd. */
  cancelAtCycleEnd: Scalars['Boolean']['output'];
  /** When Razorpay charges next. */
  chargeAt: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** INR or USD. */
  currency: Scalars['String']['output'];
  currentEnd: Maybe<Scalars['DateTime']['output']>;
  currentStart: Maybe<Scalars['DateTime']['output']>;
  dunning: Maybe<Dunning>;
  /** Whether it gives its tier now. */
  grantsTier: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  interval: Scalars['String']['output'];
  /** Razorpay's hosted page for this subscription (change the card). */
  manageUrl: Maybe<Scalars['String']['output']>;
  planId: Scalars['String']['output'];
  /** A downgrade that takes effect at currentEnd. */
  scheduledPlanId: Maybe<Scalars['String']['output']>;
  /** created, authenticated, active, pending, halted, paused, cancelled, completed or expired (Razorpay's). */
  status: Scalars['String']['output'];
  tier: Scalars['String']['output'];
};

/** Whose limit is in force: the project's settings, its team's, its owner's, or the tier's cap. */
export type BudgetLimitSource =
  | 'PROJECT'
  | 'TEAM'
  | 'TIER'
  | 'USER';

/** What a queued build waits for: one of its owner's agent-run slots or sandboxes, all in use. */
export type BuildWait = {
  __typename?: 'BuildWait';
  /** Holders in projects the viewer may not read: counted, never named. */
  hiddenHolders: Scalars['Int']['output'];
  /** The builds (or projects) holding them, among the projects the viewer may read. */
  holders: Array<BuildWaitHolder>;
  /** agent-run or sandbox. */
  kind: Scalars['String']['output'];
  limit: Scalars['Int']['output'];
  used: Scalars['Int']['output'];
};

export type BuildWaitHolder = {
  __typename?: 'BuildWaitHolder';
  projectId: Scalars['ID']['output'];
  projectName: Scalars['String']['output'];
  /** The run holding it, when a build does. */
  runId: Maybe<Scalars['ID']['output']>;
};

export type ChatFileRef = {
  __typename?: 'ChatFileRef';
  line: Maybe<Scalars['Int']['output']>;
  path: Scalars['String']['output'];
};

export type ChatSnippet = {
  __typename?: 'ChatSnippet';
  code: Scalars['String']['output'];
  language: Scalars['String']['output'];
};

export type ChatSnippetInput = {
  /** At most 20,000 characters (MESSAGE_TOO_LONG). */
  code: Scalars['String']['input'];
  language: Scalars['String']['input'];
};

/** What the client hands Razorpay Checkout (checkout.js): an order, or a subscription's first payment. */
export type CheckoutSession = {
  __typename?: 'CheckoutSession';
  amount: Scalars['Int']['output'];
  /** Where to load checkout.js from. */
  checkoutUrl: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  description: Scalars['String']['output'];
  /** Razorpay's public key id. */
  keyId: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Set for an order (a proration payment): the callback's signature covers order_id|payment_id. */
  orderId: Maybe<Scalars['String']['output']>;
  prefillEmail: Scalars['String']['output'];
  prefillName: Scalars['String']['output'];
  /** Set for a subscription's first payment: the signature covers payment_id|subscription_id. */
  subscriptionId: Maybe<Scalars['String']['output']>;
};

/** How the client reaches live collaboration (Liveblocks). */
export type Collaboration = {
  __typename?: 'Collaboration';
  /** False when the server runs without Liveblocks: files are then read and written through the API only. */
  enabled: Scalars['Boolean']['output'];
  /** Liveblocks goes through this origin (/v8, /v2/c): the client uses location.origin as baseUrl. */
  proxied: Scalars['Boolean']['output'];
  /** The Liveblocks client's throttle, in ms. */
  throttleMs: Scalars['Int']['output'];
};

export type CreateProjectInput = {
  /** With the agent team: build without waiting for a person to approve the plan. */
  autoApprovePlan?: InputMaybe<Scalars['Boolean']['input']>;
  /** starter (the built-in starter files, default) or team (the agent team plans and builds from the description). */
  buildMode?: InputMaybe<Scalars['String']['input']>;
  database?: InputMaybe<Scalars['String']['input']>;
  /** At most 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Up to 10 tags, each lowercase letters, digits and '-'. */
  features?: InputMaybe<Array<Scalars['String']['input']>>;
  framework: Scalars['String']['input'];
  /**
   * Makes retries safe: a second request with the same key returns the first request's project and
   * never starts a second run.
   */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** 2 to 64 characters: starts with a letter (any alphabet), then letters, digits, spaces, '-' or '_'. Unique per owner. */
  name: Scalars['String']['input'];
  styling?: InputMaybe<Scalars['String']['input']>;
  /** Create the project in this team (the caller must be a member); omitted for a personal project. */
  teamId?: InputMaybe<Scalars['ID']['input']>;
  visibility?: InputMaybe<Scalars['String']['input']>;
};

export type CreateRoomInput = {
  /** 2 to the tier's maximum; default 10. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** At most 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 80 characters. */
  name: Scalars['String']['input'];
  /** 4 to 128 characters; omit for none. */
  password?: InputMaybe<Scalars['String']['input']>;
  projectId: Scalars['ID']['input'];
  /** private (default), team or public. */
  visibility?: InputMaybe<Scalars['String']['input']>;
};

export type CreateRoomInviteInput = {
  /** 1 to 720 hours; default 24. */
  expiresInHours?: InputMaybe<Scalars['Int']['input']>;
  /** 1 for single-use; omit for unlimited until expiry. */
  maxUses?: InputMaybe<Scalars['Int']['input']>;
  /** participant (default) or viewer. */
  role?: InputMaybe<Scalars['String']['input']>;
  roomId: Scalars['ID']['input'];
};

/** A new invitation and its single-use link (shown once; only its hash is stored). */
export type CreatedInvitation = {
  __typename?: 'CreatedInvitation';
  invitation: TeamInvitation;
  link: Scalars['String']['output'];
  token: Scalars['String']['output'];
};

export type CreatedRoomInvite = {
  __typename?: 'CreatedRoomInvite';
  invite: RoomInvite;
  /** The link's secret part; the join page is /rooms/join/<token>. */
  token: Scalars['String']['output'];
};

/** An environment variable or secret of a project. A secret's value is never returned, only a hint. */
export type DeployEnvVar = {
  __typename?: 'DeployEnvVar';
  /** •••• and the last two characters of a secret; empty for a plain variable. */
  hint: Scalars['String']['output'];
  key: Scalars['String']['output'];
  secret: Scalars['Boolean']['output'];
  /** A target name, or * for every target (a target's own value wins). */
  target: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The value of a plain variable, shown to those who configure the project's deployments (owners, admins); null for a secret and for everyone else. */
  value: Maybe<Scalars['String']['output']>;
};

export type DeployEnvVarInput = {
  /** Letters, digits and _, not starting with a digit, at most 128 characters. */
  key: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
  /** Secrets (the default) are never shown again. */
  secret?: InputMaybe<Scalars['Boolean']['input']>;
  /** A target name, or * for every target. */
  target: Scalars['String']['input'];
  /** At most 32 KiB. */
  value: Scalars['String']['input'];
};

export type DeployInput = {
  /** A retry with the same key returns the first deployment instead of starting a second one. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  projectId: Scalars['ID']['input'];
  /** Deploy even though the project's tests fail; recorded on the deployment and in its log. */
  skipTests?: InputMaybe<Scalars['Boolean']['input']>;
  target: Scalars['String']['input'];
};

/** One line of a deployment's log. Env var and secret values never appear (they are masked before storing). */
export type DeployLogLine = {
  __typename?: 'DeployLogLine';
  at: Scalars['DateTime']['output'];
  seq: Scalars['Int']['output'];
  /** build (our build in a sandbox), provider (the provider's build), runtime (the running app) or system (steps). */
  stream: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

/** A project's settings for one target, and what is live there. */
export type DeployTargetSettings = {
  __typename?: 'DeployTargetSettings';
  /** The devops agent may deploy here when an approved plan has a deploy task. */
  allowAgentDeploys: Scalars['Boolean']['output'];
  /** The local target's app: starting, running, restarting, stopped or deleted; null for other targets or before a deploy. */
  appState: Maybe<Scalars['String']['output']>;
  label: Scalars['String']['output'];
  liveDeployment: Maybe<Deployment>;
  /** Providers whose tokens the target needs and are missing (e.g. ["vercel"]). */
  missingTokens: Array<Scalars['String']['output']>;
  /** Whether the caller (or, for a team project, the team) has every token the target needs. */
  ready: Scalars['Boolean']['output'];
  /** Options such as name (the provider-side name; default: the project's slug), private, region. */
  settings: Scalars['JSON']['output'];
  /** local, vercel, netlify, github, render or railway. */
  target: Scalars['String']['output'];
};

export type DeployTargetSettingsInput = {
  allowAgentDeploys?: InputMaybe<Scalars['Boolean']['input']>;
  projectId: Scalars['ID']['input'];
  /** Only the known options of the target are accepted (name, private, region); BAD_USER_INPUT otherwise. */
  settings?: InputMaybe<Scalars['JSON']['input']>;
  target: Scalars['String']['input'];
};

/** A deployment provider token of the caller or of a team; only a hint is ever returned. */
export type DeployToken = {
  __typename?: 'DeployToken';
  /** The provider's account name for the token, as it answered when the token was stored. */
  account: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  hint: Scalars['String']['output'];
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** vercel, netlify, github, render or railway. */
  provider: Scalars['String']['output'];
  /** Vercel team id or Railway workspace the token acts in, if set. */
  scope: Maybe<Scalars['String']['output']>;
};

/**
 * One deployment of a project to a target (a deploy, a redeploy or a rollback), run by a durable workflow:
 * QUEUED → BUILDING → PACKAGING → UPLOADING → DEPLOYING → CHECKING → LIVE; then SUPERSEDED when another one goes
 * live on the same target. FAILED and CANCELLED end it; the previous live deployment stays live either way.
 */
export type Deployment = {
  __typename?: 'Deployment';
  artifactBytes: Maybe<Scalars['Int']['output']>;
  /** Whether it can be rolled back to (it went live once and its package is kept) and is not live now. */
  canRollback: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  createdBy: Maybe<User>;
  /** A readable reason when FAILED or CANCELLED. */
  error: Maybe<Scalars['String']['output']>;
  /** A DEPLOY_* error code when FAILED. */
  errorCode: Maybe<Scalars['String']['output']>;
  fileCount: Maybe<Scalars['Int']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Whether it is the target's live deployment now. */
  isLive: Scalars['Boolean']['output'];
  liveAt: Maybe<Scalars['DateTime']['output']>;
  /** Lines kept so far (the newest seq). */
  logCount: Scalars['Int']['output'];
  /** Log lines after `after` (a seq; 0 for all), oldest first, at most `limit` (default 1000, at most 5000). */
  logs: Array<DeployLogLine>;
  projectId: Scalars['ID']['output'];
  /** The tests were skipped for this deployment on purpose. */
  skipTests: Scalars['Boolean']['output'];
  /** A rollback's or redeploy's origin. */
  sourceDeploymentId: Maybe<Scalars['ID']['output']>;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** QUEUED, BUILDING, PACKAGING, UPLOADING, DEPLOYING, CHECKING, LIVE, SUPERSEDED, FAILED or CANCELLED. */
  status: Scalars['String']['output'];
  /** local, vercel, netlify, github, render or railway. */
  target: Scalars['String']['output'];
  /** user, redeploy, rollback or agent. */
  trigger: Scalars['String']['output'];
  /** Where the app answers once ready (for github, the repository); null before. */
  url: Maybe<Scalars['String']['output']>;
};


/**
 * One deployment of a project to a target (a deploy, a redeploy or a rollback), run by a durable workflow:
 * QUEUED → BUILDING → PACKAGING → UPLOADING → DEPLOYING → CHECKING → LIVE; then SUPERSEDED when another one goes
 * live on the same target. FAILED and CANCELLED end it; the previous live deployment stays live either way.
 */
export type DeploymentLogsArgs = {
  after?: InputMaybe<Scalars['Int']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** Dunning after a failed renewal: retries on days 1, 3 and 7, then the account or team drops to free (data kept). */
export type Dunning = {
  __typename?: 'Dunning';
  /** Minor units due. */
  amountDue: Scalars['Int']['output'];
  /** Retries made so far, 0 to 3. */
  attempts: Scalars['Int']['output'];
  /** The retries ran out and the tier dropped to free; a payment restores it. */
  downgraded: Scalars['Boolean']['output'];
  /** When the next retry is due; null after the last. */
  nextRetryAt: Maybe<Scalars['DateTime']['output']>;
  /** A payment link that settles the amount due now. */
  payUrl: Maybe<Scalars['String']['output']>;
  since: Scalars['DateTime']['output'];
};

/**
 * One kept state of a file: recorded per flush of people's edits, per agent write, upload, restore and creation.
 * Versions belong to the file, not its path: a rename keeps the history, and a deleted file's history stays.
 */
export type FileVersion = {
  __typename?: 'FileVersion';
  /** user, agent or system. */
  authorKind: Scalars['String']['output'];
  /** A person's display name, or an agent such as "The coder". */
  authorName: Scalars['String']['output'];
  binary: Scalars['Boolean']['output'];
  /** The text; null for a binary file. */
  content: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  fileId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  /** The file's path when the version was made. */
  path: Scalars['String']['output'];
  /** flush, agent, restore, upload, create or scaffold. */
  reason: Scalars['String']['output'];
  /** Size in bytes. */
  size: Scalars['Int']['output'];
};

export type FrameworkOption = {
  __typename?: 'FrameworkOption';
  id: Scalars['String']['output'];
  label: Scalars['String']['output'];
  language: Scalars['String']['output'];
  /** Whether the built-in scaffold produces a runnable starter today. */
  scaffolded: Scalars['Boolean']['output'];
};

/** What someone holding an invitation link may see before accepting it. */
export type InvitationPreview = {
  __typename?: 'InvitationPreview';
  expiresAt: Scalars['DateTime']['output'];
  invitedByName: Scalars['String']['output'];
  role: Scalars['String']['output'];
  teamName: Scalars['String']['output'];
};

/** A GST tax invoice (kind invoice) or a credit note for a refund (kind credit_note). Amounts in minor units. */
export type Invoice = {
  __typename?: 'Invoice';
  cgst: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  igst: Scalars['Int']['output'];
  issuedAt: Scalars['DateTime']['output'];
  /** invoice or credit_note. */
  kind: Scalars['String']['output'];
  /** ATL/26-27/000123 (credit notes ATC/…). */
  number: Scalars['String']['output'];
  /** Where the PDF downloads (same origin, signed-in). */
  pdfUrl: Scalars['String']['output'];
  placeOfSupply: Scalars['String']['output'];
  sgst: Scalars['Int']['output'];
  /** intra (CGST + SGST), inter (IGST) or export (zero-rated). */
  taxKind: Scalars['String']['output'];
  taxableValue: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type LogInInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

/** A model in the catalog, and whether the caller's agents can use it now. */
export type Model = {
  __typename?: 'Model';
  available: Scalars['Boolean']['output'];
  /** CLOSED, OPEN or HALF_OPEN: the shared circuit breaker of this model. */
  circuit: Scalars['String']['output'];
  /** While the breaker is OPEN (calls paused after repeated errors): when a call is tried again. */
  circuitRetryAt: Maybe<Scalars['DateTime']['output']>;
  contextWindow: Scalars['Int']['output'];
  displayName: Scalars['String']['output'];
  functionCalling: Scalars['Boolean']['output'];
  /** provider/model, e.g. openai/gpt-4.1. */
  id: Scalars['ID']['output'];
  /** Whose key calls to it would use: USER (the caller's own) or PLATFORM; null without a key. */
  keySource: Maybe<Scalars['String']['output']>;
  maxOutputTokens: Scalars['Int']['output'];
  /** The deterministic offline provider: built-in blueprints, no network, no cost. */
  offline: Scalars['Boolean']['output'];
  pricing: ModelPricing;
  /** openai, anthropic, google, openai-compatible or offline. */
  provider: Scalars['String']['output'];
  reasoning: Scalars['Boolean']['output'];
  streaming: Scalars['Boolean']['output'];
  /** NO_KEY, CIRCUIT_OPEN or OFFLINE_MODE when not available. */
  unavailableReason: Maybe<Scalars['String']['output']>;
  vendorModel: Scalars['String']['output'];
  vision: Scalars['Boolean']['output'];
};

/**
 * A budget for a project: tokens and US dollars used, the project's own limit (what its settings say; null:
 * none) and the limit in force, which a run pauses at: the least of the project's, the team's or owner's, and the
 * tier's cap (null: unlimited).
 */
export type ModelBudget = {
  __typename?: 'ModelBudget';
  /** The project's own setting. */
  costUsdLimit: Maybe<Scalars['Float']['output']>;
  costUsdLimitSource: Maybe<BudgetLimitSource>;
  costUsdUsed: Scalars['Float']['output'];
  /** The US-dollar limit in force (the one enforced); null: unlimited. */
  effectiveCostUsdLimit: Maybe<Scalars['Float']['output']>;
  /** The token limit in force (the one enforced); null: unlimited. */
  effectiveTokenLimit: Maybe<Scalars['Float']['output']>;
  /** RUN (per run; used is the latest run's) or PROJECT (over the project's life). */
  scope: Scalars['String']['output'];
  /** The project's own setting. */
  tokenLimit: Maybe<Scalars['Float']['output']>;
  tokenLimitSource: Maybe<BudgetLimitSource>;
  tokensUsed: Scalars['Float']['output'];
};

/** How the caller's agents reach models right now. */
export type ModelMode = {
  __typename?: 'ModelMode';
  /** A sentence for the UI. */
  message: Scalars['String']['output'];
  /** True when no vendor key is configured for the caller: every agent runs on the offline provider. */
  offline: Scalars['Boolean']['output'];
};

/** Prices per 1k tokens in both billing currencies. */
export type ModelPricing = {
  __typename?: 'ModelPricing';
  inputPer1kInr: Scalars['Float']['output'];
  inputPer1kUsd: Scalars['Float']['output'];
  outputPer1kInr: Scalars['Float']['output'];
  outputPer1kUsd: Scalars['Float']['output'];
};

export type ModelUsage = {
  __typename?: 'ModelUsage';
  rows: Array<ModelUsageRow>;
  total: ModelUsageRow;
};

export type ModelUsageGroup =
  | 'DAY'
  | 'MODEL'
  | 'ROLE';

/** Whose usage to report: one of projectId, teamId or userId (the caller when none is given). */
export type ModelUsageInput = {
  /** Inclusive start (default: 30 days ago). */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Grouping, in order; default MODEL. */
  groupBy?: InputMaybe<Array<ModelUsageGroup>>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** Exclusive end (default: now). */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** Usage of one group (or the total when every group field is null). */
export type ModelUsageRow = {
  __typename?: 'ModelUsageRow';
  calls: Scalars['Int']['output'];
  completionTokens: Scalars['Float']['output'];
  costInr: Scalars['Float']['output'];
  costUsd: Scalars['Float']['output'];
  /** UTC day, YYYY-MM-DD. */
  day: Maybe<Scalars['String']['output']>;
  model: Maybe<Scalars['String']['output']>;
  promptTokens: Scalars['Float']['output'];
  role: Maybe<Scalars['String']['output']>;
  totalTokens: Scalars['Float']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  _noop: Maybe<Scalars['Boolean']['output']>;
  /** Joins the team with the invitation's role (signed-in users only). */
  acceptInvitation: Team;
  /** Answers the question an agent asked (ask_human) on a task. */
  answerAgent: Scalars['Boolean']['output'];
  /** Makes the project read-only and hides it from the default list; CONFLICT while a build is in progress. */
  archiveProject: Project;
  /** Asks the project chat; the answer streams into the reply (read-only tools: list, read, search). */
  askAssist: AssistChatTurn;
  /** Stops a running action. */
  cancelAssist: AssistRequest;
  /** Cancels a deployment in flight at whatever step it is; nothing goes live and the previous one stays live. */
  cancelDeployment: Deployment;
  /** Cancels the run: agents stop, the sandbox is destroyed. */
  cancelRun: Scalars['Boolean']['output'];
  /** Cancels at the end of the cycle (tier kept until then) or now (tier drops now; the unused days are refunded with a credit note). */
  cancelSubscription: BillingAccount;
  /** Upgrade (pay the rest of this cycle's difference now, new tier at once) or downgrade (at the end of the cycle). */
  changePlan: PlanChange;
  /** Owners change a member's role to admin or member. */
  changeTeamRole: TeamMember;
  /** Forgets the viewer's chat about the project. */
  clearAssistChat: Scalars['Boolean']['output'];
  /** Platform admins return a user's limit to their tier's. Audited with the reason. */
  clearUserLimit: Scalars['Boolean']['output'];
  /** Platform admins grant a tier (tier null revokes), until a date or revoked. Audited with the reason. */
  compTier: Maybe<TierComp>;
  /** A new file, empty or with content (at most the upload cap: FILE_TOO_LARGE). */
  createFile: ProjectFile;
  /** A new, empty folder; returns its path. */
  createFolder: Scalars['String']['output'];
  /** Platform admins: a one-off charge (a team invoice) as a payment link mailed to the payer. */
  createPaymentLink: PaymentLink;
  createProject: Project;
  /** Creates a room over a project the caller may edit; the caller is its host. */
  createRoom: Room;
  createRoomInvite: CreatedRoomInvite;
  /** Creates a team with the caller as its owner. Name: 2 to 64 characters. */
  createTeam: Team;
  /** Records accept or reject of a ready proposal. The client applies an accepted proposal through the shared document (one undo reverts it) before it calls this. */
  decideAssist: AssistRequest;
  /**
   * Deletes the caller's account after checking the password: personal projects, sessions and tokens go;
   * team projects stay with their teams; audit entries are kept without the user's id; usage_logs rows lose
   * the reply text and the user's id but keep their token and cost numbers, which team budgets sum. Refused with
   * BAD_USER_INPUT (field teams) while the caller is the owner of a team with other members.
   */
  deleteAccount: Scalars['Boolean']['output'];
  deleteDeployEnvVar: Scalars['Boolean']['output'];
  deleteDeployToken: Scalars['Boolean']['output'];
  /** Stops the local app and forgets it: the project has no live local deployment any more (deploy:configure). */
  deleteLocalApp: DeployTargetSettings;
  /** Deletes a file, or a folder with everything under it. Returns how many files went. */
  deletePath: Scalars['Int']['output'];
  /**
   * Stops its runs and sandboxes, deletes its room and rows. confirmName must equal the name
   * (else CONFIRMATION_MISMATCH). Safe to retry after a failure part-way.
   */
  deleteProject: Scalars['Boolean']['output'];
  deleteProviderKey: Scalars['Boolean']['output'];
  /** Host only; deletes the room with its chat. */
  deleteRoom: Scalars['Boolean']['output'];
  /** The author, or a host or moderator (moderation). */
  deleteRoomMessage: RoomMessage;
  /** The owner deletes the team and its projects. */
  deleteTeam: Scalars['Boolean']['output'];
  deleteTeamDeployToken: Scalars['Boolean']['output'];
  deleteTeamProviderKey: Scalars['Boolean']['output'];
  /**
   * Deploys the project's current files to a target. DEPLOY_TARGET_UNAVAILABLE for an unknown target,
   * DEPLOY_TOKEN_MISSING without the target's tokens, DEPLOY_IN_PROGRESS while another deployment of the project
   * to that target runs, PROJECT_ARCHIVED for an archived project.
   */
  deploy: Deployment;
  /** Destroys a sandbox of a project the viewer may run; true when it existed. */
  destroySandbox: Scalars['Boolean']['output'];
  /** The author only, within the room. */
  editRoomMessage: RoomMessage;
  /** Host and moderators: archives the room now (files flushed, chat kept). */
  endRoom: Room;
  /** The client's debounced note that it edited these documents: the room flushes them within ~2 s. project:update; at most 100 ids. */
  filesEdited: Scalars['Boolean']['output'];
  /** Owners and admins invite; role admin or member. The link is valid for 7 days and works once. */
  inviteToTeam: CreatedInvitation;
  /** Joins (or re-enters) a room: with its password if it has one, or with an invite link's token. */
  joinRoom: Room;
  /** Host and moderators, on someone of a lower role: out of the room at once (their live connections close). */
  kickRoomMember: Scalars['Boolean']['output'];
  /** Leaves the room; a leaving host hands host to a moderator, else to the longest-present participant. */
  leaveRoom: Scalars['Boolean']['output'];
  /** Admins and members leave; an owner transfers ownership first. */
  leaveTeam: Scalars['Boolean']['output'];
  /** Signs in; a wrong email or password gives UNAUTHENTICATED with one message for both. */
  logIn: User;
  /** Ends this session. */
  logOut: Scalars['Boolean']['output'];
  /** Ends every session of the caller, this one included. */
  logOutEverywhere: Scalars['Boolean']['output'];
  markNotificationsRead: Scalars['Int']['output'];
  /** Sends a message to the agent working on a task; it reads it before its next turn. */
  messageAgent: Scalars['Boolean']['output'];
  /** Sends a message to every agent working now; returns how many received it. CONFLICT when none is working. */
  messageTeam: Scalars['Int']['output'];
  /** Renames or moves a file or a folder (with everything under it). Returns the new path. */
  movePath: Scalars['String']['output'];
  /** Host and moderators: mutes in chat for minutes (1 to 1440; 0 unmutes). */
  muteRoomMember: RoomMember;
  /** Registers and seeds the file's live document so the editor can load it; project:read. */
  openFile: OpenedFile;
  /**
   * A link to the running preview for someone who may read the project. The preview host trades its token
   * for a cookie of its own (the platform's session cookie never reaches previews). NOT_FOUND otherwise.
   */
  openPreview: PreviewLink;
  /** Pauses the running team after the tasks in flight (project editors). */
  pauseRun: Scalars['Boolean']['output'];
  /** Pauses charging; the tier drops to free until resumed. */
  pauseSubscription: BillingAccount;
  /** Builds and deploys the project again to the deployment's target. */
  redeploy: Deployment;
  /** Platform admins refund a captured payment (amount null: all of what is left); a credit note is issued. Audited. */
  refundPayment: Scalars['Boolean']['output'];
  /** Owners remove anyone but themselves; admins remove members. */
  removeTeamMember: Scalars['Boolean']['output'];
  /** The createProject name rules; CONFLICT when its creator has a project of that name, PROJECT_ARCHIVED when archived. */
  renameProject: Project;
  /** Host or moderator of an archived room: a new live session with the same files and chat. */
  reopenRoom: Room;
  /** Always true, so it does not reveal which emails have accounts; the link goes to the user's email (without SMTP_URL, an .eml file in .data/mail). */
  requestPasswordReset: Scalars['Boolean']['output'];
  /**
   * Sends the signed-in caller a new verification link, to their own address only (so it reveals nothing about
   * other accounts). UNAUTHENTICATED when signed out; RATE_LIMIT_EXCEEDED (retryAfter) within a minute of the
   * last verification mail; BAD_USER_INPUT (field email) when already verified.
   */
  resendVerificationEmail: Scalars['Boolean']['output'];
  /** Sets a new password from a single-use, expiring token and ends every session; BAD_USER_INPUT for a bad or used token. */
  resetPassword: Scalars['Boolean']['output'];
  /** Makes the version the file's current content: a new version itself. */
  restoreFileVersion: ProjectFile;
  /** Makes an archived project editable again. */
  restoreProject: Project;
  resumeRun: Scalars['Boolean']['output'];
  resumeSubscription: BillingAccount;
  /** Approves the proposed plan, or asks the architect for changes (feedback required then). Project editors. */
  reviewPlan: Scalars['Boolean']['output'];
  revokeInvitation: Scalars['Boolean']['output'];
  revokeRoomInvite: Scalars['Boolean']['output'];
  /** Ends one of the caller's sessions. */
  revokeSession: Scalars['Boolean']['output'];
  /** Makes an earlier successful deployment live again, from its kept package (DEPLOY_ROLLBACK_INVALID otherwise). */
  rollbackDeployment: Deployment;
  /** Platform admins: re-seal every stored key (model keys, deployment env vars, secrets and tokens) under the newest master key after a rotation; returns how many moved. */
  rotateProviderKeys: Scalars['Int']['output'];
  /** Participants and above: runs the project's run or test script in the shared terminal, starting the room's sandbox. */
  runInRoom: Scalars['Boolean']['output'];
  /** Saves the name, GSTIN and address invoices carry, and the country that sets the currency (before the first payment). */
  saveBillingDetails: BillingCustomer;
  /** Participants and above, unless muted (ROOM_MUTED). */
  sendRoomMessage: RoomMessage;
  setDeployEnvVar: DeployEnvVar;
  setDeployTargetSettings: DeployTargetSettings;
  /** Stores (or replaces) the caller's token for a provider after checking it with the provider (DEPLOY_TOKEN_REFUSED). */
  setDeployToken: DeployToken;
  /** Sets a project's role → model chains and budgets (editors of the project). */
  setProjectModelSettings: ProjectModelSettings;
  /**
   * Stores (or replaces) the caller's key for a provider, sealed with AES-256-GCM. baseUrl is required for
   * openai-compatible; it must be https with no query or fragment and resolve to public addresses only (hosts on
   * ATELIER_PROVIDER_HOST_ALLOWLIST excepted); BAD_USER_INPUT on baseUrl otherwise.
   */
  setProviderKey: ProviderKey;
  /** Host and moderators: no new joins while locked. */
  setRoomLocked: Room;
  /** Host and moderators, on someone of a lower role. Only the host may give host (and becomes a moderator). */
  setRoomMemberRole: RoomMember;
  /** Host only: the theme everyone follows (null: none). */
  setRoomTheme: Room;
  setTeamDeployToken: DeployToken;
  /** Sets a team's model budgets, which its projects' runs answer to (team owners and admins). */
  setTeamModelBudgets: TeamModelBudgets;
  /**
   * Stores (or replaces) a team's key for a provider (team owners and admins). The team's projects' runs use it
   * instead of the platform's key; a member's own key is never used for them.
   */
  setTeamProviderKey: ProviderKey;
  /** Sets a team's role → model chains, the default for its projects (team owners and admins). */
  setTeamRoleModels: Array<RoleModelChain>;
  /**
   * Saves the caller's own theme. An id that names no system theme is refused with BAD_USER_INPUT (field
   * themeId); signed out, with UNAUTHENTICATED.
   */
  setTheme: User;
  /**
   * Platform admins raise or lift (limit: null) one limit of a user: messages:hourly, messages:daily,
   * uploads:daily, teams:daily, invitations:hourly, completions:hourly, agent-runs or rooms. Audited with the reason.
   */
  setUserLimit: Scalars['Boolean']['output'];
  /**
   * Creates an account and signs it in (sets the httpOnly session cookie). The first account becomes the
   * platform admin and takes over the built-in local user's projects. BAD_USER_INPUT names each bad field.
   */
  signUp: User;
  /** Starts an editor action (an assistWorkflow). Refused at once with MODEL_NOT_AVAILABLE, ASSIST_EMPTY_SELECTION or ASSIST_CONTEXT_TOO_LARGE. */
  startAssist: AssistRequest;
  startLocalApp: DeployTargetSettings;
  /**
   * Starts a sandbox for the project: its files are copied in, dependencies installed, tests run and the
   * preview started (sandboxVerifyWorkflow). Returns the workflow id; the sandbox appears in projectSandboxes.
   */
  startProjectSandbox: Scalars['String']['output'];
  /**
   * Starts another agent-team build of an existing project once its last build ended (project editors): the team
   * plans from the description (replaced when given) and works on the project's current files. CONFLICT while a
   * build is in progress; the owner's tier may queue it behind their other team runs.
   */
  startTeamRun: ProjectRun;
  /** Stops the project's local app (it stays deployed and can be started again). */
  stopLocalApp: DeployTargetSettings;
  /** Starts a subscription to a plan: returns what Checkout needs for its first payment. SUBSCRIPTION_EXISTS if one is live. */
  subscribe: CheckoutSession;
  /** The owner hands ownership to another member and becomes an admin. */
  transferTeamOwnership: Team;
  /** Host only. */
  updateRoom: Room;
  /** Confirms the email address from a single-use, expiring token. */
  verifyEmail: Scalars['Boolean']['output'];
  /** Checks a Checkout callback's signature and applies the payment: the tier changes at once. Returns the billing. */
  verifyPayment: BillingAccount;
};


export type MutationAcceptInvitationArgs = {
  token: Scalars['String']['input'];
};


export type MutationAnswerAgentArgs = {
  answer: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
  taskKey: Scalars['String']['input'];
};


export type MutationArchiveProjectArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAskAssistArgs = {
  message: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
  roomId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCancelAssistArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelDeploymentArgs = {
  deploymentId: Scalars['ID']['input'];
};


export type MutationCancelRunArgs = {
  projectId: Scalars['ID']['input'];
};


export type MutationCancelSubscriptionArgs = {
  atCycleEnd: Scalars['Boolean']['input'];
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationChangePlanArgs = {
  planId: Scalars['ID']['input'];
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationChangeTeamRoleArgs = {
  role: Scalars['String']['input'];
  teamId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationClearAssistChatArgs = {
  projectId: Scalars['ID']['input'];
};


export type MutationClearUserLimitArgs = {
  kind: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationCompTierArgs = {
  reason: Scalars['String']['input'];
  subscriberId: Scalars['ID']['input'];
  subscriberKind: Scalars['String']['input'];
  tier?: InputMaybe<Scalars['String']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateFileArgs = {
  content?: InputMaybe<Scalars['String']['input']>;
  path: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
};


export type MutationCreateFolderArgs = {
  path: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
};


export type MutationCreatePaymentLinkArgs = {
  amount: Scalars['Int']['input'];
  description: Scalars['String']['input'];
  subscriberId: Scalars['ID']['input'];
  subscriberKind: Scalars['String']['input'];
};


export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};


export type MutationCreateRoomArgs = {
  input: CreateRoomInput;
};


export type MutationCreateRoomInviteArgs = {
  input: CreateRoomInviteInput;
};


export type MutationCreateTeamArgs = {
  name: Scalars['String']['input'];
};


export type MutationDecideAssistArgs = {
  accept: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


export type MutationDeleteAccountArgs = {
  password: Scalars['String']['input'];
};


export type MutationDeleteDeployEnvVarArgs = {
  key: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
  target: Scalars['String']['input'];
};


export type MutationDeleteDeployTokenArgs = {
  provider: Scalars['String']['input'];
};


export type MutationDeleteLocalAppArgs = {
  projectId: Scalars['ID']['input'];
};


export type MutationDeletePathArgs = {
  path: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
};


export type MutationDeleteProjectArgs = {
  confirmName: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationDeleteProviderKeyArgs = {
  provider: Scalars['String']['input'];
};


export type MutationDeleteRoomArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteRoomMessageArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteTeamArgs = {
  teamId: Scalars['ID']['input'];
};


export type MutationDeleteTeamDeployTokenArgs = {
  provider: Scalars['String']['input'];
  teamId: Scalars['ID']['input'];
};


export type MutationDeleteTeamProviderKeyArgs = {
  provider: Scalars['String']['input'];
  teamId: Scalars['ID']['input'];
};


export type MutationDeployArgs = {
  input: DeployInput;
};


export type MutationDestroySandboxArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEditRoomMessageArgs = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationEndRoomArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationFilesEditedArgs = {
  fileIds: Array<Scalars['ID']['input']>;
  projectId: Scalars['ID']['input'];
};


export type MutationInviteToTeamArgs = {
  role: Scalars['String']['input'];
  teamId: Scalars['ID']['input'];
};


export type MutationJoinRoomArgs = {
  inviteToken?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  roomId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationKickRoomMemberArgs = {
  roomId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationLeaveRoomArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationLeaveTeamArgs = {
  teamId: Scalars['ID']['input'];
};


export type MutationLogInArgs = {
  input: LogInInput;
};


export type MutationMarkNotificationsReadArgs = {
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationMessageAgentArgs = {
  projectId: Scalars['ID']['input'];
  taskKey: Scalars['String']['input'];
  text: Scalars['String']['input'];
};


export type MutationMessageTeamArgs = {
  projectId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationMovePathArgs = {
  from: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
  to: Scalars['String']['input'];
};


export type MutationMuteRoomMemberArgs = {
  minutes: Scalars['Int']['input'];
  roomId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationOpenFileArgs = {
  fileId: Scalars['ID']['input'];
  projectId: Scalars['ID']['input'];
};


export type MutationOpenPreviewArgs = {
  sandboxId: Scalars['ID']['input'];
};


export type MutationPauseRunArgs = {
  projectId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPauseSubscriptionArgs = {
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationRedeployArgs = {
  deploymentId: Scalars['ID']['input'];
  skipTests?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationRefundPaymentArgs = {
  amount?: InputMaybe<Scalars['Int']['input']>;
  paymentId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRemoveTeamMemberArgs = {
  teamId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRenameProjectArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationReopenRoomArgs = {
  roomId: Scalars['ID']['input'];
};


export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  password: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationRestoreFileVersionArgs = {
  versionId: Scalars['ID']['input'];
};


export type MutationRestoreProjectArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResumeRunArgs = {
  projectId: Scalars['ID']['input'];
};


export type MutationResumeSubscriptionArgs = {
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationReviewPlanArgs = {
  approve: Scalars['Boolean']['input'];
  feedback?: InputMaybe<Scalars['String']['input']>;
  projectId: Scalars['ID']['input'];
};


export type MutationRevokeInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeRoomInviteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRollbackDeploymentArgs = {
  deploymentId: Scalars['ID']['input'];
};


export type MutationRunInRoomArgs = {
  roomId: Scalars['ID']['input'];
  script: RoomScript;
};


export type MutationSaveBillingDetailsArgs = {
  input: BillingDetailsInput;
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationSendRoomMessageArgs = {
  input: SendRoomMessageInput;
};


export type MutationSetDeployEnvVarArgs = {
  input: DeployEnvVarInput;
};


export type MutationSetDeployTargetSettingsArgs = {
  input: DeployTargetSettingsInput;
};


export type MutationSetDeployTokenArgs = {
  provider: Scalars['String']['input'];
  scope?: InputMaybe<Scalars['String']['input']>;
  token: Scalars['String']['input'];
};


export type MutationSetProjectModelSettingsArgs = {
  input: ProjectModelSettingsInput;
};


export type MutationSetProviderKeyArgs = {
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  provider: Scalars['String']['input'];
};


export type MutationSetRoomLockedArgs = {
  locked: Scalars['Boolean']['input'];
  roomId: Scalars['ID']['input'];
};


export type MutationSetRoomMemberRoleArgs = {
  role: Scalars['String']['input'];
  roomId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationSetRoomThemeArgs = {
  roomId: Scalars['ID']['input'];
  themeId?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetTeamDeployTokenArgs = {
  provider: Scalars['String']['input'];
  scope?: InputMaybe<Scalars['String']['input']>;
  teamId: Scalars['ID']['input'];
  token: Scalars['String']['input'];
};


export type MutationSetTeamModelBudgetsArgs = {
  input: TeamModelBudgetsInput;
};


export type MutationSetTeamProviderKeyArgs = {
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  provider: Scalars['String']['input'];
  teamId: Scalars['ID']['input'];
};


export type MutationSetTeamRoleModelsArgs = {
  roles: Array<RoleModelInput>;
  teamId: Scalars['ID']['input'];
};


export type MutationSetThemeArgs = {
  themeId: Scalars['ID']['input'];
};


export type MutationSetUserLimitArgs = {
  kind: Scalars['String']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationStartAssistArgs = {
  input: StartAssistInput;
};


export type MutationStartLocalAppArgs = {
  projectId: Scalars['ID']['input'];
};


export type MutationStartProjectSandboxArgs = {
  projectId: Scalars['ID']['input'];
};


export type MutationStartTeamRunArgs = {
  autoApprovePlan?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  projectId: Scalars['ID']['input'];
};


export type MutationStopLocalAppArgs = {
  projectId: Scalars['ID']['input'];
};


export type MutationSubscribeArgs = {
  planId: Scalars['ID']['input'];
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationTransferTeamOwnershipArgs = {
  teamId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationUpdateRoomArgs = {
  id: Scalars['ID']['input'];
  input: UpdateRoomInput;
};


export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};


export type MutationVerifyPaymentArgs = {
  input: VerifyPaymentInput;
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

/** Something for the caller to see: a mention of them in a room's chat. */
export type Notification = {
  __typename?: 'Notification';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  messageId: Maybe<Scalars['ID']['output']>;
  read: Scalars['Boolean']['output'];
  roomId: Maybe<Scalars['ID']['output']>;
  text: Scalars['String']['output'];
};

/**
 * What an agent-team run builds in offline mode (no model configured): one of the built-in blueprints, chosen by
 * keywords of the description.
 */
export type OfflineBuild = {
  __typename?: 'OfflineBuild';
  blueprintId: Scalars['String']['output'];
  blueprintName: Scalars['String']['output'];
  /** False when no blueprint fits the description: the run builds the fallback blueprint, not what was described. */
  matched: Scalars['Boolean']['output'];
  /** One plain sentence to show before the plan is approved and with the result. */
  note: Scalars['String']['output'];
};

/** A file's live document, ready for the editor to load from the project's room. */
export type OpenedFile = {
  __typename?: 'OpenedFile';
  fileId: Scalars['ID']['output'];
  readOnly: Scalars['Boolean']['output'];
  /** Why read-only (viewer, archived, too large, binary). */
  reason: Maybe<Scalars['String']['output']>;
  /** The project's Liveblocks room (project:<id>); the file is the subdocument files[fileId] of its root document. */
  roomId: Scalars['String']['output'];
};

/** A Razorpay payment link for a one-off charge (a team invoice) or a dunning retry. */
export type PaymentLink = {
  __typename?: 'PaymentLink';
  amount: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** created, paid, cancelled or expired. */
  status: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

/** The result of changePlan. */
export type PlanChange = {
  __typename?: 'PlanChange';
  /** An upgrade's proration to pay now through Checkout (null when nothing is due). */
  checkout: Maybe<CheckoutSession>;
  /** When the new plan takes effect (an upgrade: once its proration is paid; a downgrade: the end of the cycle). */
  effectiveAt: Maybe<Scalars['DateTime']['output']>;
  /** upgrade or downgrade. */
  kind: Scalars['String']['output'];
  /** Minor units an upgrade charges now for the rest of the cycle. */
  prorationAmount: Scalars['Int']['output'];
};

/** A link that opens a preview: its origin plus a signed token, bound to the viewer and the sandbox. */
export type PreviewLink = {
  __typename?: 'PreviewLink';
  /** When the token stops working (at most 10 minutes); null for a public project opened without an account. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  url: Scalars['String']['output'];
};

/** An application that a team and its agents build together. */
export type Project = {
  __typename?: 'Project';
  /** Set while the project is archived: read-only (files, builds, sandboxes, its name) until restored. */
  archivedAt: Maybe<Scalars['DateTime']['output']>;
  autoApprovePlan: Scalars['Boolean']['output'];
  /** starter or team. */
  buildMode: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** none, postgresql, mysql, sqlite or mongodb. */
  database: Scalars['String']['output'];
  description: Scalars['String']['output'];
  features: Array<Scalars['String']['output']>;
  file: Maybe<ProjectFile>;
  /** Files sorted by path; content is loaded only when asked for. */
  files: Array<ProjectFile>;
  /** Explicit folders (possibly empty); folders of files follow from the paths. */
  folders: Array<Scalars['String']['output']>;
  /** One of the values listed by the frameworks query (nextjs, react, vue, express, fastapi, django). */
  framework: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  latestRun: Maybe<ProjectRun>;
  /** What the asking user may do here (the server enforces it regardless). */
  myAccess: ProjectAccess;
  name: Scalars['String']['output'];
  owner: User;
  /** Runs, newest first. */
  runs: Array<ProjectRun>;
  status: ProjectStatus;
  /** none, css, scss or tailwind. */
  styling: Scalars['String']['output'];
  /** The owning team; null for a personal project. */
  team: Maybe<Team>;
  updatedAt: Scalars['DateTime']['output'];
  /** private, team or public. */
  visibility: Scalars['String']['output'];
};


/** An application that a team and its agents build together. */
export type ProjectFileArgs = {
  path: Scalars['String']['input'];
};

/** What the asking user may do with a project. */
export type ProjectAccess = {
  __typename?: 'ProjectAccess';
  /** Archive, restore and delete it: the owner of a personal project, the owners and admins of its team. */
  canDelete: Scalars['Boolean']['output'];
  /** Change its files and run it: an editor of a project that is not archived. */
  canEdit: Scalars['Boolean']['output'];
  /** Open its settings and rename it (renaming also needs it not archived). */
  canManage: Scalars['Boolean']['output'];
};

/** A project's deployment overview (its badge): the newest deployment per target. */
export type ProjectDeployments = {
  __typename?: 'ProjectDeployments';
  canConfigure: Scalars['Boolean']['output'];
  /** What the caller may do (the server enforces it regardless). */
  canDeploy: Scalars['Boolean']['output'];
  /** Env vars and secrets (deploy:read; values of secrets never). */
  env: Array<DeployEnvVar>;
  /** Every deployment, newest first (at most `limit`, default 50). */
  history: Array<Deployment>;
  /** The newest deployment of each target that has one. */
  latest: Array<Deployment>;
  targets: Array<DeployTargetSettings>;
};


/** A project's deployment overview (its badge): the newest deployment per target. */
export type ProjectDeploymentsHistoryArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  target?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A progress event of a project's runs, read from a Redis Stream. `id` is the stream id: pass the last
 * one you saw as `after` to resume with nothing missed and nothing repeated.
 */
export type ProjectEvent = {
  __typename?: 'ProjectEvent';
  at: Scalars['DateTime']['output'];
  data: Maybe<Scalars['JSON']['output']>;
  id: Scalars['String']['output'];
  message: Scalars['String']['output'];
  projectId: Scalars['ID']['output'];
  runId: Maybe<Scalars['ID']['output']>;
  /** run.queued, run.started, step.started, step.completed, file.created, run.completed, run.failed */
  type: Scalars['String']['output'];
};

export type ProjectFile = {
  __typename?: 'ProjectFile';
  /** A file that is not UTF-8 text (an upload): downloadable, never opened as text; its content is "". */
  binary: Scalars['Boolean']['output'];
  content: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Monaco language id (typescript, javascript, python, json, markdown, plaintext, ...). */
  language: Scalars['String']['output'];
  path: Scalars['String']['output'];
  /** Size in bytes (of the UTF-8 text, or of a binary file's bytes). */
  size: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type ProjectModelSettings = {
  __typename?: 'ProjectModelSettings';
  budgets: Array<ModelBudget>;
  projectId: Scalars['ID']['output'];
  roles: Array<RoleModelChain>;
  /** The tier whose caps apply: the owner's, or the team owner's for a team project (free, pro, team or enterprise). */
  tier: Scalars['String']['output'];
};

/** Fields left out stay as they are; null clears a budget (the tier's limit then applies). */
export type ProjectModelSettingsInput = {
  costBudgetUsd?: InputMaybe<Scalars['Float']['input']>;
  projectId: Scalars['ID']['input'];
  roles?: InputMaybe<Array<RoleModelInput>>;
  runCostBudgetUsd?: InputMaybe<Scalars['Float']['input']>;
  runTokenBudget?: InputMaybe<Scalars['Int']['input']>;
  tokenBudget?: InputMaybe<Scalars['Float']['input']>;
};

/** One durable build of a project: a Temporal workflow execution. */
export type ProjectRun = {
  __typename?: 'ProjectRun';
  agentMetrics: Array<AgentMetrics>;
  agentTasks: Array<AgentTask>;
  /** The run's agents, one per role that was given a task, in the order they started. */
  agents: Array<AgentInstance>;
  /** Who approved the agent team's plan; null until approved by a person (or approved automatically). */
  approvedBy: Maybe<RunActor>;
  /** Who cancelled the run. */
  cancelledBy: Maybe<RunActor>;
  createdAt: Scalars['DateTime']['output'];
  /** A readable reason when status is FAILED (or CANCELLED); never an internal message. */
  error: Maybe<Scalars['String']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Handoffs between agents, oldest first. */
  handoffs: Array<AgentHandoff>;
  id: Scalars['ID']['output'];
  /** Set when the run's architect is the offline provider: the built-in blueprint it builds instead of the description. */
  offlineBuild: Maybe<OfflineBuild>;
  /** Who paused the run last. */
  pausedBy: Maybe<RunActor>;
  /** The architect's plan: { summary, tasks: [...] }. */
  plan: Maybe<Scalars['JSON']['output']>;
  /** proposed, approved or changes_requested. */
  planStatus: Maybe<Scalars['String']['output']>;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who started the run; null for runs from before this was recorded, or a deleted account. */
  startedBy: Maybe<RunActor>;
  status: RunStatus;
  /** Live team state while the run's workflow is open; null for starter builds and finished runs. */
  team: Maybe<TeamState>;
  /** Agent-team builds: whether the project's own tests passed in the sandbox at the end (null: not run). */
  testsPassed: Maybe<Scalars['Boolean']['output']>;
  workflowId: Scalars['String']['output'];
};

/**
 * Where the project's latest build stands. AWAITING_APPROVAL: the agent team's plan waits for a person;
 * CANCELLED: the latest build was cancelled (not a failure).
 */
export type ProjectStatus =
  | 'AWAITING_APPROVAL'
  | 'BUILDING'
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'READY';

/** One of the caller's own model provider keys, or one of a team's. The key itself is never returned, only a hint. */
export type ProviderKey = {
  __typename?: 'ProviderKey';
  baseUrl: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** First three and last four characters, e.g. sk-…a1b2. */
  hint: Scalars['String']['output'];
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** openai, anthropic, google or openai-compatible. */
  provider: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Platform admins: subscriptions, newest first, optionally of one status. limit 1 to 500, default 100. */
  adminSubscriptions: Array<AdminSubscription>;
  /** What assist can do for the viewer on this project (needs read access). */
  assistCapabilities: AssistCapabilities;
  /** The viewer's chat about a project, oldest first; `before` pages back (limit ≤ 100). */
  assistChat: Array<AssistChatMessage>;
  /** One of the viewer's own assist requests. */
  assistRequest: Maybe<AssistRequest>;
  /** The viewer's latest assist requests on a project, newest first (limit ≤ 50). */
  assistRequests: Array<AssistRequest>;
  /** Newest first. Platform admins only (FORBIDDEN otherwise). limit 1 to 500, default 100. */
  auditEvents: Array<AuditEvent>;
  authState: AuthState;
  /** The caller's billing, or a team's (owners only; FORBIDDEN otherwise). UNAUTHENTICATED when signed out. */
  billing: BillingAccount;
  /** The paid plans, and every tier's limits. */
  billingPlans: Array<BillingPlan>;
  collaboration: Collaboration;
  /** The caller's own deployment provider tokens. */
  deployTokens: Array<DeployToken>;
  deployment: Maybe<Deployment>;
  /**
   * Everything Atelier stores about the caller, as one JSON document (GDPR export). Password hashes and session
   * tokens are never included. Projects: those the caller created and may still read (a team project stays
   * with the team once the caller has left it). usageLogs: every metered model call of the caller; the reply
   * text only for calls whose project the caller may still read.
   */
  exportMyData: Scalars['JSON']['output'];
  /** One version, or null when there is none you may read. */
  fileVersion: Maybe<FileVersion>;
  /** A file's versions, newest first (limit 1 to 200, default 50); needs read access to the project. */
  fileVersions: Array<FileVersion>;
  frameworks: Array<FrameworkOption>;
  /** What an invitation link offers; BAD_USER_INPUT (field token) when invalid, expired or used. */
  invitation: InvitationPreview;
  modelMode: ModelMode;
  /** Tokens and cost by model, role and/or day for a project, a team or a user. FORBIDDEN for others' usage. */
  modelUsage: ModelUsage;
  /** The model catalog with what the caller can use now. */
  models: Array<Model>;
  /** The caller's notifications, newest first. */
  notifications: Array<Notification>;
  project: Maybe<Project>;
  /** A project's deployments, targets and env (deploy:read: the project's collaborators; NOT_FOUND for others). */
  projectDeployments: ProjectDeployments;
  /** Events already recorded for a project, oldest first, after the given stream id. */
  projectEventLog: Array<ProjectEvent>;
  /** A project's role → model chains and budgets. NOT_FOUND when the caller cannot read it. */
  projectModelSettings: ProjectModelSettings;
  /** The project's live sandboxes, newest first; empty when the viewer cannot read the project. */
  projectSandboxes: Array<Sandbox>;
  /** The viewer's projects and the team projects they may read, newest first; archived ones only when asked for. */
  projects: Array<Project>;
  providerKeys: Array<ProviderKey>;
  /** A room the caller may see (ROOM_NOT_FOUND otherwise). */
  room: Room;
  /** What an invite link leads to (ROOM_INVITE_INVALID when unknown, expired, used up or revoked). */
  roomInvite: RoomInvitePreview;
  /** The room's invite links (host and moderators). */
  roomInvites: Array<RoomInvite>;
  /** A page of the room's chat, newest last; `before` is a message id (limit 1 to 100, default 50). */
  roomMessages: RoomMessagePage;
  /** Rooms, newest activity first; archived ones only with includeArchived. */
  rooms: Array<Room>;
  /** The caller's active sessions. UNAUTHENTICATED when signed out. */
  sessions: Array<Session>;
  /** A team the caller belongs to, or null. */
  team: Maybe<Team>;
  /** A team's deployment provider tokens (team owners and admins). */
  teamDeployTokens: Array<DeployToken>;
  /** A team's model budgets and this month's spending (team members). */
  teamModelBudgets: TeamModelBudgets;
  /** A team's own provider keys, used by its projects' runs (team owners and admins; NOT_FOUND for non-members, FORBIDDEN for plain members). */
  teamProviderKeys: Array<ProviderKey>;
  /** Teams the caller belongs to. UNAUTHENTICATED when signed out. */
  teams: Array<Team>;
  /** The system themes anyone may choose, in the picker's order. */
  themes: Array<Theme>;
  tierLimits: Array<TierLimitsView>;
  /** The caller's usage against their tier's limits (and any admin override). UNAUTHENTICATED when signed out. */
  usage: Usage;
  /** The caller: the signed-in user, the built-in local user in single-user mode, or null. */
  viewer: Maybe<User>;
};


export type QueryAdminSubscriptionsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
};


export type QueryAssistCapabilitiesArgs = {
  projectId: Scalars['ID']['input'];
};


export type QueryAssistChatArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


export type QueryAssistRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAssistRequestsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


export type QueryAuditEventsArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  before?: InputMaybe<Scalars['DateTime']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBillingArgs = {
  teamId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryDeploymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFileVersionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFileVersionsArgs = {
  fileId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInvitationArgs = {
  token: Scalars['String']['input'];
};


export type QueryModelUsageArgs = {
  input: ModelUsageInput;
};


export type QueryNotificationsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProjectDeploymentsArgs = {
  projectId: Scalars['ID']['input'];
};


export type QueryProjectEventLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


export type QueryProjectModelSettingsArgs = {
  projectId: Scalars['ID']['input'];
};


export type QueryProjectSandboxesArgs = {
  projectId: Scalars['ID']['input'];
};


export type QueryProjectsArgs = {
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryRoomArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRoomInviteArgs = {
  token: Scalars['String']['input'];
};


export type QueryRoomInvitesArgs = {
  roomId: Scalars['ID']['input'];
};


export type QueryRoomMessagesArgs = {
  before?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  roomId: Scalars['ID']['input'];
};


export type QueryRoomsArgs = {
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  scope: RoomListScope;
};


export type QueryTeamArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTeamDeployTokensArgs = {
  teamId: Scalars['ID']['input'];
};


export type QueryTeamModelBudgetsArgs = {
  teamId: Scalars['ID']['input'];
};


export type QueryTeamProviderKeysArgs = {
  teamId: Scalars['ID']['input'];
};

/** A role's model chain and where it comes from (PROJECT, TEAM, PLATFORM or DEFAULT). */
export type RoleModelChain = {
  __typename?: 'RoleModelChain';
  models: Array<Scalars['String']['output']>;
  role: Scalars['String']['output'];
  source: Scalars['String']['output'];
};

export type RoleModelInput = {
  /** Catalog ids, preferred first; an empty list removes this scope's override. */
  models: Array<Scalars['String']['input']>;
  /** architect, coder, frontend, backend, debugger, reviewer, devops, tester, documentation or optimizer. */
  role: Scalars['String']['input'];
};

/**
 * A coding room: a live session over one project that people join, talk in, code in and run code in together.
 * Its lifecycle is durable: created → active → idle → archived (24 hours without activity, or ended by the host);
 * an archived room keeps its files and chat and can be reopened.
 */
export type Room = {
  __typename?: 'Room';
  archivedAt: Maybe<Scalars['DateTime']['output']>;
  capacity: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  /** Where to follow roomEvents from after loading this room (the newest event's id). */
  eventCursor: Scalars['String']['output'];
  /** Whether joining needs a password. */
  hasPassword: Scalars['Boolean']['output'];
  /** The host, or null while nobody holds it (an archived room). */
  host: Maybe<RoomMember>;
  id: Scalars['ID']['output'];
  lastActivityAt: Scalars['DateTime']['output'];
  locked: Scalars['Boolean']['output'];
  /** The tier's largest capacity for this room's creator: the most the host may set. */
  maxCapacity: Scalars['Int']['output'];
  /** The caller's membership, or null when they are not a member. */
  me: Maybe<RoomMember>;
  /** Members inside now (host first, then by role and arrival); needs to be inside the room. */
  members: Array<RoomMember>;
  name: Scalars['String']['output'];
  /** People inside now. */
  presentCount: Scalars['Int']['output'];
  project: RoomProject;
  /** The room's sandbox, terminal and scripts, for members inside (null without a sandbox backend, or for others). */
  sandbox: Maybe<RoomSandbox>;
  /** created, active, idle or archived. */
  status: Scalars['String']['output'];
  /** The host's theme, followed by everyone who has not opted out; null: each their own. */
  themeId: Maybe<Scalars['String']['output']>;
  /** private (invite links only), team (the project's team) or public (anyone signed in). */
  visibility: Scalars['String']['output'];
};

/** A change in a room, for everyone inside: see contracts/rooms.ts RoomEventType for the types and their data. */
export type RoomEvent = {
  __typename?: 'RoomEvent';
  at: Scalars['DateTime']['output'];
  data: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  roomId: Scalars['ID']['output'];
  type: Scalars['String']['output'];
};

/** An invite link. The token is shown once, when created; only its hash is kept. */
export type RoomInvite = {
  __typename?: 'RoomInvite';
  createdAt: Scalars['DateTime']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** 1: single-use; null: until it expires. */
  maxUses: Maybe<Scalars['Int']['output']>;
  revoked: Scalars['Boolean']['output'];
  /** participant or viewer: the role of whoever joins with it. */
  role: Scalars['String']['output'];
  uses: Scalars['Int']['output'];
};

/** What an invite link leads to, before joining (shown on the join page). */
export type RoomInvitePreview = {
  __typename?: 'RoomInvitePreview';
  expiresAt: Scalars['DateTime']['output'];
  hasPassword: Scalars['Boolean']['output'];
  projectName: Scalars['String']['output'];
  role: Scalars['String']['output'];
  roomId: Scalars['ID']['output'];
  roomName: Scalars['String']['output'];
};

export type RoomListScope =
  /** Rooms I am a member of. */
  | 'MINE'
  /** Public rooms. */
  | 'PUBLIC'
  /** Rooms of my teams' projects with team visibility. */
  | 'TEAM';

export type RoomMember = {
  __typename?: 'RoomMember';
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  joinedAt: Scalars['DateTime']['output'];
  /** Muted in chat until then; null: not muted. */
  mutedUntil: Maybe<Scalars['DateTime']['output']>;
  present: Scalars['Boolean']['output'];
  /** host, moderator, participant or viewer. */
  role: Scalars['String']['output'];
  userId: Scalars['ID']['output'];
};

/** A chat message in a room: a person's, an agent's answer (streamed) or the room's own notice. */
export type RoomMessage = {
  __typename?: 'RoomMessage';
  /** The answering agent's role. */
  agentRole: Maybe<Scalars['String']['output']>;
  /** The person, for user messages. */
  authorId: Maybe<Scalars['ID']['output']>;
  /** user, agent or system. */
  authorKind: Scalars['String']['output'];
  /** A display name, or "The reviewer" for an agent. */
  authorName: Scalars['String']['output'];
  /** The text (blank when deleted). */
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  deleted: Scalars['Boolean']['output'];
  editedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** People mentioned with @name. */
  mentions: Array<Scalars['ID']['output']>;
  /** file:line references found in the text; the client opens the file there. */
  refs: Array<ChatFileRef>;
  /** The message an agent's answer replies to. */
  replyTo: Maybe<Scalars['ID']['output']>;
  roomId: Scalars['ID']['output'];
  snippet: Maybe<ChatSnippet>;
  /** complete, streaming (an agent still writing) or failed. */
  status: Scalars['String']['output'];
};

export type RoomMessagePage = {
  __typename?: 'RoomMessagePage';
  /** Pass as `before` for the previous page; null at the start of the room. */
  before: Maybe<Scalars['String']['output']>;
  /** Oldest first. */
  messages: Array<RoomMessage>;
};

/** The project a room works on, as room members see it (they may not be members of the project itself). */
export type RoomProject = {
  __typename?: 'RoomProject';
  /** Whether the caller may edit the files in this room (participant or above, and the project is not archived). */
  canEdit: Scalars['Boolean']['output'];
  framework: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type RoomSandbox = {
  __typename?: 'RoomSandbox';
  /** Null until the room's sandbox is first needed (the terminal or a Run starts it). */
  id: Maybe<Scalars['ID']['output']>;
  /** The shared preview on the preview origin (open it through openPreview), or null while nothing serves. */
  previewUrl: Maybe<Scalars['String']['output']>;
  /** Whether the project has a Run and a Test script (the buttons are disabled with the reason otherwise). */
  runCommand: Maybe<Scalars['String']['output']>;
  runUnavailableReason: Maybe<Scalars['String']['output']>;
  /** NONE, CREATING or RUNNING. */
  status: Scalars['String']['output'];
  /** The shared terminal's WebSocket path on the app's origin: /rooms/<id>/terminal. */
  terminalPath: Scalars['String']['output'];
  testCommand: Maybe<Scalars['String']['output']>;
  testUnavailableReason: Maybe<Scalars['String']['output']>;
};

export type RoomScript =
  | 'RUN'
  | 'TEST';

/** A person who acted on a run: their id and display name only. */
export type RunActor = {
  __typename?: 'RunActor';
  displayName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
};

export type RunStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

/** A sandbox where a project's code runs (installs, tests, its preview server, a terminal). */
export type Sandbox = {
  __typename?: 'Sandbox';
  /** local or e2b. */
  backend: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastActivityAt: Scalars['DateTime']['output'];
  /** Ports a preview server listens on inside the sandbox. */
  ports: Array<Scalars['Int']['output']>;
  /**
   * The preview's own origin (http://<id>.preview.localhost:4001/, or ATELIER_PREVIEW_ORIGIN), once a preview
   * server runs. A private project's preview needs a link from openPreview first.
   */
  previewUrl: Maybe<Scalars['String']['output']>;
  projectId: Scalars['ID']['output'];
  /** node, python, go or rust. */
  runtime: Scalars['String']['output'];
  /** CREATING, RUNNING or DESTROYED. */
  status: Scalars['String']['output'];
  /** WebSocket path of the terminal (/terminal/<id>); xterm.js protocol, see the API's terminal-socket.ts. */
  terminalPath: Scalars['String']['output'];
};

export type SendRoomMessageInput = {
  /** 1 to 4,000 characters (MESSAGE_TOO_LONG). @name mentions a person; @reviewer, @debugger… asks that agent. */
  body: Scalars['String']['input'];
  /** Makes sending safe to retry: the same key returns the first message. */
  clientKey?: InputMaybe<Scalars['String']['input']>;
  roomId: Scalars['ID']['input'];
  snippet?: InputMaybe<ChatSnippetInput>;
};

/** One signed-in browser or client. */
export type Session = {
  __typename?: 'Session';
  createdAt: Scalars['DateTime']['output'];
  /** The session making this request. */
  current: Scalars['Boolean']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  ip: Maybe<Scalars['String']['output']>;
  lastSeenAt: Scalars['DateTime']['output'];
  userAgent: Maybe<Scalars['String']['output']>;
};

export type SignUpInput = {
  /** 1 to 80 characters. */
  displayName: Scalars['String']['input'];
  /** An email address; stored lowercase. */
  email: Scalars['String']['input'];
  /** 10 to 128 characters. */
  password: Scalars['String']['input'];
};

export type StartAssistInput = {
  /** explain, refactor, fix, tests, docs or new_file. */
  action: Scalars['String']['input'];
  /** fix: the failing test's output, the terminal error or the diagnostic's message. */
  errorOutput?: InputMaybe<Scalars['String']['input']>;
  /** fix: test, terminal or diagnostic. */
  fixSource?: InputMaybe<Scalars['String']['input']>;
  /** refactor: what to change. new_file: what the file should do. Others: an optional note. */
  instruction?: InputMaybe<Scalars['String']['input']>;
  /** The file the action is asked on; for new_file, the file to create. */
  path: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
  /** The selected lines; absent: the whole file (refused when it is too large for the model: select a part). */
  selection?: InputMaybe<AssistSelectionInput>;
  /** tests: where the tests go (default: beside the file, `name.test.ext`). */
  targetPath?: InputMaybe<Scalars['String']['input']>;
  /** fix: the command to run again in the project's sandbox to verify the fix (a failing test's command). */
  testCommand?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  _noop: Maybe<Scalars['Boolean']['output']>;
  /** The events of the viewer's own assist request or chat reply after `after` (all when absent), then live ones; ends after assist.ready or assist.failed. */
  assistStream: AssistStreamEvent;
  /** The caller's new notifications, live. */
  notificationAdded: Notification;
  /** Every event after `after` (or from the beginning), then live events as they happen. */
  projectEvents: ProjectEvent;
  /** The room's live events after `after` (Room.eventCursor); ends when the caller is kicked or leaves. */
  roomEvents: RoomEvent;
};


export type SubscriptionAssistStreamArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type SubscriptionProjectEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  projectId: Scalars['ID']['input'];
};


export type SubscriptionRoomEventsArgs = {
  after: Scalars['String']['input'];
  roomId: Scalars['ID']['input'];
};

/** A group of people who own projects together. Roles: owner (exactly one), admin, member. */
export type Team = {
  __typename?: 'Team';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Pending invitations; empty unless the caller is an owner or admin. */
  invitations: Array<TeamInvitation>;
  members: Array<TeamMember>;
  name: Scalars['String']['output'];
  /** The team's projects the caller may read. */
  projects: Array<Project>;
  /** The caller's role in this team. */
  viewerRole: Scalars['String']['output'];
};

export type TeamInvitation = {
  __typename?: 'TeamInvitation';
  createdAt: Scalars['DateTime']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  invitedBy: User;
  /** admin or member. */
  role: Scalars['String']['output'];
};

export type TeamMember = {
  __typename?: 'TeamMember';
  joinedAt: Scalars['DateTime']['output'];
  /** owner, admin or member; null for anyone outside the team (except platform admins). */
  role: Maybe<Scalars['String']['output']>;
  /** Outsiders (readers of a team's public project) see the display name only. */
  user: User;
};

export type TeamModelBudgets = {
  __typename?: 'TeamModelBudgets';
  monthCostUsdUsed: Scalars['Float']['output'];
  /** What the team's projects spent this calendar month (UTC). */
  monthTokensUsed: Scalars['Float']['output'];
  monthlyCostBudgetUsd: Maybe<Scalars['Float']['output']>;
  monthlyTokenBudget: Maybe<Scalars['Float']['output']>;
  /** The team owner's tier (free, pro, team or enterprise), whose limits cap the budgets above. */
  ownerTier: Scalars['String']['output'];
  runCostBudgetUsd: Maybe<Scalars['Float']['output']>;
  runTokenBudget: Maybe<Scalars['Int']['output']>;
  teamId: Scalars['ID']['output'];
  /** That tier's limits: a team budget above one of them has no effect beyond it. */
  tierCap: TierModelBudget;
};

/**
 * A team's model budgets: per run of one of its projects, and per calendar month (UTC) over all its projects.
 * Null: no budget of the team's own (its owner's tier still caps it). Fields left out stay as they are.
 */
export type TeamModelBudgetsInput = {
  monthlyCostBudgetUsd?: InputMaybe<Scalars['Float']['input']>;
  monthlyTokenBudget?: InputMaybe<Scalars['Float']['input']>;
  runCostBudgetUsd?: InputMaybe<Scalars['Float']['input']>;
  runTokenBudget?: InputMaybe<Scalars['Int']['input']>;
  teamId: Scalars['ID']['input'];
};

/** The coordinator's live state, read from the running workflow. */
export type TeamState = {
  __typename?: 'TeamState';
  filesWritten: Scalars['Int']['output'];
  pausedReason: Maybe<Scalars['String']['output']>;
  /** waiting (for one of the owner's agent-run slots), planning, awaiting_approval, running, paused, verifying, done or failed. */
  phase: Scalars['String']['output'];
  planVersion: Scalars['Int']['output'];
  /** The latest review's verdict (null before any review). */
  reviewApproved: Maybe<Scalars['Boolean']['output']>;
  tasks: Array<TeamTaskState>;
  testsPassed: Maybe<Scalars['Boolean']['output']>;
  /** While waiting: for what, and who holds it. */
  waiting: Maybe<BuildWait>;
};

export type TeamTaskState = {
  __typename?: 'TeamTaskState';
  /** The agent on it: idle, thinking, coding, testing, reviewing or blocked (waiting for answerAgent). */
  agentStatus: Scalars['String']['output'];
  key: Scalars['String']['output'];
  /** The question the agent asked, while blocked. */
  question: Maybe<Scalars['String']['output']>;
  role: Maybe<Scalars['String']['output']>;
  /** pending, running, done, failed or cancelled. */
  status: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** Model turns so far, while running. */
  turns: Maybe<Scalars['Int']['output']>;
};

/**
 * A theme: the app's colours, an editor theme, and optional ambient particles and sound (contracts/themes.ts).
 * The client applies css by setting each property on the document root.
 */
export type Theme = {
  __typename?: 'Theme';
  /** CSS custom property → #rrggbb, e.g. { "--bg": "#1a1b26", "--text": "#c0caf5" }. */
  css: Scalars['JSON']['output'];
  /** A dark page: the client sets color-scheme: dark. */
  dark: Scalars['Boolean']['output'];
  /** A slug, e.g. tokyo-night. */
  id: Scalars['ID']['output'];
  /** Monaco's IStandaloneThemeData: { base, inherit, rules, colors }. */
  monaco: Scalars['JSON']['output'];
  name: Scalars['String']['output'];
  /** Off unless the user turns effects on; never under prefers-reduced-motion. */
  particles: Maybe<ThemeParticles>;
  /** Synthesised in the browser; off unless the user turns effects on. */
  sound: Maybe<ThemeSound>;
};

export type ThemeParticles = {
  __typename?: 'ThemeParticles';
  color: Scalars['String']['output'];
  /** 0–1: the share of the client's particle budget. */
  density: Scalars['Float']['output'];
  /** stars, rain, bubbles, leaves, embers or snow. */
  kind: Scalars['String']['output'];
};

export type ThemeSound = {
  __typename?: 'ThemeSound';
  /** rain, cafe, hum, waves or keys. */
  kind: Scalars['String']['output'];
  /** 0–1. */
  volume: Scalars['Float']['output'];
};

/** A tier a platform admin granted by hand (audited). */
export type TierComp = {
  __typename?: 'TierComp';
  reason: Scalars['String']['output'];
  tier: Scalars['String']['output'];
  /** Null: until revoked. */
  until: Maybe<Scalars['DateTime']['output']>;
};

/** A tier's limits as the plan picker shows them (null: unlimited). */
export type TierLimitsView = {
  __typename?: 'TierLimitsView';
  apps: Maybe<Scalars['Int']['output']>;
  concurrentAgentRuns: Maybe<Scalars['Int']['output']>;
  concurrentRooms: Maybe<Scalars['Int']['output']>;
  label: Scalars['String']['output'];
  maxRoomCapacity: Scalars['Int']['output'];
  messagesPerDay: Maybe<Scalars['Int']['output']>;
  messagesPerHour: Maybe<Scalars['Int']['output']>;
  projects: Maybe<Scalars['Int']['output']>;
  sandboxes: Maybe<Scalars['Int']['output']>;
  tier: Scalars['String']['output'];
};

/** A tier's model limits per run and per calendar month; null: unlimited. */
export type TierModelBudget = {
  __typename?: 'TierModelBudget';
  monthlyCostUsd: Maybe<Scalars['Float']['output']>;
  monthlyTokens: Maybe<Scalars['Float']['output']>;
  runCostUsd: Maybe<Scalars['Float']['output']>;
  runTokens: Maybe<Scalars['Float']['output']>;
};

export type UpdateRoomInput = {
  capacity?: InputMaybe<Scalars['Int']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new password; an empty string removes it. */
  password?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<Scalars['String']['input']>;
};

export type Usage = {
  __typename?: 'Usage';
  meters: Array<UsageMeter>;
  tier: Scalars['String']['output'];
};

/** How much of one limit the caller has used. `limit` null means unlimited. */
export type UsageMeter = {
  __typename?: 'UsageMeter';
  /** messages:hourly, messages:daily, uploads:daily, teams:daily, invitations:hourly, completions:hourly, agent-runs, rooms or projects. */
  kind: Scalars['String']['output'];
  limit: Maybe<Scalars['Int']['output']>;
  /** Percent of the limit used, rounded down; null when unlimited. */
  percent: Maybe<Scalars['Int']['output']>;
  used: Scalars['Int']['output'];
  /** 80 or 90 once usage crosses that share of the limit, else null. */
  warning: Maybe<Scalars['Int']['output']>;
};

/**
 * A person. email, platformRole, tier and emailVerified are null unless the caller is this user, shares a
 * team with them, or is a platform admin: someone reading a public project sees display names only.
 */
export type User = {
  __typename?: 'User';
  displayName: Scalars['String']['output'];
  email: Maybe<Scalars['String']['output']>;
  emailVerified: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['ID']['output'];
  /** user or admin (platform administrator). */
  platformRole: Maybe<Scalars['String']['output']>;
  /** The theme this user chose (a Theme id); null until they choose one, and for anyone but the user themselves. */
  themeId: Maybe<Scalars['ID']['output']>;
  /** free, pro, team or enterprise. */
  tier: Maybe<Scalars['String']['output']>;
};

/** The fields Razorpay Checkout's handler returns; the server checks the signature, never trusts them. */
export type VerifyPaymentInput = {
  /** For an order payment. */
  razorpayOrderId?: InputMaybe<Scalars['String']['input']>;
  razorpayPaymentId: Scalars['String']['input'];
  razorpaySignature: Scalars['String']['input'];
  /** For a subscription payment. */
  razorpaySubscriptionId?: InputMaybe<Scalars['String']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AdminSubscription: ResolverTypeWrapper<AdminSubscription>;
  AgentHandoff: ResolverTypeWrapper<AgentHandoff>;
  AgentInstance: ResolverTypeWrapper<AgentInstance>;
  AgentMetrics: ResolverTypeWrapper<AgentMetrics>;
  AgentTask: ResolverTypeWrapper<AgentTask>;
  AssistAvailability: ResolverTypeWrapper<AssistAvailability>;
  AssistCapabilities: ResolverTypeWrapper<AssistCapabilities>;
  AssistChatMessage: ResolverTypeWrapper<AssistChatMessage>;
  AssistChatTurn: ResolverTypeWrapper<AssistChatTurn>;
  AssistCitation: ResolverTypeWrapper<AssistCitation>;
  AssistRequest: ResolverTypeWrapper<AssistRequest>;
  AssistSelectionInput: AssistSelectionInput;
  AssistStreamEvent: ResolverTypeWrapper<AssistStreamEvent>;
  AssistVerification: ResolverTypeWrapper<AssistVerification>;
  AuditEvent: ResolverTypeWrapper<AuditEventEntity>;
  AuthState: ResolverTypeWrapper<Omit<AuthState, 'viewer'> & { viewer?: Maybe<ResolversTypes['User']> }>;
  BillingAccount: ResolverTypeWrapper<BillingAccountView>;
  BillingCustomer: ResolverTypeWrapper<BillingCustomer>;
  BillingDetailsInput: BillingDetailsInput;
  BillingPlan: ResolverTypeWrapper<BillingPlan>;
  BillingSubscription: ResolverTypeWrapper<BillingSubscription>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BudgetLimitSource: BudgetLimitSource;
  BuildWait: ResolverTypeWrapper<BuildWait>;
  BuildWaitHolder: ResolverTypeWrapper<BuildWaitHolder>;
  ChatFileRef: ResolverTypeWrapper<ChatFileRef>;
  ChatSnippet: ResolverTypeWrapper<ChatSnippet>;
  ChatSnippetInput: ChatSnippetInput;
  CheckoutSession: ResolverTypeWrapper<CheckoutSession>;
  Collaboration: ResolverTypeWrapper<Collaboration>;
  CreateProjectInput: CreateProjectInput;
  CreateRoomInput: CreateRoomInput;
  CreateRoomInviteInput: CreateRoomInviteInput;
  CreatedInvitation: ResolverTypeWrapper<Omit<CreatedInvitation, 'invitation'> & { invitation: ResolversTypes['TeamInvitation'] }>;
  CreatedRoomInvite: ResolverTypeWrapper<Omit<CreatedRoomInvite, 'invite'> & { invite: ResolversTypes['RoomInvite'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeployEnvVar: ResolverTypeWrapper<DeployEnvVar>;
  DeployEnvVarInput: DeployEnvVarInput;
  DeployInput: DeployInput;
  DeployLogLine: ResolverTypeWrapper<DeployLogLineData>;
  DeployTargetSettings: ResolverTypeWrapper<TargetView>;
  DeployTargetSettingsInput: DeployTargetSettingsInput;
  DeployToken: ResolverTypeWrapper<DeployTokenEntity>;
  Deployment: ResolverTypeWrapper<DeploymentEntity>;
  Dunning: ResolverTypeWrapper<Dunning>;
  FileVersion: ResolverTypeWrapper<FileVersionRecord>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FrameworkOption: ResolverTypeWrapper<FrameworkOption>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InvitationPreview: ResolverTypeWrapper<InvitationPreview>;
  Invoice: ResolverTypeWrapper<InvoiceEntity>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LogInInput: LogInInput;
  Model: ResolverTypeWrapper<Model>;
  ModelBudget: ResolverTypeWrapper<ModelBudget>;
  ModelMode: ResolverTypeWrapper<ModelMode>;
  ModelPricing: ResolverTypeWrapper<ModelPricing>;
  ModelUsage: ResolverTypeWrapper<ModelUsage>;
  ModelUsageGroup: ModelUsageGroup;
  ModelUsageInput: ModelUsageInput;
  ModelUsageRow: ResolverTypeWrapper<ModelUsageRow>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Notification: ResolverTypeWrapper<Notification>;
  OfflineBuild: ResolverTypeWrapper<OfflineBuild>;
  OpenedFile: ResolverTypeWrapper<OpenedFile>;
  PaymentLink: ResolverTypeWrapper<PaymentLink>;
  PlanChange: ResolverTypeWrapper<PlanChange>;
  PreviewLink: ResolverTypeWrapper<PreviewLink>;
  Project: ResolverTypeWrapper<ProjectEntity>;
  ProjectAccess: ResolverTypeWrapper<ProjectAccess>;
  ProjectDeployments: ResolverTypeWrapper<ProjectDeploymentsParent>;
  ProjectEvent: ResolverTypeWrapper<ProjectEventRecord>;
  ProjectFile: ResolverTypeWrapper<ProjectFileEntity>;
  ProjectModelSettings: ResolverTypeWrapper<ProjectModelSettings>;
  ProjectModelSettingsInput: ProjectModelSettingsInput;
  ProjectRun: ResolverTypeWrapper<ProjectRunEntity>;
  ProjectStatus: ProjectStatus;
  ProviderKey: ResolverTypeWrapper<ProviderKeyEntity>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RoleModelChain: ResolverTypeWrapper<RoleModelChain>;
  RoleModelInput: RoleModelInput;
  Room: ResolverTypeWrapper<RoomEntity>;
  RoomEvent: ResolverTypeWrapper<RoomEvent>;
  RoomInvite: ResolverTypeWrapper<RoomInviteEntity>;
  RoomInvitePreview: ResolverTypeWrapper<RoomInvitePreview>;
  RoomListScope: RoomListScope;
  RoomMember: ResolverTypeWrapper<RoomMemberEntity>;
  RoomMessage: ResolverTypeWrapper<RoomMessage>;
  RoomMessagePage: ResolverTypeWrapper<RoomMessagePage>;
  RoomProject: ResolverTypeWrapper<RoomProject>;
  RoomSandbox: ResolverTypeWrapper<RoomSandbox>;
  RoomScript: RoomScript;
  RunActor: ResolverTypeWrapper<RunActor>;
  RunStatus: RunStatus;
  Sandbox: ResolverTypeWrapper<Sandbox>;
  SendRoomMessageInput: SendRoomMessageInput;
  Session: ResolverTypeWrapper<Session>;
  SignUpInput: SignUpInput;
  StartAssistInput: StartAssistInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Team: ResolverTypeWrapper<TeamEntity>;
  TeamInvitation: ResolverTypeWrapper<TeamInvitationEntity>;
  TeamMember: ResolverTypeWrapper<Omit<TeamMember, 'user'> & { user: ResolversTypes['User'] }>;
  TeamModelBudgets: ResolverTypeWrapper<TeamModelBudgets>;
  TeamModelBudgetsInput: TeamModelBudgetsInput;
  TeamState: ResolverTypeWrapper<TeamState>;
  TeamTaskState: ResolverTypeWrapper<TeamTaskState>;
  Theme: ResolverTypeWrapper<ThemeData>;
  ThemeParticles: ResolverTypeWrapper<ThemeParticles>;
  ThemeSound: ResolverTypeWrapper<ThemeSound>;
  TierComp: ResolverTypeWrapper<TierComp>;
  TierLimitsView: ResolverTypeWrapper<TierLimitsView>;
  TierModelBudget: ResolverTypeWrapper<TierModelBudget>;
  UpdateRoomInput: UpdateRoomInput;
  Usage: ResolverTypeWrapper<Usage>;
  UsageMeter: ResolverTypeWrapper<UsageMeter>;
  User: ResolverTypeWrapper<UserEntity>;
  VerifyPaymentInput: VerifyPaymentInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdminSubscription: AdminSubscription;
  AgentHandoff: AgentHandoff;
  AgentInstance: AgentInstance;
  AgentMetrics: AgentMetrics;
  AgentTask: AgentTask;
  AssistAvailability: AssistAvailability;
  AssistCapabilities: AssistCapabilities;
  AssistChatMessage: AssistChatMessage;
  AssistChatTurn: AssistChatTurn;
  AssistCitation: AssistCitation;
  AssistRequest: AssistRequest;
  AssistSelectionInput: AssistSelectionInput;
  AssistStreamEvent: AssistStreamEvent;
  AssistVerification: AssistVerification;
  AuditEvent: AuditEventEntity;
  AuthState: Omit<AuthState, 'viewer'> & { viewer?: Maybe<ResolversParentTypes['User']> };
  BillingAccount: BillingAccountView;
  BillingCustomer: BillingCustomer;
  BillingDetailsInput: BillingDetailsInput;
  BillingPlan: BillingPlan;
  BillingSubscription: BillingSubscription;
  Boolean: Scalars['Boolean']['output'];
  BuildWait: BuildWait;
  BuildWaitHolder: BuildWaitHolder;
  ChatFileRef: ChatFileRef;
  ChatSnippet: ChatSnippet;
  ChatSnippetInput: ChatSnippetInput;
  CheckoutSession: CheckoutSession;
  Collaboration: Collaboration;
  CreateProjectInput: CreateProjectInput;
  CreateRoomInput: CreateRoomInput;
  CreateRoomInviteInput: CreateRoomInviteInput;
  CreatedInvitation: Omit<CreatedInvitation, 'invitation'> & { invitation: ResolversParentTypes['TeamInvitation'] };
  CreatedRoomInvite: Omit<CreatedRoomInvite, 'invite'> & { invite: ResolversParentTypes['RoomInvite'] };
  DateTime: Scalars['DateTime']['output'];
  DeployEnvVar: DeployEnvVar;
  DeployEnvVarInput: DeployEnvVarInput;
  DeployInput: DeployInput;
  DeployLogLine: DeployLogLineData;
  DeployTargetSettings: TargetView;
  DeployTargetSettingsInput: DeployTargetSettingsInput;
  DeployToken: DeployTokenEntity;
  Deployment: DeploymentEntity;
  Dunning: Dunning;
  FileVersion: FileVersionRecord;
  Float: Scalars['Float']['output'];
  FrameworkOption: FrameworkOption;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  InvitationPreview: InvitationPreview;
  Invoice: InvoiceEntity;
  JSON: Scalars['JSON']['output'];
  LogInInput: LogInInput;
  Model: Model;
  ModelBudget: ModelBudget;
  ModelMode: ModelMode;
  ModelPricing: ModelPricing;
  ModelUsage: ModelUsage;
  ModelUsageInput: ModelUsageInput;
  ModelUsageRow: ModelUsageRow;
  Mutation: Record<PropertyKey, never>;
  Notification: Notification;
  OfflineBuild: OfflineBuild;
  OpenedFile: OpenedFile;
  PaymentLink: PaymentLink;
  PlanChange: PlanChange;
  PreviewLink: PreviewLink;
  Project: ProjectEntity;
  ProjectAccess: ProjectAccess;
  ProjectDeployments: ProjectDeploymentsParent;
  ProjectEvent: ProjectEventRecord;
  ProjectFile: ProjectFileEntity;
  ProjectModelSettings: ProjectModelSettings;
  ProjectModelSettingsInput: ProjectModelSettingsInput;
  ProjectRun: ProjectRunEntity;
  ProviderKey: ProviderKeyEntity;
  Query: Record<PropertyKey, never>;
  RoleModelChain: RoleModelChain;
  RoleModelInput: RoleModelInput;
  Room: RoomEntity;
  RoomEvent: RoomEvent;
  RoomInvite: RoomInviteEntity;
  RoomInvitePreview: RoomInvitePreview;
  RoomMember: RoomMemberEntity;
  RoomMessage: RoomMessage;
  RoomMessagePage: RoomMessagePage;
  RoomProject: RoomProject;
  RoomSandbox: RoomSandbox;
  RunActor: RunActor;
  Sandbox: Sandbox;
  SendRoomMessageInput: SendRoomMessageInput;
  Session: Session;
  SignUpInput: SignUpInput;
  StartAssistInput: StartAssistInput;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  Team: TeamEntity;
  TeamInvitation: TeamInvitationEntity;
  TeamMember: Omit<TeamMember, 'user'> & { user: ResolversParentTypes['User'] };
  TeamModelBudgets: TeamModelBudgets;
  TeamModelBudgetsInput: TeamModelBudgetsInput;
  TeamState: TeamState;
  TeamTaskState: TeamTaskState;
  Theme: ThemeData;
  ThemeParticles: ThemeParticles;
  ThemeSound: ThemeSound;
  TierComp: TierComp;
  TierLimitsView: TierLimitsView;
  TierModelBudget: TierModelBudget;
  UpdateRoomInput: UpdateRoomInput;
  Usage: Usage;
  UsageMeter: UsageMeter;
  User: UserEntity;
  VerifyPaymentInput: VerifyPaymentInput;
};

export type AdminSubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AdminSubscription'] = ResolversParentTypes['AdminSubscription']> = {
  subscriberId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subscriberKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriberName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['BillingSubscription'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AgentHandoffResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgentHandoff'] = ResolversParentTypes['AgentHandoff']> = {
  context?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromTaskKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toTaskKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AgentInstanceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgentInstance'] = ResolversParentTypes['AgentInstance']> = {
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currentTaskKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstActiveAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AgentTask']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastActiveAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  successRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tasksDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tasksFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timeMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  turns?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AgentMetricsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgentMetrics'] = ResolversParentTypes['AgentMetrics']> = {
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  successRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tasksDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tasksFailed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timeMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  turns?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AgentTaskResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AgentTask'] = ResolversParentTypes['AgentTask']> = {
  acceptanceCriteria?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  dependencies?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  files?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  handoffFrom?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reasoning?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  supporting?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  turns?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AssistAvailabilityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssistAvailability'] = ResolversParentTypes['AssistAvailability']> = {
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  local?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AssistCapabilitiesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssistCapabilities'] = ResolversParentTypes['AssistCapabilities']> = {
  actions?: Resolver<ResolversTypes['AssistAvailability'], ParentType, ContextType>;
  chat?: Resolver<ResolversTypes['AssistAvailability'], ParentType, ContextType>;
  completions?: Resolver<ResolversTypes['AssistAvailability'], ParentType, ContextType>;
};

export type AssistChatMessageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssistChatMessage'] = ResolversParentTypes['AssistChatMessage']> = {
  citations?: Resolver<Array<ResolversTypes['AssistCitation']>, ParentType, ContextType>;
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AssistChatTurnResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssistChatTurn'] = ResolversParentTypes['AssistChatTurn']> = {
  question?: Resolver<ResolversTypes['AssistChatMessage'], ParentType, ContextType>;
  reply?: Resolver<ResolversTypes['AssistChatMessage'], ParentType, ContextType>;
};

export type AssistCitationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssistCitation'] = ResolversParentTypes['AssistCitation']> = {
  endLine?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AssistRequestResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssistRequest'] = ResolversParentTypes['AssistRequest']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  answer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  baseContent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  editTool?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instruction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  proposedContent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  selectionEndLine?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  selectionStartLine?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  verification?: Resolver<Maybe<ResolversTypes['AssistVerification']>, ParentType, ContextType>;
};

export type AssistStreamEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssistStreamEvent'] = ResolversParentTypes['AssistStreamEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AssistVerificationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssistVerification'] = ResolversParentTypes['AssistVerification']> = {
  command?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exitCode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  output?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  passed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  timedOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type AuditEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuthStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuthState'] = ResolversParentTypes['AuthState']> = {
  accountsExist?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  oauthProviders?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  viewer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type BillingAccountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BillingAccount'] = ResolversParentTypes['BillingAccount']> = {
  canManage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  comp?: Resolver<Maybe<ResolversTypes['TierComp']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['BillingCustomer']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  howToEnable?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  invoices?: Resolver<Array<ResolversTypes['Invoice']>, ParentType, ContextType, Partial<BillingAccountInvoicesArgs>>;
  limits?: Resolver<ResolversTypes['TierLimitsView'], ParentType, ContextType>;
  subscriberId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subscriberKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['BillingSubscription']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BillingCustomerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BillingCustomer'] = ResolversParentTypes['BillingCustomer']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gstin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stateCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BillingPlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BillingPlan'] = ResolversParentTypes['BillingPlan']> = {
  blurb?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priceInr?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  priceUsd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BillingSubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BillingSubscription'] = ResolversParentTypes['BillingSubscription']> = {
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cancelAtCycleEnd?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  chargeAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentEnd?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  currentStart?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dunning?: Resolver<Maybe<ResolversTypes['Dunning']>, ParentType, ContextType>;
  grantsTier?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  manageUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scheduledPlanId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BuildWaitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BuildWait'] = ResolversParentTypes['BuildWait']> = {
  hiddenHolders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  holders?: Resolver<Array<ResolversTypes['BuildWaitHolder']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  limit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  used?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BuildWaitHolderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BuildWaitHolder'] = ResolversParentTypes['BuildWaitHolder']> = {
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ChatFileRefResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChatFileRef'] = ResolversParentTypes['ChatFileRef']> = {
  line?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChatSnippetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChatSnippet'] = ResolversParentTypes['ChatSnippet']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CheckoutSessionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CheckoutSession'] = ResolversParentTypes['CheckoutSession']> = {
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkoutUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  prefillEmail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefillName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscriptionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CollaborationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Collaboration'] = ResolversParentTypes['Collaboration']> = {
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  proxied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  throttleMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CreatedInvitationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedInvitation'] = ResolversParentTypes['CreatedInvitation']> = {
  invitation?: Resolver<ResolversTypes['TeamInvitation'], ParentType, ContextType>;
  link?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CreatedRoomInviteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedRoomInvite'] = ResolversParentTypes['CreatedRoomInvite']> = {
  invite?: Resolver<ResolversTypes['RoomInvite'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeployEnvVarResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeployEnvVar'] = ResolversParentTypes['DeployEnvVar']> = {
  hint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeployLogLineResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeployLogLine'] = ResolversParentTypes['DeployLogLine']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DeployTargetSettingsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeployTargetSettings'] = ResolversParentTypes['DeployTargetSettings']> = {
  allowAgentDeploys?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  appState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  liveDeployment?: Resolver<Maybe<ResolversTypes['Deployment']>, ParentType, ContextType>;
  missingTokens?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  ready?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DeployTokenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeployToken'] = ResolversParentTypes['DeployToken']> = {
  account?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  hint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scope?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeploymentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Deployment'] = ResolversParentTypes['Deployment']> = {
  artifactBytes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  canRollback?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fileCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isLive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  liveAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  logCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  logs?: Resolver<Array<ResolversTypes['DeployLogLine']>, ParentType, ContextType, Partial<DeploymentLogsArgs>>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  skipTests?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sourceDeploymentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DunningResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dunning'] = ResolversParentTypes['Dunning']> = {
  amountDue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  downgraded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nextRetryAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  payUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type FileVersionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FileVersion'] = ResolversParentTypes['FileVersion']> = {
  authorKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  authorName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  binary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  content?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fileId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FrameworkOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FrameworkOption'] = ResolversParentTypes['FrameworkOption']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scaffolded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type InvitationPreviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InvitationPreview'] = ResolversParentTypes['InvitationPreview']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  invitedByName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  teamName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice']> = {
  cgst?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  igst?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pdfUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  placeOfSupply?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sgst?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  taxKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxableValue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type ModelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Model'] = ResolversParentTypes['Model']> = {
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  circuit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  circuitRetryAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contextWindow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  functionCalling?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keySource?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  maxOutputTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  offline?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pricing?: Resolver<ResolversTypes['ModelPricing'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reasoning?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  streaming?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unavailableReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vendorModel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  vision?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ModelBudgetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelBudget'] = ResolversParentTypes['ModelBudget']> = {
  costUsdLimit?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  costUsdLimitSource?: Resolver<Maybe<ResolversTypes['BudgetLimitSource']>, ParentType, ContextType>;
  costUsdUsed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  effectiveCostUsdLimit?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  effectiveTokenLimit?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenLimit?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tokenLimitSource?: Resolver<Maybe<ResolversTypes['BudgetLimitSource']>, ParentType, ContextType>;
  tokensUsed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ModelModeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelMode'] = ResolversParentTypes['ModelMode']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  offline?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ModelPricingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelPricing'] = ResolversParentTypes['ModelPricing']> = {
  inputPer1kInr?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  inputPer1kUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  outputPer1kInr?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  outputPer1kUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ModelUsageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelUsage'] = ResolversParentTypes['ModelUsage']> = {
  rows?: Resolver<Array<ResolversTypes['ModelUsageRow']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['ModelUsageRow'], ParentType, ContextType>;
};

export type ModelUsageRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ModelUsageRow'] = ResolversParentTypes['ModelUsageRow']> = {
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completionTokens?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  costInr?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  day?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  _noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  acceptInvitation?: Resolver<ResolversTypes['Team'], ParentType, ContextType, RequireFields<MutationAcceptInvitationArgs, 'token'>>;
  answerAgent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationAnswerAgentArgs, 'answer' | 'projectId' | 'taskKey'>>;
  archiveProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationArchiveProjectArgs, 'id'>>;
  askAssist?: Resolver<ResolversTypes['AssistChatTurn'], ParentType, ContextType, RequireFields<MutationAskAssistArgs, 'message' | 'projectId'>>;
  cancelAssist?: Resolver<ResolversTypes['AssistRequest'], ParentType, ContextType, RequireFields<MutationCancelAssistArgs, 'id'>>;
  cancelDeployment?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationCancelDeploymentArgs, 'deploymentId'>>;
  cancelRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationCancelRunArgs, 'projectId'>>;
  cancelSubscription?: Resolver<ResolversTypes['BillingAccount'], ParentType, ContextType, RequireFields<MutationCancelSubscriptionArgs, 'atCycleEnd'>>;
  changePlan?: Resolver<ResolversTypes['PlanChange'], ParentType, ContextType, RequireFields<MutationChangePlanArgs, 'planId'>>;
  changeTeamRole?: Resolver<ResolversTypes['TeamMember'], ParentType, ContextType, RequireFields<MutationChangeTeamRoleArgs, 'role' | 'teamId' | 'userId'>>;
  clearAssistChat?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationClearAssistChatArgs, 'projectId'>>;
  clearUserLimit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationClearUserLimitArgs, 'kind' | 'reason' | 'userId'>>;
  compTier?: Resolver<Maybe<ResolversTypes['TierComp']>, ParentType, ContextType, RequireFields<MutationCompTierArgs, 'reason' | 'subscriberId' | 'subscriberKind'>>;
  createFile?: Resolver<ResolversTypes['ProjectFile'], ParentType, ContextType, RequireFields<MutationCreateFileArgs, 'path' | 'projectId'>>;
  createFolder?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<MutationCreateFolderArgs, 'path' | 'projectId'>>;
  createPaymentLink?: Resolver<ResolversTypes['PaymentLink'], ParentType, ContextType, RequireFields<MutationCreatePaymentLinkArgs, 'amount' | 'description' | 'subscriberId' | 'subscriberKind'>>;
  createProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationCreateProjectArgs, 'input'>>;
  createRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationCreateRoomArgs, 'input'>>;
  createRoomInvite?: Resolver<ResolversTypes['CreatedRoomInvite'], ParentType, ContextType, RequireFields<MutationCreateRoomInviteArgs, 'input'>>;
  createTeam?: Resolver<ResolversTypes['Team'], ParentType, ContextType, RequireFields<MutationCreateTeamArgs, 'name'>>;
  decideAssist?: Resolver<ResolversTypes['AssistRequest'], ParentType, ContextType, RequireFields<MutationDecideAssistArgs, 'accept' | 'id'>>;
  deleteAccount?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteAccountArgs, 'password'>>;
  deleteDeployEnvVar?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteDeployEnvVarArgs, 'key' | 'projectId' | 'target'>>;
  deleteDeployToken?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteDeployTokenArgs, 'provider'>>;
  deleteLocalApp?: Resolver<ResolversTypes['DeployTargetSettings'], ParentType, ContextType, RequireFields<MutationDeleteLocalAppArgs, 'projectId'>>;
  deletePath?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationDeletePathArgs, 'path' | 'projectId'>>;
  deleteProject?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteProjectArgs, 'confirmName' | 'id'>>;
  deleteProviderKey?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteProviderKeyArgs, 'provider'>>;
  deleteRoom?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteRoomArgs, 'id'>>;
  deleteRoomMessage?: Resolver<ResolversTypes['RoomMessage'], ParentType, ContextType, RequireFields<MutationDeleteRoomMessageArgs, 'id'>>;
  deleteTeam?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteTeamArgs, 'teamId'>>;
  deleteTeamDeployToken?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteTeamDeployTokenArgs, 'provider' | 'teamId'>>;
  deleteTeamProviderKey?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteTeamProviderKeyArgs, 'provider' | 'teamId'>>;
  deploy?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationDeployArgs, 'input'>>;
  destroySandbox?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDestroySandboxArgs, 'id'>>;
  editRoomMessage?: Resolver<ResolversTypes['RoomMessage'], ParentType, ContextType, RequireFields<MutationEditRoomMessageArgs, 'body' | 'id'>>;
  endRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationEndRoomArgs, 'roomId'>>;
  filesEdited?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationFilesEditedArgs, 'fileIds' | 'projectId'>>;
  inviteToTeam?: Resolver<ResolversTypes['CreatedInvitation'], ParentType, ContextType, RequireFields<MutationInviteToTeamArgs, 'role' | 'teamId'>>;
  joinRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, Partial<MutationJoinRoomArgs>>;
  kickRoomMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationKickRoomMemberArgs, 'roomId' | 'userId'>>;
  leaveRoom?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLeaveRoomArgs, 'roomId'>>;
  leaveTeam?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLeaveTeamArgs, 'teamId'>>;
  logIn?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationLogInArgs, 'input'>>;
  logOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  logOutEverywhere?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  markNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, Partial<MutationMarkNotificationsReadArgs>>;
  messageAgent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationMessageAgentArgs, 'projectId' | 'taskKey' | 'text'>>;
  messageTeam?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMessageTeamArgs, 'projectId' | 'text'>>;
  movePath?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<MutationMovePathArgs, 'from' | 'projectId' | 'to'>>;
  muteRoomMember?: Resolver<ResolversTypes['RoomMember'], ParentType, ContextType, RequireFields<MutationMuteRoomMemberArgs, 'minutes' | 'roomId' | 'userId'>>;
  openFile?: Resolver<ResolversTypes['OpenedFile'], ParentType, ContextType, RequireFields<MutationOpenFileArgs, 'fileId' | 'projectId'>>;
  openPreview?: Resolver<ResolversTypes['PreviewLink'], ParentType, ContextType, RequireFields<MutationOpenPreviewArgs, 'sandboxId'>>;
  pauseRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationPauseRunArgs, 'projectId'>>;
  pauseSubscription?: Resolver<ResolversTypes['BillingAccount'], ParentType, ContextType, Partial<MutationPauseSubscriptionArgs>>;
  redeploy?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationRedeployArgs, 'deploymentId'>>;
  refundPayment?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRefundPaymentArgs, 'paymentId' | 'reason'>>;
  removeTeamMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveTeamMemberArgs, 'teamId' | 'userId'>>;
  renameProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationRenameProjectArgs, 'id' | 'name'>>;
  reopenRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationReopenRoomArgs, 'roomId'>>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resendVerificationEmail?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'password' | 'token'>>;
  restoreFileVersion?: Resolver<ResolversTypes['ProjectFile'], ParentType, ContextType, RequireFields<MutationRestoreFileVersionArgs, 'versionId'>>;
  restoreProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationRestoreProjectArgs, 'id'>>;
  resumeRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResumeRunArgs, 'projectId'>>;
  resumeSubscription?: Resolver<ResolversTypes['BillingAccount'], ParentType, ContextType, Partial<MutationResumeSubscriptionArgs>>;
  reviewPlan?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReviewPlanArgs, 'approve' | 'projectId'>>;
  revokeInvitation?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeInvitationArgs, 'id'>>;
  revokeRoomInvite?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeRoomInviteArgs, 'id'>>;
  revokeSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeSessionArgs, 'id'>>;
  rollbackDeployment?: Resolver<ResolversTypes['Deployment'], ParentType, ContextType, RequireFields<MutationRollbackDeploymentArgs, 'deploymentId'>>;
  rotateProviderKeys?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  runInRoom?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRunInRoomArgs, 'roomId' | 'script'>>;
  saveBillingDetails?: Resolver<ResolversTypes['BillingCustomer'], ParentType, ContextType, RequireFields<MutationSaveBillingDetailsArgs, 'input'>>;
  sendRoomMessage?: Resolver<ResolversTypes['RoomMessage'], ParentType, ContextType, RequireFields<MutationSendRoomMessageArgs, 'input'>>;
  setDeployEnvVar?: Resolver<ResolversTypes['DeployEnvVar'], ParentType, ContextType, RequireFields<MutationSetDeployEnvVarArgs, 'input'>>;
  setDeployTargetSettings?: Resolver<ResolversTypes['DeployTargetSettings'], ParentType, ContextType, RequireFields<MutationSetDeployTargetSettingsArgs, 'input'>>;
  setDeployToken?: Resolver<ResolversTypes['DeployToken'], ParentType, ContextType, RequireFields<MutationSetDeployTokenArgs, 'provider' | 'token'>>;
  setProjectModelSettings?: Resolver<ResolversTypes['ProjectModelSettings'], ParentType, ContextType, RequireFields<MutationSetProjectModelSettingsArgs, 'input'>>;
  setProviderKey?: Resolver<ResolversTypes['ProviderKey'], ParentType, ContextType, RequireFields<MutationSetProviderKeyArgs, 'key' | 'provider'>>;
  setRoomLocked?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationSetRoomLockedArgs, 'locked' | 'roomId'>>;
  setRoomMemberRole?: Resolver<ResolversTypes['RoomMember'], ParentType, ContextType, RequireFields<MutationSetRoomMemberRoleArgs, 'role' | 'roomId' | 'userId'>>;
  setRoomTheme?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationSetRoomThemeArgs, 'roomId'>>;
  setTeamDeployToken?: Resolver<ResolversTypes['DeployToken'], ParentType, ContextType, RequireFields<MutationSetTeamDeployTokenArgs, 'provider' | 'teamId' | 'token'>>;
  setTeamModelBudgets?: Resolver<ResolversTypes['TeamModelBudgets'], ParentType, ContextType, RequireFields<MutationSetTeamModelBudgetsArgs, 'input'>>;
  setTeamProviderKey?: Resolver<ResolversTypes['ProviderKey'], ParentType, ContextType, RequireFields<MutationSetTeamProviderKeyArgs, 'key' | 'provider' | 'teamId'>>;
  setTeamRoleModels?: Resolver<Array<ResolversTypes['RoleModelChain']>, ParentType, ContextType, RequireFields<MutationSetTeamRoleModelsArgs, 'roles' | 'teamId'>>;
  setTheme?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSetThemeArgs, 'themeId'>>;
  setUserLimit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSetUserLimitArgs, 'kind' | 'reason' | 'userId'>>;
  signUp?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
  startAssist?: Resolver<ResolversTypes['AssistRequest'], ParentType, ContextType, RequireFields<MutationStartAssistArgs, 'input'>>;
  startLocalApp?: Resolver<ResolversTypes['DeployTargetSettings'], ParentType, ContextType, RequireFields<MutationStartLocalAppArgs, 'projectId'>>;
  startProjectSandbox?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<MutationStartProjectSandboxArgs, 'projectId'>>;
  startTeamRun?: Resolver<ResolversTypes['ProjectRun'], ParentType, ContextType, RequireFields<MutationStartTeamRunArgs, 'projectId'>>;
  stopLocalApp?: Resolver<ResolversTypes['DeployTargetSettings'], ParentType, ContextType, RequireFields<MutationStopLocalAppArgs, 'projectId'>>;
  subscribe?: Resolver<ResolversTypes['CheckoutSession'], ParentType, ContextType, RequireFields<MutationSubscribeArgs, 'planId'>>;
  transferTeamOwnership?: Resolver<ResolversTypes['Team'], ParentType, ContextType, RequireFields<MutationTransferTeamOwnershipArgs, 'teamId' | 'userId'>>;
  updateRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationUpdateRoomArgs, 'id' | 'input'>>;
  verifyEmail?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationVerifyEmailArgs, 'token'>>;
  verifyPayment?: Resolver<ResolversTypes['BillingAccount'], ParentType, ContextType, RequireFields<MutationVerifyPaymentArgs, 'input'>>;
};

export type NotificationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  messageId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  read?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  roomId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OfflineBuildResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OfflineBuild'] = ResolversParentTypes['OfflineBuild']> = {
  blueprintId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  blueprintName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matched?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  note?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OpenedFileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OpenedFile'] = ResolversParentTypes['OpenedFile']> = {
  fileId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  readOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PaymentLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PaymentLink'] = ResolversParentTypes['PaymentLink']> = {
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PlanChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanChange'] = ResolversParentTypes['PlanChange']> = {
  checkout?: Resolver<Maybe<ResolversTypes['CheckoutSession']>, ParentType, ContextType>;
  effectiveAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prorationAmount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PreviewLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PreviewLink'] = ResolversParentTypes['PreviewLink']> = {
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  archivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  autoApprovePlan?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  buildMode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  database?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  file?: Resolver<Maybe<ResolversTypes['ProjectFile']>, ParentType, ContextType, RequireFields<ProjectFileArgs, 'path'>>;
  files?: Resolver<Array<ResolversTypes['ProjectFile']>, ParentType, ContextType>;
  folders?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  framework?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latestRun?: Resolver<Maybe<ResolversTypes['ProjectRun']>, ParentType, ContextType>;
  myAccess?: Resolver<ResolversTypes['ProjectAccess'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes['ProjectRun']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProjectStatus'], ParentType, ContextType>;
  styling?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectAccessResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectAccess'] = ResolversParentTypes['ProjectAccess']> = {
  canDelete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canEdit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canManage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProjectDeploymentsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectDeployments'] = ResolversParentTypes['ProjectDeployments']> = {
  canConfigure?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canDeploy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  env?: Resolver<Array<ResolversTypes['DeployEnvVar']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['Deployment']>, ParentType, ContextType, Partial<ProjectDeploymentsHistoryArgs>>;
  latest?: Resolver<Array<ResolversTypes['Deployment']>, ParentType, ContextType>;
  targets?: Resolver<Array<ResolversTypes['DeployTargetSettings']>, ParentType, ContextType>;
};

export type ProjectEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectEvent'] = ResolversParentTypes['ProjectEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  runId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectFileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectFile'] = ResolversParentTypes['ProjectFile']> = {
  binary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ProjectModelSettingsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectModelSettings'] = ResolversParentTypes['ProjectModelSettings']> = {
  budgets?: Resolver<Array<ResolversTypes['ModelBudget']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['RoleModelChain']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProjectRunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectRun'] = ResolversParentTypes['ProjectRun']> = {
  agentMetrics?: Resolver<Array<ResolversTypes['AgentMetrics']>, ParentType, ContextType>;
  agentTasks?: Resolver<Array<ResolversTypes['AgentTask']>, ParentType, ContextType>;
  agents?: Resolver<Array<ResolversTypes['AgentInstance']>, ParentType, ContextType>;
  approvedBy?: Resolver<Maybe<ResolversTypes['RunActor']>, ParentType, ContextType>;
  cancelledBy?: Resolver<Maybe<ResolversTypes['RunActor']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  handoffs?: Resolver<Array<ResolversTypes['AgentHandoff']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  offlineBuild?: Resolver<Maybe<ResolversTypes['OfflineBuild']>, ParentType, ContextType>;
  pausedBy?: Resolver<Maybe<ResolversTypes['RunActor']>, ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  planStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  startedBy?: Resolver<Maybe<ResolversTypes['RunActor']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['TeamState']>, ParentType, ContextType>;
  testsPassed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  workflowId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ProviderKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProviderKey'] = ResolversParentTypes['ProviderKey']> = {
  baseUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  hint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  adminSubscriptions?: Resolver<Array<ResolversTypes['AdminSubscription']>, ParentType, ContextType, Partial<QueryAdminSubscriptionsArgs>>;
  assistCapabilities?: Resolver<ResolversTypes['AssistCapabilities'], ParentType, ContextType, RequireFields<QueryAssistCapabilitiesArgs, 'projectId'>>;
  assistChat?: Resolver<Array<ResolversTypes['AssistChatMessage']>, ParentType, ContextType, RequireFields<QueryAssistChatArgs, 'projectId'>>;
  assistRequest?: Resolver<Maybe<ResolversTypes['AssistRequest']>, ParentType, ContextType, RequireFields<QueryAssistRequestArgs, 'id'>>;
  assistRequests?: Resolver<Array<ResolversTypes['AssistRequest']>, ParentType, ContextType, RequireFields<QueryAssistRequestsArgs, 'projectId'>>;
  auditEvents?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType, Partial<QueryAuditEventsArgs>>;
  authState?: Resolver<ResolversTypes['AuthState'], ParentType, ContextType>;
  billing?: Resolver<ResolversTypes['BillingAccount'], ParentType, ContextType, Partial<QueryBillingArgs>>;
  billingPlans?: Resolver<Array<ResolversTypes['BillingPlan']>, ParentType, ContextType>;
  collaboration?: Resolver<ResolversTypes['Collaboration'], ParentType, ContextType>;
  deployTokens?: Resolver<Array<ResolversTypes['DeployToken']>, ParentType, ContextType>;
  deployment?: Resolver<Maybe<ResolversTypes['Deployment']>, ParentType, ContextType, RequireFields<QueryDeploymentArgs, 'id'>>;
  exportMyData?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  fileVersion?: Resolver<Maybe<ResolversTypes['FileVersion']>, ParentType, ContextType, RequireFields<QueryFileVersionArgs, 'id'>>;
  fileVersions?: Resolver<Array<ResolversTypes['FileVersion']>, ParentType, ContextType, RequireFields<QueryFileVersionsArgs, 'fileId'>>;
  frameworks?: Resolver<Array<ResolversTypes['FrameworkOption']>, ParentType, ContextType>;
  invitation?: Resolver<ResolversTypes['InvitationPreview'], ParentType, ContextType, RequireFields<QueryInvitationArgs, 'token'>>;
  modelMode?: Resolver<ResolversTypes['ModelMode'], ParentType, ContextType>;
  modelUsage?: Resolver<ResolversTypes['ModelUsage'], ParentType, ContextType, RequireFields<QueryModelUsageArgs, 'input'>>;
  models?: Resolver<Array<ResolversTypes['Model']>, ParentType, ContextType>;
  notifications?: Resolver<Array<ResolversTypes['Notification']>, ParentType, ContextType, Partial<QueryNotificationsArgs>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'id'>>;
  projectDeployments?: Resolver<ResolversTypes['ProjectDeployments'], ParentType, ContextType, RequireFields<QueryProjectDeploymentsArgs, 'projectId'>>;
  projectEventLog?: Resolver<Array<ResolversTypes['ProjectEvent']>, ParentType, ContextType, RequireFields<QueryProjectEventLogArgs, 'projectId'>>;
  projectModelSettings?: Resolver<ResolversTypes['ProjectModelSettings'], ParentType, ContextType, RequireFields<QueryProjectModelSettingsArgs, 'projectId'>>;
  projectSandboxes?: Resolver<Array<ResolversTypes['Sandbox']>, ParentType, ContextType, RequireFields<QueryProjectSandboxesArgs, 'projectId'>>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType, Partial<QueryProjectsArgs>>;
  providerKeys?: Resolver<Array<ResolversTypes['ProviderKey']>, ParentType, ContextType>;
  room?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<QueryRoomArgs, 'id'>>;
  roomInvite?: Resolver<ResolversTypes['RoomInvitePreview'], ParentType, ContextType, RequireFields<QueryRoomInviteArgs, 'token'>>;
  roomInvites?: Resolver<Array<ResolversTypes['RoomInvite']>, ParentType, ContextType, RequireFields<QueryRoomInvitesArgs, 'roomId'>>;
  roomMessages?: Resolver<ResolversTypes['RoomMessagePage'], ParentType, ContextType, RequireFields<QueryRoomMessagesArgs, 'roomId'>>;
  rooms?: Resolver<Array<ResolversTypes['Room']>, ParentType, ContextType, RequireFields<QueryRoomsArgs, 'scope'>>;
  sessions?: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType, RequireFields<QueryTeamArgs, 'id'>>;
  teamDeployTokens?: Resolver<Array<ResolversTypes['DeployToken']>, ParentType, ContextType, RequireFields<QueryTeamDeployTokensArgs, 'teamId'>>;
  teamModelBudgets?: Resolver<ResolversTypes['TeamModelBudgets'], ParentType, ContextType, RequireFields<QueryTeamModelBudgetsArgs, 'teamId'>>;
  teamProviderKeys?: Resolver<Array<ResolversTypes['ProviderKey']>, ParentType, ContextType, RequireFields<QueryTeamProviderKeysArgs, 'teamId'>>;
  teams?: Resolver<Array<ResolversTypes['Team']>, ParentType, ContextType>;
  themes?: Resolver<Array<ResolversTypes['Theme']>, ParentType, ContextType>;
  tierLimits?: Resolver<Array<ResolversTypes['TierLimitsView']>, ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['Usage'], ParentType, ContextType>;
  viewer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type RoleModelChainResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoleModelChain'] = ResolversParentTypes['RoleModelChain']> = {
  models?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RoomResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Room'] = ResolversParentTypes['Room']> = {
  archivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventCursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hasPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  host?: Resolver<Maybe<ResolversTypes['RoomMember']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastActivityAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  locked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxCapacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['RoomMember']>, ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['RoomMember']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  presentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['RoomProject'], ParentType, ContextType>;
  sandbox?: Resolver<Maybe<ResolversTypes['RoomSandbox']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  themeId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RoomEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomEvent'] = ResolversParentTypes['RoomEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RoomInviteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomInvite'] = ResolversParentTypes['RoomInvite']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxUses?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  revoked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RoomInvitePreviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomInvitePreview'] = ResolversParentTypes['RoomInvitePreview']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  hasPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  projectName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  roomName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RoomMemberResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomMember'] = ResolversParentTypes['RoomMember']> = {
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  mutedUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  present?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type RoomMessageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomMessage'] = ResolversParentTypes['RoomMessage']> = {
  agentRole?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  authorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  authorKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  authorName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  editedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  refs?: Resolver<Array<ResolversTypes['ChatFileRef']>, ParentType, ContextType>;
  replyTo?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  snippet?: Resolver<Maybe<ResolversTypes['ChatSnippet']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RoomMessagePageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomMessagePage'] = ResolversParentTypes['RoomMessagePage']> = {
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['RoomMessage']>, ParentType, ContextType>;
};

export type RoomProjectResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomProject'] = ResolversParentTypes['RoomProject']> = {
  canEdit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  framework?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RoomSandboxResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomSandbox'] = ResolversParentTypes['RoomSandbox']> = {
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  previewUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  runCommand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  runUnavailableReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  terminalPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  testCommand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  testUnavailableReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RunActorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RunActor'] = ResolversParentTypes['RunActor']> = {
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SandboxResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Sandbox'] = ResolversParentTypes['Sandbox']> = {
  backend?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastActivityAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ports?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  previewUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  runtime?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  terminalPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SessionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  _noop?: SubscriptionResolver<Maybe<ResolversTypes['Boolean']>, "_noop", ParentType, ContextType>;
  assistStream?: SubscriptionResolver<ResolversTypes['AssistStreamEvent'], "assistStream", ParentType, ContextType, RequireFields<SubscriptionAssistStreamArgs, 'id'>>;
  notificationAdded?: SubscriptionResolver<ResolversTypes['Notification'], "notificationAdded", ParentType, ContextType>;
  projectEvents?: SubscriptionResolver<ResolversTypes['ProjectEvent'], "projectEvents", ParentType, ContextType, RequireFields<SubscriptionProjectEventsArgs, 'projectId'>>;
  roomEvents?: SubscriptionResolver<ResolversTypes['RoomEvent'], "roomEvents", ParentType, ContextType, RequireFields<SubscriptionRoomEventsArgs, 'after' | 'roomId'>>;
};

export type TeamResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Team'] = ResolversParentTypes['Team']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitations?: Resolver<Array<ResolversTypes['TeamInvitation']>, ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['TeamMember']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  viewerRole?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TeamInvitationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TeamInvitation'] = ResolversParentTypes['TeamInvitation']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitedBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TeamMemberResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TeamMember'] = ResolversParentTypes['TeamMember']> = {
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type TeamModelBudgetsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TeamModelBudgets'] = ResolversParentTypes['TeamModelBudgets']> = {
  monthCostUsdUsed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  monthTokensUsed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  monthlyCostBudgetUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  monthlyTokenBudget?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ownerTier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runCostBudgetUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  runTokenBudget?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  teamId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tierCap?: Resolver<ResolversTypes['TierModelBudget'], ParentType, ContextType>;
};

export type TeamStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TeamState'] = ResolversParentTypes['TeamState']> = {
  filesWritten?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pausedReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  planVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviewApproved?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  tasks?: Resolver<Array<ResolversTypes['TeamTaskState']>, ParentType, ContextType>;
  testsPassed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  waiting?: Resolver<Maybe<ResolversTypes['BuildWait']>, ParentType, ContextType>;
};

export type TeamTaskStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TeamTaskState'] = ResolversParentTypes['TeamTaskState']> = {
  agentStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  question?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  turns?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ThemeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Theme'] = ResolversParentTypes['Theme']> = {
  css?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  dark?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  monaco?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  particles?: Resolver<Maybe<ResolversTypes['ThemeParticles']>, ParentType, ContextType>;
  sound?: Resolver<Maybe<ResolversTypes['ThemeSound']>, ParentType, ContextType>;
};

export type ThemeParticlesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ThemeParticles'] = ResolversParentTypes['ThemeParticles']> = {
  color?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  density?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ThemeSoundResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ThemeSound'] = ResolversParentTypes['ThemeSound']> = {
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type TierCompResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TierComp'] = ResolversParentTypes['TierComp']> = {
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  until?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type TierLimitsViewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TierLimitsView'] = ResolversParentTypes['TierLimitsView']> = {
  apps?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  concurrentAgentRuns?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  concurrentRooms?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maxRoomCapacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messagesPerDay?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  messagesPerHour?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  projects?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sandboxes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TierModelBudgetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TierModelBudget'] = ResolversParentTypes['TierModelBudget']> = {
  monthlyCostUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  monthlyTokens?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  runCostUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  runTokens?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type UsageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Usage'] = ResolversParentTypes['Usage']> = {
  meters?: Resolver<Array<ResolversTypes['UsageMeter']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UsageMeterResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UsageMeter'] = ResolversParentTypes['UsageMeter']> = {
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  limit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  percent?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  used?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warning?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emailVerified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  platformRole?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  themeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AdminSubscription?: AdminSubscriptionResolvers<ContextType>;
  AgentHandoff?: AgentHandoffResolvers<ContextType>;
  AgentInstance?: AgentInstanceResolvers<ContextType>;
  AgentMetrics?: AgentMetricsResolvers<ContextType>;
  AgentTask?: AgentTaskResolvers<ContextType>;
  AssistAvailability?: AssistAvailabilityResolvers<ContextType>;
  AssistCapabilities?: AssistCapabilitiesResolvers<ContextType>;
  AssistChatMessage?: AssistChatMessageResolvers<ContextType>;
  AssistChatTurn?: AssistChatTurnResolvers<ContextType>;
  AssistCitation?: AssistCitationResolvers<ContextType>;
  AssistRequest?: AssistRequestResolvers<ContextType>;
  AssistStreamEvent?: AssistStreamEventResolvers<ContextType>;
  AssistVerification?: AssistVerificationResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuthState?: AuthStateResolvers<ContextType>;
  BillingAccount?: BillingAccountResolvers<ContextType>;
  BillingCustomer?: BillingCustomerResolvers<ContextType>;
  BillingPlan?: BillingPlanResolvers<ContextType>;
  BillingSubscription?: BillingSubscriptionResolvers<ContextType>;
  BuildWait?: BuildWaitResolvers<ContextType>;
  BuildWaitHolder?: BuildWaitHolderResolvers<ContextType>;
  ChatFileRef?: ChatFileRefResolvers<ContextType>;
  ChatSnippet?: ChatSnippetResolvers<ContextType>;
  CheckoutSession?: CheckoutSessionResolvers<ContextType>;
  Collaboration?: CollaborationResolvers<ContextType>;
  CreatedInvitation?: CreatedInvitationResolvers<ContextType>;
  CreatedRoomInvite?: CreatedRoomInviteResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeployEnvVar?: DeployEnvVarResolvers<ContextType>;
  DeployLogLine?: DeployLogLineResolvers<ContextType>;
  DeployTargetSettings?: DeployTargetSettingsResolvers<ContextType>;
  DeployToken?: DeployTokenResolvers<ContextType>;
  Deployment?: DeploymentResolvers<ContextType>;
  Dunning?: DunningResolvers<ContextType>;
  FileVersion?: FileVersionResolvers<ContextType>;
  FrameworkOption?: FrameworkOptionResolvers<ContextType>;
  InvitationPreview?: InvitationPreviewResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Model?: ModelResolvers<ContextType>;
  ModelBudget?: ModelBudgetResolvers<ContextType>;
  ModelMode?: ModelModeResolvers<ContextType>;
  ModelPricing?: ModelPricingResolvers<ContextType>;
  ModelUsage?: ModelUsageResolvers<ContextType>;
  ModelUsageRow?: ModelUsageRowResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  OfflineBuild?: OfflineBuildResolvers<ContextType>;
  OpenedFile?: OpenedFileResolvers<ContextType>;
  PaymentLink?: PaymentLinkResolvers<ContextType>;
  PlanChange?: PlanChangeResolvers<ContextType>;
  PreviewLink?: PreviewLinkResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectAccess?: ProjectAccessResolvers<ContextType>;
  ProjectDeployments?: ProjectDeploymentsResolvers<ContextType>;
  ProjectEvent?: ProjectEventResolvers<ContextType>;
  ProjectFile?: ProjectFileResolvers<ContextType>;
  ProjectModelSettings?: ProjectModelSettingsResolvers<ContextType>;
  ProjectRun?: ProjectRunResolvers<ContextType>;
  ProviderKey?: ProviderKeyResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RoleModelChain?: RoleModelChainResolvers<ContextType>;
  Room?: RoomResolvers<ContextType>;
  RoomEvent?: RoomEventResolvers<ContextType>;
  RoomInvite?: RoomInviteResolvers<ContextType>;
  RoomInvitePreview?: RoomInvitePreviewResolvers<ContextType>;
  RoomMember?: RoomMemberResolvers<ContextType>;
  RoomMessage?: RoomMessageResolvers<ContextType>;
  RoomMessagePage?: RoomMessagePageResolvers<ContextType>;
  RoomProject?: RoomProjectResolvers<ContextType>;
  RoomSandbox?: RoomSandboxResolvers<ContextType>;
  RunActor?: RunActorResolvers<ContextType>;
  Sandbox?: SandboxResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Team?: TeamResolvers<ContextType>;
  TeamInvitation?: TeamInvitationResolvers<ContextType>;
  TeamMember?: TeamMemberResolvers<ContextType>;
  TeamModelBudgets?: TeamModelBudgetsResolvers<ContextType>;
  TeamState?: TeamStateResolvers<ContextType>;
  TeamTaskState?: TeamTaskStateResolvers<ContextType>;
  Theme?: ThemeResolvers<ContextType>;
  ThemeParticles?: ThemeParticlesResolvers<ContextType>;
  ThemeSound?: ThemeSoundResolvers<ContextType>;
  TierComp?: TierCompResolvers<ContextType>;
  TierLimitsView?: TierLimitsViewResolvers<ContextType>;
  TierModelBudget?: TierModelBudgetResolvers<ContextType>;
  Usage?: UsageResolvers<ContextType>;
  UsageMeter?: UsageMeterResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

