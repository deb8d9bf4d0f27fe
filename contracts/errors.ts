/**
 * Error codes shared by the API, activities and workflows. GraphQL `extensions.code` and Temporal
 * `ApplicationFailure.type` both come from here, so a failure keeps its meaning across layers.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNSUPPORTED_FRAMEWORK: 'UNSUPPORTED_FRAMEWORK',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  /** An operation deeper, more aliased or costlier than the API's limits (api/src/graphql/limits.ts). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** Too many live subscriptions on one socket or for one user. */
  SUBSCRIPTION_LIMIT_EXCEEDED: 'SUBSCRIPTION_LIMIT_EXCEEDED',
  CONCURRENT_LIMIT_EXCEEDED: 'CONCURRENT_LIMIT_EXCEEDED',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
  MODEL_NOT_AVAILABLE: 'MODEL_NOT_AVAILABLE',
  PROVIDER_ERROR: 'PROVIDER_ERROR',
  MODEL_FALLBACK_FAILED: 'MODEL_FALLBACK_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Workflow failure: the agent team's run ended without a usable result. */
  TEAM_FAILED: 'TEAM_FAILED',
  /** Workflow failure: the project build failed (its message is safe to show). */
  BUILD_FAILED: 'BUILD_FAILED',
  /** Workflow failure: the architect's plan could not be used. */
  PLAN_INVALID: 'PLAN_INVALID',
  /** A file path that is absolute, climbs out with `..`, holds NUL or is otherwise unusable. */
  PATH_INVALID: 'PATH_INVALID',
  /** A file or folder already has that path. */
  PATH_TAKEN: 'PATH_TAKEN',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  /** A binary file asked for as text (it can be downloaded, never opened in the editor). */
  FILE_BINARY: 'FILE_BINARY',
  /** The project is archived: restore it before changing it. */
  PROJECT_ARCHIVED: 'PROJECT_ARCHIVED',
  /** A destructive action whose typed confirmation did not match (deleting a project needs its name). */
  CONFIRMATION_MISMATCH: 'CONFIRMATION_MISMATCH',
  /** Live collaboration (Liveblocks) is not configured or not reachable. */
  COLLABORATION_UNAVAILABLE: 'COLLABORATION_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
