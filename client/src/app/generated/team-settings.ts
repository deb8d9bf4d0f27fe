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

export type TeamProviderKeyFragment = { readonly provider: string, readonly hint: string, readonly baseUrl: string | null, readonly createdAt: string, readonly updatedAt: string, readonly lastUsedAt: string | null };

export type TeamProviderKeysQueryVariables = Exact<{
  teamId: Scalars['ID']['input'];
}>;


export type TeamProviderKeysQuery = { readonly teamProviderKeys: ReadonlyArray<{ readonly provider: string, readonly hint: string, readonly baseUrl: string | null, readonly createdAt: string, readonly updatedAt: string, readonly lastUsedAt: string | null }> };

export type SetTeamProviderKeyMutationVariables = Exact<{
  teamId: Scalars['ID']['input'];
  provider: Scalars['String']['input'];
  key: Scalars['String']['input'];
  baseUrl: InputMaybe<Scalars['String']['input']>;
}>;


export type SetTeamProviderKeyMutation = { readonly setTeamProviderKey: { readonly provider: string, readonly hint: string, readonly baseUrl: string | null, readonly createdAt: string, readonly updatedAt: string, readonly lastUsedAt: string | null } };

export type DeleteTeamProviderKeyMutationVariables = Exact<{
  teamId: Scalars['ID']['input'];
  provider: Scalars['String']['input'];
}>;


export type DeleteTeamProviderKeyMutation = { readonly deleteTeamProviderKey: boolean };

export type TeamModelBudgetsFragment = { readonly teamId: string, readonly runTokenBudget: number | null, readonly runCostBudgetUsd: number | null, readonly monthlyTokenBudget: number | null, readonly monthlyCostBudgetUsd: number | null, readonly monthTokensUsed: number, readonly monthCostUsdUsed: number, readonly ownerTier: string, readonly tierCap: { readonly runTokens: number | null, readonly runCostUsd: number | null, readonly monthlyTokens: number | null, readonly monthlyCostUsd: number | null } };

export type TeamModelBudgetsQueryVariables = Exact<{
  teamId: Scalars['ID']['input'];
}>;


export type TeamModelBudgetsQuery = { readonly teamModelBudgets: { readonly teamId: string, readonly runTokenBudget: number | null, readonly runCostBudgetUsd: number | null, readonly monthlyTokenBudget: number | null, readonly monthlyCostBudgetUsd: number | null, readonly monthTokensUsed: number, readonly monthCostUsdUsed: number, readonly ownerTier: string, readonly tierCap: { readonly runTokens: number | null, readonly runCostUsd: number | null, readonly monthlyTokens: number | null, readonly monthlyCostUsd: number | null } } };

export type SetTeamModelBudgetsMutationVariables = Exact<{
  input: TeamModelBudgetsInput;
}>;


export type SetTeamModelBudgetsMutation = { readonly setTeamModelBudgets: { readonly teamId: string, readonly runTokenBudget: number | null, readonly runCostBudgetUsd: number | null, readonly monthlyTokenBudget: number | null, readonly monthlyCostBudgetUsd: number | null, readonly monthTokensUsed: number, readonly monthCostUsdUsed: number, readonly ownerTier: string, readonly tierCap: { readonly runTokens: number | null, readonly runCostUsd: number | null, readonly monthlyTokens: number | null, readonly monthlyCostUsd: number | null } } };

export const TeamProviderKeyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamProviderKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]} as unknown as DocumentNode<TeamProviderKeyFragment, unknown>;
export const TeamModelBudgetsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamModelBudgets"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamModelBudgets"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"runTokenBudget"}},{"kind":"Field","name":{"kind":"Name","value":"runCostBudgetUsd"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyTokenBudget"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCostBudgetUsd"}},{"kind":"Field","name":{"kind":"Name","value":"monthTokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"monthCostUsdUsed"}},{"kind":"Field","name":{"kind":"Name","value":"ownerTier"}},{"kind":"Field","name":{"kind":"Name","value":"tierCap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runTokens"}},{"kind":"Field","name":{"kind":"Name","value":"runCostUsd"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyTokens"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCostUsd"}}]}}]}}]} as unknown as DocumentNode<TeamModelBudgetsFragment, unknown>;
export const TeamProviderKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamProviderKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamProviderKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamProviderKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamProviderKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]} as unknown as DocumentNode<TeamProviderKeysQuery, TeamProviderKeysQueryVariables>;
export const SetTeamProviderKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTeamProviderKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"baseUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTeamProviderKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"baseUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"baseUrl"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamProviderKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamProviderKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProviderKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"hint"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]} as unknown as DocumentNode<SetTeamProviderKeyMutation, SetTeamProviderKeyMutationVariables>;
export const DeleteTeamProviderKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTeamProviderKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTeamProviderKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}]}]}}]} as unknown as DocumentNode<DeleteTeamProviderKeyMutation, DeleteTeamProviderKeyMutationVariables>;
export const TeamModelBudgetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamModelBudgets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamModelBudgets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamModelBudgets"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamModelBudgets"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamModelBudgets"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"runTokenBudget"}},{"kind":"Field","name":{"kind":"Name","value":"runCostBudgetUsd"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyTokenBudget"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCostBudgetUsd"}},{"kind":"Field","name":{"kind":"Name","value":"monthTokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"monthCostUsdUsed"}},{"kind":"Field","name":{"kind":"Name","value":"ownerTier"}},{"kind":"Field","name":{"kind":"Name","value":"tierCap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runTokens"}},{"kind":"Field","name":{"kind":"Name","value":"runCostUsd"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyTokens"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCostUsd"}}]}}]}}]} as unknown as DocumentNode<TeamModelBudgetsQuery, TeamModelBudgetsQueryVariables>;
export const SetTeamModelBudgetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTeamModelBudgets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TeamModelBudgetsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTeamModelBudgets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamModelBudgets"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamModelBudgets"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamModelBudgets"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"runTokenBudget"}},{"kind":"Field","name":{"kind":"Name","value":"runCostBudgetUsd"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyTokenBudget"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCostBudgetUsd"}},{"kind":"Field","name":{"kind":"Name","value":"monthTokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"monthCostUsdUsed"}},{"kind":"Field","name":{"kind":"Name","value":"ownerTier"}},{"kind":"Field","name":{"kind":"Name","value":"tierCap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runTokens"}},{"kind":"Field","name":{"kind":"Name","value":"runCostUsd"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyTokens"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCostUsd"}}]}}]}}]} as unknown as DocumentNode<SetTeamModelBudgetsMutation, SetTeamModelBudgetsMutationVariables>;