import { Injectable, InjectionToken, inject } from '@angular/core';
import {
  type Observable,
  Subject,
  catchError,
  concat,
  defer,
  map,
  merge,
  mergeMap,
  of,
  retry,
  startWith,
  switchMap,
  tap,
  throwError,
  timer,
} from 'rxjs';
import { RealtimeConnection } from '../../../core/realtime-connection';
import {
  isTransient,
  toUserFacingError,
  type UserFacingError,
} from '../../../core/user-facing-error';
import type { ProjectEvent } from '../models/project.models';
import { ProjectsApi } from './projects-api.service';

/** Delay before re-subscribing after the n-th consecutive failure (n starts at 1). */
export const EVENT_STREAM_RETRY_DELAY = new InjectionToken<(attempt: number) => number>(
  'EVENT_STREAM_RETRY_DELAY',
  {
    providedIn: 'root',
    factory: () => (attempt) => Math.min(15_000, 500 * 2 ** (attempt - 1)),
  },
);

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'failed';

/** What a watcher of a project's events receives: new events (deduplicated, in order) or a state change. */
export type EventStreamUpdate =
  | { readonly kind: 'events'; readonly events: readonly ProjectEvent[] }
  | { readonly kind: 'state'; readonly state: StreamState; readonly error?: UserFacingError };

/** Compares Redis stream ids (`<ms>-<seq>`) numerically; plain string order breaks at digit-count changes. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}

/** Remembers which events were seen and the highest id, the cursor to resume after. */
class EventCursor {
  private readonly seen = new Set<string>();
  last: string | null = null;

  accept(event: ProjectEvent): boolean {
    if (this.seen.has(event.id)) return false;
    this.seen.add(event.id);
    if (this.last === null || compareStreamIds(event.id, this.last) > 0) this.last = event.id;
    return true;
  }
}

/**
 * A project's event history followed by its live events: loads `projectEventLog`, then subscribes to
 * `projectEvents` after the last id seen, and re-subscribes from the newest id whenever the socket
 * reconnects or the subscription fails transiently. Every event is delivered once.
 */
@Injectable({ providedIn: 'root' })
export class ProjectEventStream {
  private readonly api = inject(ProjectsApi);
  private readonly connection = inject(RealtimeConnection);
  private readonly retryDelay = inject(EVENT_STREAM_RETRY_DELAY);

  watch(projectId: string): Observable<EventStreamUpdate> {
    return defer(() => {
      const cursor = new EventCursor();
      const retrying = new Subject<EventStreamUpdate>();
      const eventsOf = (events: readonly ProjectEvent[]): EventStreamUpdate[] => {
        const fresh = events.filter((event) => cursor.accept(event));
        return fresh.length ? [{ kind: 'events', events: fresh }] : [];
      };

      // A failed log read is not fatal: the subscription replays everything after the cursor anyway.
      const history$ = this.api
        .eventLog(projectId)
        .pipe(mergeMap((r) => eventsOf(r.ok ? r.value : [])));

      const live$ = this.connection.reconnected$.pipe(
        map(() => true),
        startWith(false),
        switchMap((reconnected) => {
          const events$ = defer(() => this.api.events(projectId, cursor.last)).pipe(
            mergeMap((e) => eventsOf([e])),
          );
          return reconnected ? events$.pipe(startWith(LIVE)) : events$;
        }),
        retry({
          resetOnSuccess: true,
          delay: (error: unknown, attempt) => {
            const userError = toUserFacingError(error);
            if (!isTransient(userError)) return throwError(() => error);
            retrying.next({ kind: 'state', state: 'reconnecting', error: userError });
            return timer(this.retryDelay(attempt)).pipe(tap(() => retrying.next(LIVE)));
          },
        }),
        catchError((error: unknown) =>
          of<EventStreamUpdate>({
            kind: 'state',
            state: 'failed',
            error: toUserFacingError(error),
          }),
        ),
      );

      const dropped$ = this.connection.dropped$.pipe(map((): EventStreamUpdate => RECONNECTING));
      return merge(retrying, dropped$, concat(history$, of(LIVE), live$)).pipe(
        startWith(CONNECTING),
      );
    });
  }
}

const LIVE: EventStreamUpdate = { kind: 'state', state: 'live' };
const RECONNECTING: EventStreamUpdate = { kind: 'state', state: 'reconnecting' };
const CONNECTING: EventStreamUpdate = { kind: 'state', state: 'connecting' };
