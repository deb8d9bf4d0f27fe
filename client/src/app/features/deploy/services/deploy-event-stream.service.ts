import { Injectable, InjectionToken, inject } from '@angular/core';
import { EventType } from '@contracts/events';
import {
  type Observable,
  Subject,
  catchError,
  defer,
  filter,
  map,
  merge,
  of,
  retry,
  startWith,
  switchMap,
  tap,
  throwError,
  timer,
} from 'rxjs';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { isTransient, toUserFacingError } from '../../../core/user-facing-error';
import { type DeployEvent, DeployApi } from './deploy-api.service';

/** Delay before re-subscribing after the n-th consecutive failure (n starts at 1). */
export const DEPLOY_STREAM_RETRY_DELAY = new InjectionToken<(attempt: number) => number>(
  'DEPLOY_STREAM_RETRY_DELAY',
  { providedIn: 'root', factory: () => (attempt) => Math.min(15_000, 500 * 2 ** (attempt - 1)) },
);

/** The event types the deployment pages follow. */
export const DEPLOY_EVENT_TYPES: ReadonlySet<string> = new Set([
  EventType.DEPLOY_CREATED,
  EventType.DEPLOY_STATUS,
  EventType.DEPLOY_LOG,
  EventType.DEPLOY_LIVE,
  EventType.DEPLOY_FAILED,
  EventType.DEPLOY_CANCELLED,
  EventType.DEPLOY_APP,
]);

export type DeployStreamState = 'connecting' | 'live' | 'reconnecting' | 'failed';
export type DeployStreamUpdate =
  | { readonly kind: 'event'; readonly event: DeployEvent }
  | { readonly kind: 'state'; readonly state: DeployStreamState };

/** A stream id for "from this moment": Redis stream ids are `<ms>-<seq>`. */
export function streamIdAt(iso: string, marginMs = 60_000): string {
  return `${Math.max(0, Date.parse(iso) - marginMs)}-0`;
}

/** The `deploymentId` an event names, if any. */
export function eventDeploymentId(event: DeployEvent): string | null {
  const data = event.data as { deploymentId?: unknown } | null;
  return typeof data?.deploymentId === 'string' ? data.deploymentId : null;
}

/**
 * A project's `deploy.*` events from `after` on, each once: re-subscribes from the newest id seen whenever
 * the socket reconnects or the subscription fails transiently (graphql-ws would resend the first `after`).
 */
@Injectable({ providedIn: 'root' })
export class DeployEventStream {
  private readonly api = inject(DeployApi);
  private readonly connection = inject(RealtimeConnection);
  private readonly retryDelay = inject(DEPLOY_STREAM_RETRY_DELAY);

  watch(projectId: string, after: string | null): Observable<DeployStreamUpdate> {
    return defer(() => {
      const seen = new Set<string>();
      let last = after;
      const retrying = new Subject<DeployStreamUpdate>();
      const live$ = this.connection.reconnected$.pipe(
        map(() => true),
        startWith(false),
        switchMap((reconnected) => {
          const events$ = defer(() => this.api.events(projectId, last)).pipe(
            filter((event) => {
              if (seen.has(event.id)) return false;
              seen.add(event.id);
              last = event.id;
              return DEPLOY_EVENT_TYPES.has(event.type);
            }),
            map((event): DeployStreamUpdate => ({ kind: 'event', event })),
          );
          return reconnected ? events$.pipe(startWith(LIVE)) : events$;
        }),
        retry({
          resetOnSuccess: true,
          delay: (error: unknown, attempt) => {
            if (!isTransient(toUserFacingError(error))) return throwError(() => error);
            retrying.next({ kind: 'state', state: 'reconnecting' });
            return timer(this.retryDelay(attempt)).pipe(tap(() => retrying.next(LIVE)));
          },
        }),
        catchError(() => of<DeployStreamUpdate>({ kind: 'state', state: 'failed' })),
      );
      const dropped$ = this.connection.dropped$.pipe(
        map((): DeployStreamUpdate => ({ kind: 'state', state: 'reconnecting' })),
      );
      return merge(retrying, dropped$, live$.pipe(startWith(LIVE)));
    });
  }
}

const LIVE: DeployStreamUpdate = { kind: 'state', state: 'live' };
