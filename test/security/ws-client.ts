/** graphql-ws clients for the security tests: a cookie on the upgrade, and one-shot operations. */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export type WsErrors = { message: string; extensions?: { code?: string; [key: string]: unknown } }[];

/** A client of `url` (ws://…/graphql) sending `cookie` on the upgrade, like a browser would. */
export function wsClient(url: string, cookie?: string): Client {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return createClient({ url, webSocketImpl: CookieSocket, retryAttempts: 0, lazy: true });
}

/** The first answer to an operation: the errors it was refused with, or the first data. */
export function firstAnswer(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<{ errors?: WsErrors; data?: unknown }> {
  return new Promise((resolve) => {
    const stop = client.subscribe(
      { query, variables },
      {
        next: (r) => {
          stop();
          resolve(r.errors ? { errors: r.errors as WsErrors } : { data: r.data });
        },
        error: (e) => resolve({ errors: Array.isArray(e) ? (e as WsErrors) : [{ message: String((e as { reason?: string }).reason ?? e) }] }),
        complete: () => resolve({}),
      },
    );
  });
}

/**
 * Starts a subscription and resolves once the server either refused it (its errors) or accepted it
 * (`accepted` after `settleMs` with nothing back, as a live subscription with no events stays quiet).
 */
export function subscribeAndSettle(client: Client, query: string, variables: Record<string, unknown>, settleMs = 300) {
  const received: { errors?: WsErrors; data?: unknown }[] = [];
  let completed = false;
  let onChange: () => void = () => undefined;
  const stop = client.subscribe(
    { query, variables },
    {
      next: (r) => {
        received.push(r.errors ? { errors: r.errors as WsErrors } : { data: r.data });
        onChange();
      },
      error: (e) => {
        received.push({ errors: Array.isArray(e) ? (e as WsErrors) : [{ message: String(e) }] });
        completed = true;
        onChange();
      },
      complete: () => {
        completed = true;
        onChange();
      },
    },
  );
  const settled = new Promise<'accepted' | WsErrors>((resolve) => {
    const timer = setTimeout(() => resolve('accepted'), settleMs);
    onChange = () => {
      const errors = received.find((r) => r.errors)?.errors;
      if (errors) {
        clearTimeout(timer);
        resolve(errors);
      }
    };
  });
  return { settled, received, stop, isCompleted: () => completed };
}
