export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: string; output: string; }
  JSON: { input: unknown; output: unknown; }
};

/** Lines of the file an action works on, 1-based and inclusive. */
export type AssistSelectionInput = {
  readonly endLine: Scalars['Int']['input'];
  readonly startLine: Scalars['Int']['input'];
};

export type BillingDetailsInput = {
  readonly address?: InputMaybe<Scalars['String']['input']>;
  readonly country: Scalars['String']['input'];
  readonly email: Scalars['String']['input'];
  readonly gstin?: InputMaybe<Scalars['String']['input']>;
  readonly name: Scalars['String']['input'];
  readonly stateCode?: InputMaybe<Scalars['String']['input']>;
};

/** Whose limit is in force: the project's settings, its team's, its owner's, or the tier's cap. */
export type BudgetLimitSource =
  | 'PROJECT'
  | 'TEAM'
  | 'TIER'
  | 'USER';

export type ChatSnippetInput = {
  /** At most 20,000 characters (MESSAGE_TOO_LONG). */
  readonly code: Scalars['String']['input'];
  readonly language: Scalars['String']['input'];
};

export type CreateProjectInput = {
  /** With the agent team: build without waiting for a person to approve the plan. */
  readonly autoApprovePlan?: InputMaybe<Scalars['Boolean']['input']>;
  /** starter (the built-in starter files, default) or team (the agent team plans and builds from the description). */
  readonly buildMode?: InputMaybe<Scalars['String']['input']>;
  readonly database?: InputMaybe<Scalars['String']['input']>;
  /** At most 500 characters. */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Up to 10 tags, each lowercase letters, digits and '-'. */
  readonly features?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  readonly framework: Scalars['String']['input'];
  /**
   * Makes retries safe: a second request with the same key returns the first request's project and
   * never starts a second run.
   */
  readonly idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** 2 to 64 characters: starts with a letter (any alphabet), then letters, digits, spaces, '-' or '_'. Unique per owner. */
  readonly name: Scalars['String']['input'];
  readonly styling?: InputMaybe<Scalars['String']['input']>;
  /** Create the project in this team (the caller must be a member); omitted for a personal project. */
  readonly teamId?: InputMaybe<Scalars['ID']['input']>;
  readonly visibility?: InputMaybe<Scalars['String']['input']>;
};

export type CreateRoomInput = {
  /** 2 to the tier's maximum; default 10. */
  readonly capacity?: InputMaybe<Scalars['Int']['input']>;
  /** At most 500 characters. */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 80 characters. */
  readonly name: Scalars['String']['input'];
  /** 4 to 128 characters; omit for none. */
  readonly password?: InputMaybe<Scalars['String']['input']>;
  readonly projectId: Scalars['ID']['input'];
  /** private (default), team or public. */
  readonly visibility?: InputMaybe<Scalars['String']['input']>;
};

export type CreateRoomInviteInput = {
  /** 1 to 720 hours; default 24. */
  readonly expiresInHours?: InputMaybe<Scalars['Int']['input']>;
  /** 1 for single-use; omit for unlimited until expiry. */
  readonly maxUses?: InputMaybe<Scalars['Int']['input']>;
  /** participant (default) or viewer. */
  readonly role?: InputMaybe<Scalars['String']['input']>;
  readonly roomId: Scalars['ID']['input'];
};

export type DeployEnvVarInput = {
  /** Letters, digits and _, not starting with a digit, at most 128 characters. */
  readonly key: Scalars['String']['input'];
  readonly projectId: Scalars['ID']['input'];
  /** Secrets (the default) are never shown again. */
  readonly secret?: InputMaybe<Scalars['Boolean']['input']>;
  /** A target name, or * for every target. */
  readonly target: Scalars['String']['input'];
  /** At most 32 KiB. */
  readonly value: Scalars['String']['input'];
};

export type DeployInput = {
  /** A retry with the same key returns the first deployment instead of starting a second one. */
  readonly idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  readonly projectId: Scalars['ID']['input'];
  /** Deploy even though the project's tests fail; recorded on the deployment and in its log. */
  readonly skipTests?: InputMaybe<Scalars['Boolean']['input']>;
  readonly target: Scalars['String']['input'];
};

export type DeployTargetSettingsInput = {
  readonly allowAgentDeploys?: InputMaybe<Scalars['Boolean']['input']>;
  readonly projectId: Scalars['ID']['input'];
  /** Only the known options of the target are accepted (name, private, region); BAD_USER_INPUT otherwise. */
  readonly settings?: InputMaybe<Scalars['JSON']['input']>;
  readonly target: Scalars['String']['input'];
};

export type LogInInput = {
  readonly email: Scalars['String']['input'];
  readonly password: Scalars['String']['input'];
};

export type ModelUsageGroup =
  | 'DAY'
  | 'MODEL'
  | 'ROLE';

/** Whose usage to report: one of projectId, teamId or userId (the caller when none is given). */
export type ModelUsageInput = {
  /** Inclusive start (default: 30 days ago). */
  readonly from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Grouping, in order; default MODEL. */
  readonly groupBy?: InputMaybe<ReadonlyArray<ModelUsageGroup>>;
  readonly projectId?: InputMaybe<Scalars['ID']['input']>;
  readonly teamId?: InputMaybe<Scalars['ID']['input']>;
  /** Exclusive end (default: now). */
  readonly to?: InputMaybe<Scalars['DateTime']['input']>;
  readonly userId?: InputMaybe<Scalars['ID']['input']>;
};

/** Fields left out stay as they are; null clears a budget (the tier's limit then applies). */
export type ProjectModelSettingsInput = {
  readonly costBudgetUsd?: InputMaybe<Scalars['Float']['input']>;
  readonly projectId: Scalars['ID']['input'];
  readonly roles?: InputMaybe<ReadonlyArray<RoleModelInput>>;
  readonly runCostBudgetUsd?: InputMaybe<Scalars['Float']['input']>;
  readonly runTokenBudget?: InputMaybe<Scalars['Int']['input']>;
  readonly tokenBudget?: InputMaybe<Scalars['Float']['input']>;
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

export type RoleModelInput = {
  /** Catalog ids, preferred first; an empty list removes this scope's override. */
  readonly models: ReadonlyArray<Scalars['String']['input']>;
  /** architect, coder, frontend, backend, debugger, reviewer, devops, tester, documentation or optimizer. */
  readonly role: Scalars['String']['input'];
};

export type RoomListScope =
  /** Rooms I am a member of. */
  | 'MINE'
  /** Public rooms. */
  | 'PUBLIC'
  /** Rooms of my teams' projects with team visibility. */
  | 'TEAM';

export type RoomScript =
  | 'RUN'
  | 'TEST';

export type RunStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type SendRoomMessageInput = {
  /** 1 to 4,000 characters (MESSAGE_TOO_LONG). @name mentions a person; @reviewer, @debugger… asks that agent. */
  readonly body: Scalars['String']['input'];
  /** Makes sending safe to retry: the same key returns the first message. */
  readonly clientKey?: InputMaybe<Scalars['String']['input']>;
  readonly roomId: Scalars['ID']['input'];
  readonly snippet?: InputMaybe<ChatSnippetInput>;
};

export type SignUpInput = {
  /** 1 to 80 characters. */
  readonly displayName: Scalars['String']['input'];
  /** An email address; stored lowercase. */
  readonly email: Scalars['String']['input'];
  /** 10 to 128 characters. */
  readonly password: Scalars['String']['input'];
};

export type StartAssistInput = {
  /** explain, refactor, fix, tests, docs or new_file. */
  readonly action: Scalars['String']['input'];
  /** fix: the failing test's output, the terminal error or the diagnostic's message. */
  readonly errorOutput?: InputMaybe<Scalars['String']['input']>;
  /** fix: test, terminal or diagnostic. */
  readonly fixSource?: InputMaybe<Scalars['String']['input']>;
  /** refactor: what to change. new_file: what the file should do. Others: an optional note. */
  readonly instruction?: InputMaybe<Scalars['String']['input']>;
  /** The file the action is asked on; for new_file, the file to create. */
  readonly path: Scalars['String']['input'];
  readonly projectId: Scalars['ID']['input'];
  /** The selected lines; absent: the whole file (refused when it is too large for the model: select a part). */
  readonly selection?: InputMaybe<AssistSelectionInput>;
  /** tests: where the tests go (default: beside the file, `name.test.ext`). */
  readonly targetPath?: InputMaybe<Scalars['String']['input']>;
  /** fix: the command to run again in the project's sandbox to verify the fix (a failing test's command). */
  readonly testCommand?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A team's model budgets: per run of one of its projects, and per calendar month (UTC) over all its projects.
 * Null: no budget of the team's own (its owner's tier still caps it). Fields left out stay as they are.
 */
export type TeamModelBudgetsInput = {
  readonly monthlyCostBudgetUsd?: InputMaybe<Scalars['Float']['input']>;
  readonly monthlyTokenBudget?: InputMaybe<Scalars['Float']['input']>;
  readonly runCostBudgetUsd?: InputMaybe<Scalars['Float']['input']>;
  readonly runTokenBudget?: InputMaybe<Scalars['Int']['input']>;
  readonly teamId: Scalars['ID']['input'];
};

export type UpdateRoomInput = {
  readonly capacity?: InputMaybe<Scalars['Int']['input']>;
  readonly description?: InputMaybe<Scalars['String']['input']>;
  readonly name?: InputMaybe<Scalars['String']['input']>;
  /** A new password; an empty string removes it. */
  readonly password?: InputMaybe<Scalars['String']['input']>;
  readonly visibility?: InputMaybe<Scalars['String']['input']>;
};

/** The fields Razorpay Checkout's handler returns; the server checks the signature, never trusts them. */
export type VerifyPaymentInput = {
  /** For an order payment. */
  readonly razorpayOrderId?: InputMaybe<Scalars['String']['input']>;
  readonly razorpayPaymentId: Scalars['String']['input'];
  readonly razorpaySignature: Scalars['String']['input'];
  /** For a subscription payment. */
  readonly razorpaySubscriptionId?: InputMaybe<Scalars['String']['input']>;
};
