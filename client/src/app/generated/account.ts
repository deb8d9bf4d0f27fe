import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Whose limit is in force: the project's settings, its team's, its owner's, or the tier's cap. */
export type BudgetLimitSource =
  | 'PROJECT'
  | 'TEAM'
  | 'TIER'
  | 'USER';

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

export type RunStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type SignUpInput = {
  /** 1 to 80 characters. */
  readonly displayName: Scalars['String']['input'];
  /** An email address; stored lowercase. */
  readonly email: Scalars['String']['input'];
  /** 10 to 128 characters. */
  readonly password: Scalars['String']['input'];
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

export type AccountSessionFragment = { readonly id: string, readonly createdAt: string, readonly lastSeenAt: string, readonly expiresAt: string, readonly userAgent: string | null, readonly ip: string | null, readonly current: boolean };

export type SessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsQuery = { readonly sessions: ReadonlyArray<{ readonly id: string, readonly createdAt: string, readonly lastSeenAt: string, readonly expiresAt: string, readonly userAgent: string | null, readonly ip: string | null, readonly current: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeSessionMutation = { readonly revokeSession: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type RequestPasswordResetMutation = { readonly requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type ResetPasswordMutation = { readonly resetPassword: boolean };

export type VerifyEmailMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type VerifyEmailMutation = { readonly verifyEmail: boolean };

export const AccountSessionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]} as unknown as DocumentNode<AccountSessionFragment, unknown>;
export const SessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccountSession"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccountSession"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Session"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]} as unknown as DocumentNode<SessionsQuery, SessionsQueryVariables>;
export const RevokeSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}]}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const VerifyEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}]}]}}]} as unknown as DocumentNode<VerifyEmailMutation, VerifyEmailMutationVariables>;