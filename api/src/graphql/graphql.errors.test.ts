import { GraphQLError } from 'graphql';
import { ConcurrentLimitExceededError, RateLimitExceededError, refusal } from '../../../core/limits/limits.errors';
import { silentLogger } from '../../../test/harness';
import { createErrorFormatter } from './graphql.errors';

const format = createErrorFormatter(silentLogger);

function formatThrown(error: Error) {
  const wrapped = new GraphQLError(error.message, { path: ['sendMessage'], originalError: error });
  return format({ message: wrapped.message, path: wrapped.path }, wrapped);
}

it('maps a refused rate check to RATE_LIMIT_EXCEEDED with its context', () => {
  const resetAt = Date.UTC(2026, 0, 1, 12, 0, 30);
  const formatted = formatThrown(new RateLimitExceededError(refusal('messages:hourly', 50, resetAt, resetAt - 29_001)));
  expect(formatted).toEqual({
    path: ['sendMessage'],
    locations: undefined,
    message: expect.stringContaining('messages:hourly'),
    extensions: {
      code: 'RATE_LIMIT_EXCEEDED',
      retryAfter: 30,
      remaining: 0,
      resetAt: '2026-01-01T12:00:30.000Z',
      limit: 50,
      kind: 'messages:hourly',
    },
  });
});

it('maps a refused acquire to CONCURRENT_LIMIT_EXCEEDED', () => {
  const formatted = formatThrown(new ConcurrentLimitExceededError(refusal('agent-runs', 1, 10_000, 9_990)));
  expect(formatted.extensions).toEqual({
    code: 'CONCURRENT_LIMIT_EXCEEDED',
    retryAfter: 1,
    remaining: 0,
    resetAt: new Date(10_000).toISOString(),
    limit: 1,
    kind: 'agent-runs',
  });
});
