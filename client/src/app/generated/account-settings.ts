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

export type ProviderKeyFragment = { readonly provider: string, readonly hint: string, readonly baseUrl: string | null, readonly createdAt: string, readonly updatedAt: string, readonly lastUsedAt: string | null };

export type ProviderKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ProviderKeysQuery = { readonly providerKeys: ReadonlyArray<{ readonly provider: string, readonly hint: string, readonly baseUrl: string | null, readonly createdAt: string, readonly updatedAt: string, readonly lastUsedAt: string | null }> };

export type SetProviderKeyMutationVariables = Exact<{
  provider: Scalars['String']['input'];
  key: Scalars['String']['input'];
  baseUrl: InputMaybe<Scalars['String']['input']>;
}>;


export type SetProviderKeyMutation = { readonly setProviderKey: { readonly provider: string, readonly hint: string, readonly baseUrl: string | null, readonly createdAt: string, readonly updatedAt: string, readonly lastUsedAt: string | null } };

export type DeleteProviderKeyMutationVariables = Exact<{
  provider: Scalars['String']['input'];
}>;


export type DeleteProviderKeyMutation = { readonly deleteProviderKey: boolean };

export type UsageMeterFragment = { readonly kind: string, readonly used: number, readonly limit: number | null, readonly percent: number | null, readonly warning: number | null };

export type UsageFragment = { readonly tier: string, readonly meters: ReadonlyArray<{ readonly kind: string, readonly used: number, readonly limit: number | null, readonly percent: number | null, readonly warning: number | null }> };

export type UsageQueryVariables = Exact<{ [key: string]: never; }>;


export type UsageQuery = { readonly usage: { readonly tier: string, readonly meters: ReadonlyArray<{ readonly kind: string, readonly used: number, readonly limit: number | null, readonly percent: number | null, readonly warning: number | null }> } };

export type ExportMyDataQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportMyDataQuery = { readonly exportMyData: unknown };

export type DeleteAccountMutationVariables = Exact<{
  password: Scalars['String']['input'];
}>;


export type DeleteAccountMutation = { readonly deleteAccount: boolean };

export type ResendVerificationEmailMutationVariables = Exact<{ [key: string]: never; }>;


export type ResendVerificationEmailMutation = { readonly resendVerificationEmail: boolean };

export const ProviderKeyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProviderKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]} as unknown as DocumentNode<ProviderKeyFragment, unknown>;
export const UsageMeterFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UsageMeter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UsageMeter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}}]}}]} as unknown as DocumentNode<UsageMeterFragment, unknown>;
export const UsageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Usage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Usage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"meters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UsageMeter"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UsageMeter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UsageMeter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}}]}}]} as unknown as DocumentNode<UsageFragment, unknown>;
export const ProviderKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProviderKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProviderKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProviderKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]} as unknown as DocumentNode<ProviderKeysQuery, ProviderKeysQueryVariables>;
export const SetProviderKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetProviderKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"baseUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setProviderKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"baseUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"baseUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProviderKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProviderKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]} as unknown as DocumentNode<SetProviderKeyMutation, SetProviderKeyMutationVariables>;
export const DeleteProviderKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteProviderKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProviderKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}]}]}}]} as unknown as DocumentNode<DeleteProviderKeyMutation, DeleteProviderKeyMutationVariables>;
export const UsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Usage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UsageMeter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UsageMeter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Usage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Usage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"meters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UsageMeter"}}]}}]}}]} as unknown as DocumentNode<UsageQuery, UsageQueryVariables>;
export const ExportMyDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportMyData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportMyData"}}]}}]} as unknown as DocumentNode<ExportMyDataQuery, ExportMyDataQueryVariables>;
export const DeleteAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}]}]}}]} as unknown as DocumentNode<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const ResendVerificationEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendVerificationEmail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendVerificationEmail"}}]}}]} as unknown as DocumentNode<ResendVerificationEmailMutation, ResendVerificationEmailMutationVariables>;