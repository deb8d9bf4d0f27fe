/**
 * A small client of Render's REST API (`https://api.render.com/v1`): bearer auth, JSON both ways, Render's
 * error body `{ id, message }` mapped through `statusFailure` (401/403 token refused, 409 name taken, 429/5xx
 * retryable with Retry-After).
 */
import type { DeployFailure } from '../target';
import { networkFailure, requestSignal, statusFailure } from '../github/failures';

export interface RenderService {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly type: string;
  readonly repo?: string | null;
  readonly branch?: string | null;
  readonly suspended?: string;
  readonly serviceDetails?: { readonly url?: string | null };
}

export interface RenderDeploy {
  readonly id: string;
  readonly status: string;
  readonly commit?: { readonly id: string; readonly message?: string } | null;
  readonly createdAt?: string;
}

export interface RenderLog {
  readonly id: string;
  readonly message: string;
  readonly timestamp: string;
  readonly labels?: readonly { readonly name: string; readonly value: string }[];
}

export class RenderApi {
  constructor(
    private readonly base: string,
    private readonly fetchImpl: typeof fetch,
    private readonly token: string,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * One call; `tolerate` lists statuses answered as null instead of failing (404 for "gone", or the 4xx of a
   * cancel that came too late).
   */
  async call<T>(method: string, path: string, what: string, body?: unknown, tolerate: readonly number[] = []): Promise<T | null> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base.replace(/\/$/, '')}/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: requestSignal(this.signal),
      });
    } catch (error) {
      throw networkFailure('Render', what, error, this.signal);
    }
    const text = await response.text();
    if (response.ok) return (text ? JSON.parse(text) : null) as T | null;
    if (tolerate.includes(response.status)) return null;
    throw this.failure(what, response, text);
  }

  private failure(what: string, response: Response, text: string): DeployFailure {
    let detail = text.slice(0, 300);
    try {
      detail = String((JSON.parse(text) as { message?: unknown }).message ?? detail);
    } catch {
      // Not JSON: keep the text.
    }
    return statusFailure('Render', what, response.status, detail, response.headers);
  }
}
