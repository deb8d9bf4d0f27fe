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

export type ModelModeFragment = { readonly offline: boolean, readonly message: string };

export type ModelModeQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelModeQuery = { readonly modelMode: { readonly offline: boolean, readonly message: string } };

export type CatalogModelFragment = { readonly id: string, readonly provider: string, readonly displayName: string, readonly contextWindow: number, readonly maxOutputTokens: number, readonly streaming: boolean, readonly vision: boolean, readonly functionCalling: boolean, readonly reasoning: boolean, readonly offline: boolean, readonly available: boolean, readonly unavailableReason: string | null, readonly keySource: string | null, readonly circuit: string, readonly circuitRetryAt: string | null, readonly pricing: { readonly inputPer1kUsd: number, readonly outputPer1kUsd: number, readonly inputPer1kInr: number, readonly outputPer1kInr: number } };

export type ModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelsQuery = { readonly models: ReadonlyArray<{ readonly id: string, readonly provider: string, readonly displayName: string, readonly contextWindow: number, readonly maxOutputTokens: number, readonly streaming: boolean, readonly vision: boolean, readonly functionCalling: boolean, readonly reasoning: boolean, readonly offline: boolean, readonly available: boolean, readonly unavailableReason: string | null, readonly keySource: string | null, readonly circuit: string, readonly circuitRetryAt: string | null, readonly pricing: { readonly inputPer1kUsd: number, readonly outputPer1kUsd: number, readonly inputPer1kInr: number, readonly outputPer1kInr: number } }>, readonly modelMode: { readonly offline: boolean, readonly message: string } };

export type ModelUsageRowFragment = { readonly model: string | null, readonly role: string | null, readonly day: string | null, readonly calls: number, readonly promptTokens: number, readonly completionTokens: number, readonly totalTokens: number, readonly costUsd: number, readonly costInr: number };

export type ModelUsageFragment = { readonly rows: ReadonlyArray<{ readonly model: string | null, readonly role: string | null, readonly day: string | null, readonly calls: number, readonly promptTokens: number, readonly completionTokens: number, readonly totalTokens: number, readonly costUsd: number, readonly costInr: number }>, readonly total: { readonly model: string | null, readonly role: string | null, readonly day: string | null, readonly calls: number, readonly promptTokens: number, readonly completionTokens: number, readonly totalTokens: number, readonly costUsd: number, readonly costInr: number } };

export type ModelUsageQueryVariables = Exact<{
  input: ModelUsageInput;
}>;


export type ModelUsageQuery = { readonly modelUsage: { readonly rows: ReadonlyArray<{ readonly model: string | null, readonly role: string | null, readonly day: string | null, readonly calls: number, readonly promptTokens: number, readonly completionTokens: number, readonly totalTokens: number, readonly costUsd: number, readonly costInr: number }>, readonly total: { readonly model: string | null, readonly role: string | null, readonly day: string | null, readonly calls: number, readonly promptTokens: number, readonly completionTokens: number, readonly totalTokens: number, readonly costUsd: number, readonly costInr: number } } };

export type ModelBudgetFragment = { readonly scope: string, readonly tokensUsed: number, readonly tokenLimit: number | null, readonly costUsdUsed: number, readonly costUsdLimit: number | null, readonly effectiveTokenLimit: number | null, readonly tokenLimitSource: BudgetLimitSource | null, readonly effectiveCostUsdLimit: number | null, readonly costUsdLimitSource: BudgetLimitSource | null };

export type ProjectModelSettingsFragment = { readonly projectId: string, readonly tier: string, readonly roles: ReadonlyArray<{ readonly role: string, readonly models: ReadonlyArray<string>, readonly source: string }>, readonly budgets: ReadonlyArray<{ readonly scope: string, readonly tokensUsed: number, readonly tokenLimit: number | null, readonly costUsdUsed: number, readonly costUsdLimit: number | null, readonly effectiveTokenLimit: number | null, readonly tokenLimitSource: BudgetLimitSource | null, readonly effectiveCostUsdLimit: number | null, readonly costUsdLimitSource: BudgetLimitSource | null }> };

export type ProjectModelSettingsQueryVariables = Exact<{
  projectId: Scalars['ID']['input'];
}>;


export type ProjectModelSettingsQuery = { readonly projectModelSettings: { readonly projectId: string, readonly tier: string, readonly roles: ReadonlyArray<{ readonly role: string, readonly models: ReadonlyArray<string>, readonly source: string }>, readonly budgets: ReadonlyArray<{ readonly scope: string, readonly tokensUsed: number, readonly tokenLimit: number | null, readonly costUsdUsed: number, readonly costUsdLimit: number | null, readonly effectiveTokenLimit: number | null, readonly tokenLimitSource: BudgetLimitSource | null, readonly effectiveCostUsdLimit: number | null, readonly costUsdLimitSource: BudgetLimitSource | null }> } };

export type SetProjectModelSettingsMutationVariables = Exact<{
  input: ProjectModelSettingsInput;
}>;


export type SetProjectModelSettingsMutation = { readonly setProjectModelSettings: { readonly projectId: string, readonly tier: string, readonly roles: ReadonlyArray<{ readonly role: string, readonly models: ReadonlyArray<string>, readonly source: string }>, readonly budgets: ReadonlyArray<{ readonly scope: string, readonly tokensUsed: number, readonly tokenLimit: number | null, readonly costUsdUsed: number, readonly costUsdLimit: number | null, readonly effectiveTokenLimit: number | null, readonly tokenLimitSource: BudgetLimitSource | null, readonly effectiveCostUsdLimit: number | null, readonly costUsdLimitSource: BudgetLimitSource | null }> } };

export const ModelModeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelMode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelMode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offline"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ModelModeFragment, unknown>;
export const CatalogModelFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CatalogModel"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"contextWindow"}},{"kind":"Field","name":{"kind":"Name","value":"maxOutputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"streaming"}},{"kind":"Field","name":{"kind":"Name","value":"vision"}},{"kind":"Field","name":{"kind":"Name","value":"functionCalling"}},{"kind":"Field","name":{"kind":"Name","value":"reasoning"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPer1kUsd"}},{"kind":"Field","name":{"kind":"Name","value":"outputPer1kUsd"}},{"kind":"Field","name":{"kind":"Name","value":"inputPer1kInr"}},{"kind":"Field","name":{"kind":"Name","value":"outputPer1kInr"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offline"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"keySource"}},{"kind":"Field","name":{"kind":"Name","value":"circuit"}},{"kind":"Field","name":{"kind":"Name","value":"circuitRetryAt"}}]}}]} as unknown as DocumentNode<CatalogModelFragment, unknown>;
export const ModelUsageRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelUsageRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelUsageRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costInr"}}]}}]} as unknown as DocumentNode<ModelUsageRowFragment, unknown>;
export const ModelUsageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelUsage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelUsage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelUsageRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelUsageRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelUsageRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelUsageRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costInr"}}]}}]} as unknown as DocumentNode<ModelUsageFragment, unknown>;
export const ModelBudgetFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelBudget"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelBudget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimit"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdUsed"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdLimit"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTokenLimit"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimitSource"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveCostUsdLimit"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdLimitSource"}}]}}]} as unknown as DocumentNode<ModelBudgetFragment, unknown>;
export const ProjectModelSettingsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectModelSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectModelSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelBudget"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelBudget"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelBudget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimit"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdUsed"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdLimit"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTokenLimit"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimitSource"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveCostUsdLimit"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdLimitSource"}}]}}]} as unknown as DocumentNode<ProjectModelSettingsFragment, unknown>;
export const ModelModeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModelMode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelMode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelMode"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelMode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelMode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offline"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ModelModeQuery, ModelModeQueryVariables>;
export const ModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CatalogModel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelMode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelMode"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CatalogModel"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"contextWindow"}},{"kind":"Field","name":{"kind":"Name","value":"maxOutputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"streaming"}},{"kind":"Field","name":{"kind":"Name","value":"vision"}},{"kind":"Field","name":{"kind":"Name","value":"functionCalling"}},{"kind":"Field","name":{"kind":"Name","value":"reasoning"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputPer1kUsd"}},{"kind":"Field","name":{"kind":"Name","value":"outputPer1kUsd"}},{"kind":"Field","name":{"kind":"Name","value":"inputPer1kInr"}},{"kind":"Field","name":{"kind":"Name","value":"outputPer1kInr"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offline"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"keySource"}},{"kind":"Field","name":{"kind":"Name","value":"circuit"}},{"kind":"Field","name":{"kind":"Name","value":"circuitRetryAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelMode"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelMode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offline"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ModelsQuery, ModelsQueryVariables>;
export const ModelUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModelUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelUsage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelUsageRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelUsageRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costInr"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelUsage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelUsage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelUsageRow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelUsageRow"}}]}}]}}]} as unknown as DocumentNode<ModelUsageQuery, ModelUsageQueryVariables>;
export const ProjectModelSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectModelSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectModelSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectModelSettings"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelBudget"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelBudget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimit"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdUsed"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdLimit"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTokenLimit"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimitSource"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveCostUsdLimit"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdLimitSource"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectModelSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectModelSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelBudget"}}]}}]}}]} as unknown as DocumentNode<ProjectModelSettingsQuery, ProjectModelSettingsQueryVariables>;
export const SetProjectModelSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetProjectModelSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectModelSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setProjectModelSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProjectModelSettings"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelBudget"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelBudget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"tokensUsed"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimit"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdUsed"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdLimit"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveTokenLimit"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimitSource"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveCostUsdLimit"}},{"kind":"Field","name":{"kind":"Name","value":"costUsdLimitSource"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProjectModelSettings"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectModelSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"models"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budgets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelBudget"}}]}}]}}]} as unknown as DocumentNode<SetProjectModelSettingsMutation, SetProjectModelSettingsMutationVariables>;