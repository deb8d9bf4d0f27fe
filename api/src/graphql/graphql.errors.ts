import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '../../../contracts/errors';
import { QueryTooComplexError } from './limits';
import { CollaborationUnavailableError } from '../../../core/files/collab.service';
import { SubscriptionLimitExceededError } from './ws-guard';
import { FileOperationError } from '../../../core/files/file.errors';
import { AssistRefusedError } from '../../../core/assist/assist.errors';
import { ConcurrentLimitExceededError, QuotaExceededError, RateLimitExceededError } from '../../../core/limits/limits.errors';
import { ModelNotAvailableError } from '../../../core/models/models.errors';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ServiceUnavailableError,
  UnauthenticatedError,
  ValidationError,
} from '../../../core/shared/domain.errors';

/** Codes that describe the request itself; their messages are written for clients already. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The one place domain errors become GraphQL errors. Known errors keep a readable message and a code;
 * anything else is logged and replaced by a generic message, so internals never reach a user.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original = unwrapResolverError(error);
    // Errors raised outside resolvers (validation rules, the request window, graphql-ws hooks) arrive wrapped.
    while (original instanceof GraphQLError && original.originalError) original = original.originalError;
    const base = { path: formatted.path, locations: formatted.locations };
    if (original instanceof QueryTooComplexError) {
      const { code, measure, limit, actual } = original;
      return { ...base, message: original.message, extensions: { code, measure, limit, actual } };
    }
    if (original instanceof SubscriptionLimitExceededError) {
      return { ...base, message: original.message, extensions: { code: original.code, scope: original.scope, limit: original.limit } };
    }
    if (original instanceof ValidationError) {
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, field: original.fieldErrors[0]?.field, fieldErrors: original.fieldErrors },
      };
    }
    if (original instanceof UnauthenticatedError || original instanceof ForbiddenError || original instanceof ConflictError) {
      return { ...base, message: original.message, extensions: { code: original.code } };
    }
    if (original instanceof AssistRefusedError) {
      return { ...base, message: original.message, extensions: { ...original.details, code: original.code } };
    }
    if (original instanceof FileOperationError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...(original.path !== null ? { path: original.path } : {}) } };
    }
    if (original instanceof NotFoundError) {
      return { ...base, message: original.message, extensions: { code: original.code, resource: original.resource } };
    }
    if (original instanceof RateLimitExceededError || original instanceof ConcurrentLimitExceededError) {
      const { code, retryAfter, remaining, resetAt, limit, kind } = original;
      return {
        ...base,
        message: original.message,
        extensions: { code, retryAfter, remaining, resetAt: resetAt.toISOString(), limit, kind },
      };
    }
    if (original instanceof QuotaExceededError) {
      const { code, kind, limit, used, scope } = original;
      return { ...base, message: original.message, extensions: { code, kind, limit, used, scope } };
    }
    if (original instanceof ModelNotAvailableError) {
      return { ...base, message: original.message, extensions: { code: original.code, reason: original.reason } };
    }
    if (original instanceof CollaborationUnavailableError) {
      if (original.cause) logger.warn({ err: original.cause }, 'Liveblocks unavailable');
      return { ...base, message: original.message, extensions: { code: original.code } };
    }
    if (original instanceof ServiceUnavailableError) {
      logger.warn({ err: original.cause ?? original }, 'dependency unavailable');
      return { ...base, message: original.message, extensions: { code: original.code, service: original.service } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_CODES.has(code) && original instanceof GraphQLError) {
      return { ...base, message: formatted.message, extensions: { code } };
    }
    logger.error({ err: original }, 'unexpected error in a GraphQL operation');
    return {
      ...base,
      message: 'Something went wrong on our side. It has been logged; please try again.',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
