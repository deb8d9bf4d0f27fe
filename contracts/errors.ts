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
  /** An editor action that needs a selection got an empty one. */
  ASSIST_EMPTY_SELECTION: 'ASSIST_EMPTY_SELECTION',
  /** The file (or selection) is larger than the model's context window; `extensions` carry tokens and the limit. */
  ASSIST_CONTEXT_TOO_LARGE: 'ASSIST_CONTEXT_TOO_LARGE',
  /** The proposal no longer applies: the file changed under it on the lines it touches. */
  ASSIST_STALE: 'ASSIST_STALE',
  /** The request was already accepted, rejected, failed or cancelled. */
  ASSIST_DECIDED: 'ASSIST_DECIDED',
  /** The model answered a changing action without a usable edit (no code block, or a diff that does not apply). */
  ASSIST_NO_EDIT: 'ASSIST_NO_EDIT',
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
  /** A room that does not exist, or one the caller may not see (the same answer). */
  ROOM_NOT_FOUND: 'ROOM_NOT_FOUND',
  /** The room holds its capacity of people; those inside are unaffected. */
  ROOM_FULL: 'ROOM_FULL',
  /** The host locked the room: no new joins. */
  ROOM_LOCKED: 'ROOM_LOCKED',
  /** The room has a password and none was given. */
  ROOM_PASSWORD_REQUIRED: 'ROOM_PASSWORD_REQUIRED',
  ROOM_PASSWORD_INVALID: 'ROOM_PASSWORD_INVALID',
  /** Too many wrong passwords from this address or for this room: wait and try again. */
  ROOM_PASSWORD_ATTEMPTS: 'ROOM_PASSWORD_ATTEMPTS',
  /** The caller's room role does not allow the action (a viewer typing, a participant kicking). */
  ROOM_FORBIDDEN: 'ROOM_FORBIDDEN',
  /** The caller was removed from the room by its host or a moderator. */
  ROOM_KICKED: 'ROOM_KICKED',
  /** A moderator muted the caller in this room's chat. */
  ROOM_MUTED: 'ROOM_MUTED',
  /** The room is archived: reopen it first. */
  ROOM_ARCHIVED: 'ROOM_ARCHIVED',
  /** An invite link that is unknown, expired, used up or revoked. */
  ROOM_INVITE_INVALID: 'ROOM_INVITE_INVALID',
  /** A chat message or snippet over its size limit. */
  MESSAGE_TOO_LONG: 'MESSAGE_TOO_LONG',
  /** Deployments (contracts/deploy.ts). The install or build script failed; the logs say why, nothing went live. */
  DEPLOY_BUILD_FAILED: 'DEPLOY_BUILD_FAILED',
  /** The project's tests failed and the deployment did not override them. */
  DEPLOY_TESTS_FAILED: 'DEPLOY_TESTS_FAILED',
  /** The target needs a provider token and none is stored for the project's owner. */
  DEPLOY_TOKEN_MISSING: 'DEPLOY_TOKEN_MISSING',
  /** The provider refused the stored token (401/403). */
  DEPLOY_TOKEN_REFUSED: 'DEPLOY_TOKEN_REFUSED',
  /** The provider kept answering 429 or 5xx after every retry. */
  DEPLOY_PROVIDER_UNAVAILABLE: 'DEPLOY_PROVIDER_UNAVAILABLE',
  /** The provider rejected the deployment (its build failed, a bad request). */
  DEPLOY_PROVIDER_FAILED: 'DEPLOY_PROVIDER_FAILED',
  /** The deployed app never answered its health check; the previous deployment stays live. */
  DEPLOY_UNHEALTHY: 'DEPLOY_UNHEALTHY',
  /** The name (project, site, repository, service) is taken at the provider by someone else. */
  DEPLOY_NAME_TAKEN: 'DEPLOY_NAME_TAKEN',
  /** Another deployment of the project to the same target is still running. */
  DEPLOY_IN_PROGRESS: 'DEPLOY_IN_PROGRESS',
  /** The deployment cannot be rolled back to (it never went live, or belongs to another target). */
  DEPLOY_ROLLBACK_INVALID: 'DEPLOY_ROLLBACK_INVALID',
  /** The target is unknown or turned off on this platform. */
  DEPLOY_TARGET_UNAVAILABLE: 'DEPLOY_TARGET_UNAVAILABLE',
  /** The deployment was cancelled. */
  DEPLOY_CANCELLED: 'DEPLOY_CANCELLED',
  /** Billing (contracts/billing.ts). Billing is off on this server (no Razorpay keys): everyone is on the free tier. */
  PAYMENT_BILLING_OFF: 'PAYMENT_BILLING_OFF',
  /** A payment's signature did not verify (a forged or altered callback); nothing changed. */
  PAYMENT_SIGNATURE_INVALID: 'PAYMENT_SIGNATURE_INVALID',
  /** Razorpay does not know the payment, or it belongs to another order or subscription. */
  PAYMENT_NOT_FOUND: 'PAYMENT_NOT_FOUND',
  /** The payment was declined or is not captured; the message says what the bank said. */
  PAYMENT_FAILED: 'PAYMENT_FAILED',
  /** Razorpay could not be reached or kept failing; try again shortly, nothing was charged twice. */
  PAYMENT_PROVIDER_UNAVAILABLE: 'PAYMENT_PROVIDER_UNAVAILABLE',
  /** A billing detail the user entered is invalid (GSTIN, state, country, amount). */
  PAYMENT_DETAILS_INVALID: 'PAYMENT_DETAILS_INVALID',
  /** The invoice or credit note does not exist or is not the caller's. */
  PAYMENT_INVOICE_NOT_FOUND: 'PAYMENT_INVOICE_NOT_FOUND',
  /** No such subscription, or not one the caller may manage. */
  SUBSCRIPTION_NOT_FOUND: 'SUBSCRIPTION_NOT_FOUND',
  /** The account or team already has a live subscription: change its plan instead. */
  SUBSCRIPTION_EXISTS: 'SUBSCRIPTION_EXISTS',
  /** The plan id is unknown, free, or not a change (the same plan). */
  SUBSCRIPTION_PLAN_INVALID: 'SUBSCRIPTION_PLAN_INVALID',
  /** The action does not fit the subscription's status (resume an active one, pause a cancelled one). */
  SUBSCRIPTION_STATE_INVALID: 'SUBSCRIPTION_STATE_INVALID',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
