import { Injectable, InjectionToken, inject } from '@angular/core';
import { ASSIST_LIMITS } from '@contracts/assist';
import type {
  InlineCompletionQuery,
  InlineCompletionSource,
} from '../../workspace/editor/live-editor-engine';

/** The route that answers a completion (api/src/http/assist/complete.route.ts). */
export const COMPLETE_URL = '/api/assist/complete';

/** The browser's `fetch`; tests answer completions through a fake. */
export const COMPLETION_FETCH = new InjectionToken<typeof fetch>('COMPLETION_FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => fetch(input, init),
});

/** How long after the last keystroke a completion is asked for. */
export const COMPLETION_DEBOUNCE_MS = new InjectionToken<number>('COMPLETION_DEBOUNCE_MS', {
  providedIn: 'root',
  factory: () => ASSIST_LIMITS.completionDebounceMs,
});

/** Why the last completion gave nothing (a refusal the status line shows), or null. */
export interface CompletionRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * Ghost text from `POST /api/assist/complete`: each request waits the debounce first, and the editor's
 * abort (the person typed on) cancels the wait or the request in flight, so the vendor call stops too.
 */
@Injectable({ providedIn: 'root' })
export class InlineCompletions {
  private readonly fetch = inject(COMPLETION_FETCH);
  private readonly debounceMs = inject(COMPLETION_DEBOUNCE_MS);

  /** A source for one project's editor; `refused` hears why a completion was refused (429, 503 …), null once one is answered. */
  source(
    projectId: string,
    refused: (why: CompletionRefusal | null) => void = () => undefined,
  ): InlineCompletionSource {
    return (query, signal) => this.complete(projectId, query, signal, refused);
  }

  private async complete(
    projectId: string,
    query: InlineCompletionQuery,
    signal: AbortSignal,
    refused: (why: CompletionRefusal | null) => void,
  ): Promise<string | null> {
    if (!(await pause(this.debounceMs, signal))) return null;
    const body = {
      projectId,
      path: query.path,
      language: query.language,
      prefix: query.prefix.slice(-ASSIST_LIMITS.completionPrefixMax),
      suffix: query.suffix.slice(0, ASSIST_LIMITS.completionSuffixMax),
    };
    try {
      const response = await this.fetch(COMPLETE_URL, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
      const data = (await response.json().catch(() => ({}))) as {
        text?: unknown;
        error?: { code?: unknown; message?: unknown };
      };
      if (!response.ok) {
        const code =
          typeof data.error?.code === 'string' ? data.error.code : `HTTP_${response.status}`;
        const message = typeof data.error?.message === 'string' ? data.error.message : '';
        refused({ status: response.status, code, message });
        return null;
      }
      refused(null);
      return typeof data.text === 'string' && data.text.length > 0 && !signal.aborted
        ? data.text
        : null;
    } catch {
      // Aborted (typed on) or the network: no ghost text, nothing to tell.
      return null;
    }
  }
}

/** Waits `ms`; false when `signal` aborted first. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      resolve(ok);
    };
    const aborted = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', aborted);
  });
}
