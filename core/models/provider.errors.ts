import type { ProviderId } from './model-types';

/**
 * How a vendor failure is treated. Retryable kinds fall back along the chain and count against the
 * breaker; the others fail fast (the request itself is wrong, or the key is).
 */
export type ProviderErrorKind =
  | 'rate_limited'
  | 'overloaded'
  | 'server'
  | 'timeout'
  | 'network'
  | 'auth'
  | 'invalid_request'
  | 'model_not_found'
  | 'content_filter';

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set(['rate_limited', 'overloaded', 'server', 'timeout', 'network']);

/** Thrown by an adapter when a vendor call fails; the vendor's own message stays server-side. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    readonly provider: ProviderId,
    readonly model: string,
    message: string,
    readonly status?: number,
    /** From the vendor's `retry-after` (or `retry-after-ms`) header, when it sent one. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Whether another attempt (here or on the next model in the chain) may succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** The kind an HTTP status means, the same for every vendor. */
export function kindOfStatus(status: number | undefined): ProviderErrorKind {
  if (status === undefined) return 'network';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'model_not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status === 503 || status === 529) return 'overloaded';
  if (status >= 500) return 'server';
  return 'invalid_request';
}

/** Milliseconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (Number.isFinite(Number(value))) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
