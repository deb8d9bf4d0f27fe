import { InjectionToken } from '@angular/core';
import type { Client } from 'graphql-ws';
import { Observable, Subject } from 'rxjs';

/**
 * The WebSocket behind subscriptions, seen from features. graphql-ws re-sends a subscription with its
 * original variables after reconnecting; streams that resume from a cursor listen to `reconnected$` and
 * re-subscribe with their latest cursor instead.
 */
export abstract class RealtimeConnection {
  /** Emits each time the socket is re-established after a drop (not on the first connection). */
  abstract readonly reconnected$: Observable<void>;
  /** Emits each time the socket closes; graphql-ws then retries on its own while anything is subscribed. */
  abstract readonly dropped$: Observable<void>;
  /**
   * Drops the socket so the next one opens with the current session cookie (the server reads the
   * cookie once, at the handshake). Live subscriptions come back through `reconnected$`.
   */
  abstract restart(): void;
}

/** The graphql-ws client the composition root builds; lets tests and tools pass their own. */
export const GRAPHQL_WS_CLIENT = new InjectionToken<Client>('GRAPHQL_WS_CLIENT');

/** `RealtimeConnection` backed by a graphql-ws client's `connected` events. */
export class GraphqlWsConnection extends RealtimeConnection {
  private readonly reconnected = new Subject<void>();
  private readonly dropped = new Subject<void>();
  readonly reconnected$ = this.reconnected.asObservable();
  readonly dropped$ = this.dropped.asObservable();

  constructor(private readonly client: Client) {
    super();
    // Emitted synchronously inside graphql-ws before it re-sends pending subscriptions, so a listener
    // that unsubscribes here stops the stale re-send (graphql-ws checks `done` after connecting).
    client.on('connected', (_socket, _payload, wasRetry) => {
      if (wasRetry) this.reconnected.next();
    });
    client.on('closed', () => this.dropped.next());
  }

  /** `terminate()` closes at once with 4499, which graphql-ws retries; with no socket open it does nothing. */
  restart(): void {
    this.client.terminate();
  }
}
