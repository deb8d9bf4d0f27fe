/** GraphQL payloads of the model layer for component tests. */

export function modelPayload(id: string, extra: Record<string, unknown> = {}) {
  const [provider = 'openai'] = id.split('/');
  return {
    __typename: 'Model',
    id,
    provider,
    displayName: id,
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    streaming: true,
    vision: true,
    functionCalling: true,
    reasoning: false,
    pricing: {
      __typename: 'ModelPricing',
      inputPer1kUsd: 0.002,
      outputPer1kUsd: 0.008,
      inputPer1kInr: 0.176,
      outputPer1kInr: 0.704,
    },
    offline: provider === 'offline',
    available: false,
    unavailableReason: 'NO_KEY',
    keySource: null,
    circuit: 'CLOSED',
    circuitRetryAt: null,
    ...extra,
  };
}

export function modePayload(
  offline: boolean,
  message = offline ? 'Offline mode: no key.' : 'Online.',
) {
  return { __typename: 'ModelMode', offline, message };
}

export function usageRowPayload(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'ModelUsageRow',
    model: null,
    role: null,
    day: null,
    calls: 1,
    promptTokens: 1000,
    completionTokens: 500,
    totalTokens: 1500,
    costUsd: 0.006,
    costInr: 0.528,
    ...extra,
  };
}

export function usagePayload(rows: ReturnType<typeof usageRowPayload>[]) {
  const sum = (
    key: 'calls' | 'totalTokens' | 'promptTokens' | 'completionTokens' | 'costUsd' | 'costInr',
  ) => rows.reduce((total, row) => total + row[key], 0);
  return {
    __typename: 'ModelUsage',
    rows,
    total: usageRowPayload({
      calls: sum('calls'),
      promptTokens: sum('promptTokens'),
      completionTokens: sum('completionTokens'),
      totalTokens: sum('totalTokens'),
      costUsd: sum('costUsd'),
      costInr: sum('costInr'),
    }),
  };
}

export function settingsPayload(
  roles: { role: string; models: string[]; source: string }[],
  budgets: Record<string, unknown>[] = [budgetPayload('RUN'), budgetPayload('PROJECT')],
) {
  return {
    __typename: 'ProjectModelSettings',
    projectId: 'p1',
    tier: 'free',
    roles: roles.map((r) => ({ __typename: 'RoleModelChain', ...r })),
    budgets,
  };
}

export function budgetPayload(scope: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'ModelBudget',
    scope,
    tokensUsed: 0,
    tokenLimit: null,
    costUsdUsed: 0,
    costUsdLimit: null,
    // As the server answers when no cap applies: the project's own limit is the one in force.
    effectiveTokenLimit: extra['tokenLimit'] ?? null,
    tokenLimitSource: extra['tokenLimit'] == null ? null : 'PROJECT',
    effectiveCostUsdLimit: extra['costUsdLimit'] ?? null,
    costUsdLimitSource: extra['costUsdLimit'] == null ? null : 'PROJECT',
    ...extra,
  };
}
