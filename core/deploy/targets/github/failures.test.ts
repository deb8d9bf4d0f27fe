import { graphqlFailure } from '../railway/railway-api';
import { networkFailure, statusFailure } from './failures';

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });

describe('provider failures', () => {
  it('treats GitHub’s 403 rate limit as a retryable 429, waiting until the reset', () => {
    const reset = String(Math.floor(Date.now() / 1000) + 30);
    const failure = statusFailure(
      'GitHub',
      'pushing',
      403,
      'API rate limit exceeded',
      headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }),
    );
    expect(failure).toMatchObject({ code: 'DEPLOY_PROVIDER_UNAVAILABLE', retryable: true });
    expect(failure.options.retryAfterMs).toBeGreaterThan(20_000);
  });

  it('keeps any other 403 a refused token', () => {
    expect(statusFailure('GitHub', 'pushing', 403, 'Resource not accessible by personal access token', headers({}))).toMatchObject({
      code: 'DEPLOY_TOKEN_REFUSED',
      retryable: false,
    });
  });

  it('maps Railway’s GraphQL error messages', () => {
    expect(graphqlFailure('x', 'Not Authorized')).toMatchObject({ code: 'DEPLOY_TOKEN_REFUSED' });
    expect(graphqlFailure('x', 'A project named "a" already exists')).toMatchObject({ code: 'DEPLOY_NAME_TAKEN' });
    expect(graphqlFailure('x', 'Rate limit exceeded')).toMatchObject({ code: 'DEPLOY_PROVIDER_UNAVAILABLE', retryable: true });
    expect(graphqlFailure('x', 'Problem processing request')).toMatchObject({ code: 'DEPLOY_PROVIDER_FAILED', retryable: false });
  });

  it('makes a connection failure retryable, unless the deployment was cancelled', () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
    expect(networkFailure('Render', 'listing', error)).toMatchObject({ code: 'DEPLOY_PROVIDER_UNAVAILABLE', retryable: true });
    const cancelled = new AbortController();
    cancelled.abort();
    expect(networkFailure('Render', 'listing', error, cancelled.signal)).toMatchObject({ code: 'DEPLOY_CANCELLED', retryable: false });
  });
});
