/** GraphQL payloads as the API sends them (with `__typename`, which Apollo's cache expects). */

export function projectPayload(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Project',
    id: 'p1',
    name: 'Recipe box',
    description: 'Save and tag recipes.',
    framework: 'nextjs',
    features: ['auth'],
    database: 'postgresql',
    styling: 'tailwind',
    visibility: 'private',
    status: 'BUILDING',
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    team: null,
    archivedAt: null,
    myAccess: { __typename: 'ProjectAccess', canEdit: true, canManage: true, canDelete: true },
    latestRun: {
      __typename: 'ProjectRun',
      id: 'r1',
      status: 'RUNNING',
      startedAt: '2026-11-27T10:00:01.000Z',
      finishedAt: null,
      error: null,
      createdAt: '2026-11-27T10:00:00.000Z',
      startedBy: { __typename: 'RunActor', id: 'u1', displayName: 'Ada' },
      approvedBy: null,
      pausedBy: null,
      cancelledBy: null,
    },
    files: [] as unknown[],
    ...overrides,
  };
}

export function filePayload(path: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'ProjectFile',
    id: `f-${path}`,
    path,
    language: 'typescript',
    size: 120,
    ...extra,
  };
}

export function eventPayload(id: string, type: string, message = type) {
  return {
    __typename: 'ProjectEvent',
    id,
    projectId: 'p1',
    runId: 'r1',
    type,
    message,
    data: null,
    at: '2026-11-27T10:00:02.000Z',
  };
}

export const FRAMEWORKS = [
  {
    __typename: 'FrameworkOption',
    id: 'nextjs',
    label: 'Next.js',
    language: 'TypeScript',
    scaffolded: true,
  },
  {
    __typename: 'FrameworkOption',
    id: 'fastapi',
    label: 'FastAPI',
    language: 'Python',
    scaffolded: false,
  },
];

export function viewerPayload(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'User',
    id: 'u1',
    email: 'ada@example.com',
    displayName: 'Ada',
    platformRole: 'admin',
    tier: 'free',
    emailVerified: false,
    themeId: null,
    ...overrides,
  };
}

export function authStatePayload(
  accountsExist: boolean,
  viewer: unknown,
  oauthProviders: string[] = [],
) {
  return { authState: { __typename: 'AuthState', accountsExist, oauthProviders, viewer } };
}

export function sessionPayload(
  id: string,
  current: boolean,
  lastSeenAt = '2026-11-27T10:00:00.000Z',
) {
  return {
    __typename: 'Session',
    id,
    createdAt: '2026-11-20T10:00:00.000Z',
    lastSeenAt,
    expiresAt: '2026-12-27T10:00:00.000Z',
    userAgent: current ? 'Firefox on Linux' : 'Safari on iPhone',
    ip: '127.0.0.1',
    current,
  };
}

export function teamUserPayload(id: string, displayName: string) {
  return { __typename: 'User', id, email: `${displayName.toLowerCase()}@example.com`, displayName };
}

export function memberPayload(id: string, displayName: string, role: string) {
  return {
    __typename: 'TeamMember',
    role,
    joinedAt: '2026-11-20T10:00:00.000Z',
    user: teamUserPayload(id, displayName),
  };
}

export function invitationPayload(id: string, role = 'member') {
  return {
    __typename: 'TeamInvitation',
    id,
    role,
    createdAt: '2026-11-27T10:00:00.000Z',
    expiresAt: '2026-12-04T10:00:00.000Z',
    invitedBy: teamUserPayload('u1', 'Ada'),
  };
}

/** A team of Ada (u1, owner), Grace (u2, admin) and Linus (u3, member), seen as `viewerRole`. */
export function teamPayload(viewerRole: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Team',
    id: 't1',
    name: 'Platform crew',
    createdAt: '2026-11-20T10:00:00.000Z',
    viewerRole,
    members: [
      memberPayload('u1', 'Ada', 'owner'),
      memberPayload('u2', 'Grace', 'admin'),
      memberPayload('u3', 'Linus', 'member'),
    ],
    invitations: viewerRole === 'member' ? [] : [invitationPayload('i1')],
    projects: [
      {
        __typename: 'Project',
        id: 'p7',
        name: 'Billing',
        framework: 'express',
        status: 'READY',
        createdAt: '2026-11-21T10:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

export function providerKeyPayload(
  provider: string,
  hint: string,
  extra: Record<string, unknown> = {},
) {
  return {
    __typename: 'ProviderKey',
    provider,
    hint,
    baseUrl: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    lastUsedAt: null,
    ...extra,
  };
}

export function meterPayload(kind: string, used: number, limit: number | null) {
  const percent = limit === null ? null : Math.floor((used / limit) * 100);
  const warning = percent === null ? null : percent >= 90 ? 90 : percent >= 80 ? 80 : null;
  return { __typename: 'UsageMeter', kind, used, limit, percent, warning };
}

export function usagePayload(meters: unknown[], tier = 'free') {
  return { usage: { __typename: 'Usage', tier, meters } };
}

export function teamBudgetsPayload(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'TeamModelBudgets',
    teamId: 't1',
    runTokenBudget: null,
    runCostBudgetUsd: null,
    monthlyTokenBudget: null,
    monthlyCostBudgetUsd: null,
    monthTokensUsed: 0,
    monthCostUsdUsed: 0,
    ownerTier: 'pro',
    tierCap: {
      __typename: 'TierModelBudget',
      runTokens: 3_000_000,
      runCostUsd: 15,
      monthlyTokens: 40_000_000,
      monthlyCostUsd: 150,
    },
    ...extra,
  };
}
