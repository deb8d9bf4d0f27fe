// The viewers of `npm run bench -- subscriptions`, run in a worker thread so the API's heap and event
// loop in the main thread are measured alone. Plain CommonJS: a worker cannot load TypeScript here.
const { parentPort, workerData } = require('node:worker_threads');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

const { url, sockets, perSocket, projectIds } = workerData;
const QUERY = 'subscription($p: ID!) { projectEvents(projectId: $p) { id type data } }';
const now = () => performance.timeOrigin + performance.now();
const total = sockets * perSocket;
let ready = 0;
let received = 0;
let failed = 0;
let latencies = [];
let waitingFor = null;
const clients = [];

function check() {
  if (waitingFor !== null && received >= waitingFor) {
    waitingFor = null;
    parentPort.postMessage({ type: 'reached', received });
  }
}

function subscribeAll(client, s) {
  for (let i = 0; i < perSocket; i++) {
    const projectId = projectIds[(s * perSocket + i) % projectIds.length];
    client.subscribe(
      { query: QUERY, variables: { p: projectId } },
      {
        next: (result) => {
          const event = result.data && result.data.projectEvents;
          if (!event) return void failed++;
          if (event.type !== 'bench') {
            // The backlog's first event: this subscription is live.
            if (++ready === total) parentPort.postMessage({ type: 'ready' });
            return;
          }
          latencies.push(now() - event.data.sentAt);
          received++;
          check();
        },
        error: (error) => {
          failed++;
          const detail = Array.isArray(error) ? JSON.stringify(error) : `${error.type || ''} ${error.code || ''} ${error.reason || error.message || ''}`;
          parentPort.postMessage({ type: 'error', message: detail.slice(0, 300) });
        },
        complete: () => undefined,
      },
    );
  }
}

// Sockets open in batches, each waiting for its connection_ack: a burst of hundreds of handshakes on a
// loaded machine would miss the server's 3 s connection_init deadline.
(async () => {
  for (let s = 0; s < sockets; s += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, sockets - s) }, (_, k) => {
        return new Promise((resolve) => {
          const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, on: { connected: resolve } });
          clients.push(client);
          subscribeAll(client, s + k);
        });
      }),
    );
  }
})();

setInterval(() => parentPort.postMessage({ type: 'progress', ready, failed }), 10_000).unref();

parentPort.on('message', async (message) => {
  if (message.type === 'waitFor') {
    waitingFor = message.n;
    check();
  } else if (message.type === 'take') {
    parentPort.postMessage({ type: 'latencies', latencies, received, failed });
    latencies = [];
  } else if (message.type === 'close') {
    await Promise.all(clients.map((c) => c.dispose()));
    parentPort.postMessage({ type: 'closed' });
  }
});
