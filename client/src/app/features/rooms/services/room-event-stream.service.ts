import { Injectable, InjectionToken, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import {
  type Observable,
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
  throwError,
  timer,
} from 'rxjs';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { isTransient, toUserFacingError } from '../../../core/user-facing-error';
import { RoomEventsDocument } from '../../../generated/rooms';
import { compareStreamIds } from '../../projects/services/project-event-stream.service';
import type { RoomEvent } from '../models/room-events';

/** Delay before re-subscribing after the n-th consecutive transient failure (n from 1). */
export const ROOM_EVENTS_RETRY_DELAY = new InjectionToken<(attempt: number) => number>(
  'ROOM_EVENTS_RETRY_DELAY',
  { providedIn: 'root', factory: () => (attempt) => Math.min(15_000, 500 * 2 ** (attempt - 1)) },
);

/** What a watcher receives: an event (once each, in order), or the stream's state. */
export type RoomStreamUpdate =
  | { readonly kind: 'event'; readonly event: RoomEvent }
  | { readonly kind: 'state'; readonly state: 'live' | 'reconnecting' | 'ended' | 'failed' };

/**
 * A room's live events after a cursor (`Room.eventCursor`): re-subscribes from the newest id seen when the
 * socket comes back or a transient failure passes. The server ends the subscription when the caller leaves
 * or is kicked: that is reported as `ended` (the page re-reads the room to learn which).
 */
@Injectable({ providedIn: 'root' })
export class RoomEventStream {
  private readonly apollo = inject(Apollo);
  private readonly connection = inject(RealtimeConnection);
  private readonly retryDelay = inject(ROOM_EVENTS_RETRY_DELAY);

  watch(roomId: string, after: string): Observable<RoomStreamUpdate> {
    return defer(() => {
      let last = after;
      const seen = new Set<string>();
      const accept = (event: RoomEvent): RoomStreamUpdate[] => {
        if (seen.has(event.id) || (last && compareStreamIds(event.id, last) <= 0)) return [];
        seen.add(event.id);
        last = event.id;
        return [{ kind: 'event', event }];
      };
      const events$ = defer(() => this.subscribe(roomId, last)).pipe(mergeMap(accept));
      const live$ = this.connection.reconnected$.pipe(
        map(() => true),
        startWith(false),
        switchMap((again) => concat(again ? of(LIVE) : of(), events$, of(ENDED))),
        retry({
          resetOnSuccess: true,
          delay: (error: unknown, attempt) =>
            isTransient(toUserFacingError(error)) ? timer(this.retryDelay(attempt)) : throwError(() => error),
        }),
      );
      const dropped$ = this.connection.dropped$.pipe(map(() => RECONNECTING));
      // A refusal (kicked, left, the room gone) is not retried: the page re-reads the room.
      return merge(dropped$, concat(of(LIVE), live$)).pipe(catchError(() => of(FAILED)));
    });
  }

  private subscribe(roomId: string, after: string): Observable<RoomEvent> {
    return this.apollo
      .subscribe({ query: RoomEventsDocument, variables: { roomId, after }, fetchPolicy: 'no-cache' })
      .pipe(
        map((result) => {
          if (result.error) throw result.error;
          const event = result.data?.roomEvents;
          if (!event) throw new Error('Subscription result without an event');
          return event;
        }),
      );
  }
}

const LIVE: RoomStreamUpdate = { kind: 'state', state: 'live' };
const RECONNECTING: RoomStreamUpdate = { kind: 'state', state: 'reconnecting' };
const ENDED: RoomStreamUpdate = { kind: 'state', state: 'ended' };
const FAILED: RoomStreamUpdate = { kind: 'state', state: 'failed' };
