import { Injectable, InjectionToken, inject } from '@angular/core';
import { AssistEventType } from '@contracts/assist';
import { Apollo } from 'apollo-angular';
import { type Observable, catchError, defer, firstValueFrom, map, mergeMap, of, retry, takeWhile, throwError, timer } from 'rxjs';
import type { ApolloOutcome } from '../../../core/apollo-result';
import {
  AskAssistDocument,
  type AssistChatMessageViewFragment,
  AssistChatCapabilitiesDocument,
  type AssistChatCapabilitiesQuery,
  AssistChatStreamDocument,
  AssistChatThreadDocument,
  ClearAssistChatDocument,
} from '../../../generated/assist-chat';
import { compareStreamIds } from '../../projects/services/project-event-stream.service';
import { type AssistChatProblem, type AssistChatResult, toAssistChatProblem } from '../chat/assist-chat-error';

export type AssistChatMessage = AssistChatMessageViewFragment;
export type AssistCitationView = AssistChatMessage['citations'][number];
export type ChatAvailability = AssistChatCapabilitiesQuery['assistCapabilities']['chat'];

/** Messages per page of the thread. */
export const ASSIST_CHAT_PAGE = 50;

/** Delay before following a reply again after the n-th consecutive transient failure (n from 1). */
export const ASSIST_STREAM_RETRY_DELAY = new InjectionToken<(attempt: number) => number>('ASSIST_STREAM_RETRY_DELAY', {
  providedIn: 'root',
  factory: () => (attempt) => Math.min(10_000, 500 * 2 ** (attempt - 1)),
});

/** What following a reply yields: its text so far, what it is reading, and how it ended. */
export type ReplyUpdate =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'tool'; readonly label: string }
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly code: string | null; readonly message: string | null };

/** The project chat (`assistChat`, `askAssist`, `clearAssistChat`, `assistStream`); calls end in a result. */
@Injectable({ providedIn: 'root' })
export class AssistChatApi {
  private readonly apollo = inject(Apollo);
  private readonly retryDelay = inject(ASSIST_STREAM_RETRY_DELAY);

  /** The viewer's thread, oldest first; `before` pages back. */
  thread(projectId: string, before: string | null = null, limit = ASSIST_CHAT_PAGE) {
    return settle(
      this.apollo.query({ query: AssistChatThreadDocument, variables: { projectId, before, limit }, fetchPolicy: 'network-only' }),
      (d) => d.assistChat,
    );
  }

  capabilities(projectId: string) {
    return settle(
      this.apollo.query({ query: AssistChatCapabilitiesDocument, variables: { projectId }, fetchPolicy: 'network-only' }),
      (d) => d.assistCapabilities.chat,
    );
  }

  ask(projectId: string, message: string, roomId: string | null) {
    return settle(
      this.apollo.mutate({ mutation: AskAssistDocument, variables: { projectId, message, roomId } }),
      (d) => d.askAssist,
    );
  }

  clear(projectId: string) {
    return settle(this.apollo.mutate({ mutation: ClearAssistChatDocument, variables: { projectId } }), (d) => d.clearAssistChat);
  }

  /**
   * A reply's stream from its start: replayed, then live; ends after it is ready or failed. A dropped socket
   * follows again after the last event seen; a refusal ends in `failed` with the refusal's words.
   */
  follow(replyId: string): Observable<ReplyUpdate> {
    return defer(() => {
      let last: string | null = null;
      const fresh = (id: string) => {
        if (last && compareStreamIds(id, last) <= 0) return false;
        last = id;
        return true;
      };
      return defer(() => this.events(replyId, last)).pipe(
        retry({
          resetOnSuccess: true,
          delay: (error: unknown, attempt) =>
            toAssistChatProblem(error).code === 'NETWORK' ? timer(this.retryDelay(attempt)) : throwError(() => error),
        }),
        mergeMap((event) => (fresh(event.id) ? updateOf(event) : [])),
        takeWhile((update) => update.kind !== 'ready' && update.kind !== 'failed', true),
        catchError((error: unknown) => {
          const problem: AssistChatProblem = toAssistChatProblem(error);
          return of<ReplyUpdate>({ kind: 'failed', code: problem.code, message: problem.message });
        }),
      );
    });
  }

  private events(id: string, after: string | null) {
    return this.apollo.subscribe({ query: AssistChatStreamDocument, variables: { id, after }, fetchPolicy: 'no-cache' }).pipe(
      map((result) => {
        if (result.error) throw result.error;
        const event = result.data?.assistStream;
        if (!event) throw new Error('Subscription result without an event');
        return event;
      }),
    );
  }
}

function settle<D, T>(source: Observable<ApolloOutcome<D>>, pick: (data: D) => T | null | undefined): Promise<AssistChatResult<T>> {
  return firstValueFrom(
    source.pipe(
      map((outcome): AssistChatResult<T> => {
        if (outcome.error) return { ok: false, error: toAssistChatProblem(outcome.error) };
        const value = outcome.data ? pick(outcome.data) : undefined;
        return value == null ? { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } } : { ok: true, value };
      }),
      catchError((error: unknown) => of<AssistChatResult<T>>({ ok: false, error: toAssistChatProblem(error) })),
    ),
  );
}

interface StreamEvent {
  readonly type: string;
  readonly text: string | null;
  readonly data: unknown;
}

function updateOf(event: StreamEvent): ReplyUpdate[] {
  const data = (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  switch (event.type) {
    case AssistEventType.DELTA:
      return [{ kind: 'text', text: event.text ?? str(data['text']) ?? '' }];
    case AssistEventType.TOOL:
      return [{ kind: 'tool', label: toolLabel(str(data['tool']), data['args']) }];
    case AssistEventType.READY:
      return [{ kind: 'ready' }];
    case AssistEventType.FAILED:
      return [{ kind: 'failed', code: str(data['code']), message: str(data['message']) }];
    default:
      return [];
  }
}

/** "reading src/a.ts…", "searching for “useAuth”…", "listing src/…". */
export function toolLabel(tool: string | null, args: unknown): string {
  const a = (args && typeof args === 'object' ? args : {}) as Record<string, unknown>;
  const path = typeof a['path'] === 'string' && a['path'] ? a['path'] : null;
  if (tool === 'read_file') return path ? `reading ${path}…` : 'reading a file…';
  if (tool === 'list_files') return path ? `listing ${path}…` : 'listing the files…';
  if (tool === 'search') {
    const query = typeof a['query'] === 'string' ? a['query'] : '';
    return query ? `searching for “${query.slice(0, 60)}”${path ? ` in ${path}` : ''}…` : 'searching…';
  }
  return 'reading the project…';
}
