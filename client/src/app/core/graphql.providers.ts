import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  type EnvironmentProviders,
  Injector,
  inject,
  makeEnvironmentProviders,
} from '@angular/core';
import { ApolloLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { createClient } from 'graphql-ws';
import { AuthSession } from './auth/auth-session.service';
import { unauthenticatedLink } from './auth/unauthenticated.link';
import { GRAPHQL_WS_CLIENT, GraphqlWsConnection, RealtimeConnection } from './realtime-connection';

/** Where the API lives; defaults to the page's own origin, which the API (or the dev proxy) serves. */
export interface GraphqlEndpoint {
  /** HTTP endpoint for queries and mutations. */
  readonly httpUrl: string;
  /** graphql-ws endpoint for subscriptions. */
  readonly wsUrl: string;
}

/** The same-origin endpoint: `/graphql` over HTTP(S) and WS(S). */
export function sameOriginEndpoint(location: Location): GraphqlEndpoint {
  const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return { httpUrl: '/graphql', wsUrl: `${wsProtocol}//${location.host}/graphql` };
}

/** Exponential backoff with jitter, capped at 15 s: a restarted API is found again within seconds. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
}

/**
 * Apollo with HTTP for queries and mutations and a reconnecting graphql-ws socket for subscriptions.
 * The session cookie rides along on both (same origin); an UNAUTHENTICATED answer anywhere sends the
 * visitor to log in.
 */
export function provideGraphql(endpoint: GraphqlEndpoint): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch()),
    {
      provide: GRAPHQL_WS_CLIENT,
      useFactory: () =>
        createClient({
          url: endpoint.wsUrl,
          lazy: true,
          // A dev tool should survive API restarts: keep retrying, whatever closed the socket.
          retryAttempts: Infinity,
          shouldRetry: () => true,
          retryWait: (retries) =>
            new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
        }),
    },
    {
      provide: RealtimeConnection,
      useFactory: () => new GraphqlWsConnection(inject(GRAPHQL_WS_CLIENT)),
    },
    provideApollo(() => {
      const http = inject(HttpLink).create({ uri: endpoint.httpUrl });
      const ws = new GraphQLWsLink(inject(GRAPHQL_WS_CLIENT));
      const isSubscription = ({ query }: ApolloLink.Operation) => {
        const definition = getMainDefinition(query);
        return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
      };
      // AuthSession needs Apollo itself, so it is looked up only when a refusal arrives.
      const injector = inject(Injector);
      const lapsed = unauthenticatedLink(() => void injector.get(AuthSession).handleUnauthenticated());
      return {
        link: ApolloLink.from([lapsed, ApolloLink.split(isSubscription, ws, http)]),
        cache: new InMemoryCache(),
      };
    }),
  ]);
}
