// Liveblocks peers of `npm run bench -- coedit`, in a worker thread so the API's heap in the main thread is
// measured alone. Real `@liveblocks/client` + `@liveblocks/yjs` clients, as a browser's: through the app
// (`via: 'app'`: tokens from /liveblocks-auth, socket through its proxy) or straight to the Liveblocks dev
// server (`via: 'direct'`: tokens minted with the secret, the raw Yjs-over-Liveblocks baseline).
// Plain CommonJS: a worker cannot load TypeScript here.
const { parentPort, workerData } = require('node:worker_threads');
const { createClient } = require('@liveblocks/client');
const { Liveblocks } = require('@liveblocks/node');
const { getYjsProviderForRoom } = require('@liveblocks/yjs');
const WebSocket = require('ws');

const { appUrl, liveblocksUrl, secret } = workerData;
const now = () => performance.timeOrigin + performance.now();
const admin = new Liveblocks({ secret, baseUrl: liveblocksUrl });
const groups = new Map();
let seen = [];

async function until(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A socket with the Origin a browser on the app's page sends. */
function originSocket(origin) {
  return class extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { origin } });
    }
  };
}

function client(via, n) {
  if (via === 'app') {
    return createClient({
      baseUrl: appUrl,
      throttle: 16,
      polyfills: { WebSocket: originSocket(new URL(appUrl).origin) },
      authEndpoint: async (room) => {
        const res = await fetch(`${appUrl}/liveblocks-auth`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ room }),
        });
        if (!res.ok) throw new Error(`/liveblocks-auth answered ${res.status}: ${await res.text()}`);
        return res.json();
      },
    });
  }
  return createClient({
    baseUrl: liveblocksUrl,
    throttle: 16,
    polyfills: { WebSocket },
    authEndpoint: async (room) => {
      const session = admin.prepareSession(`bench-peer-${n}`, { userInfo: { name: `Peer ${n}`, color: '#555555' } });
      session.allow(room, session.FULL_ACCESS);
      return JSON.parse((await session.authorize()).body);
    },
  });
}

async function join(via, roomId, fileId, n) {
  const c = client(via, n);
  const { room, leave } = c.enterRoom(roomId, { initialPresence: {} });
  const provider = getYjsProviderForRoom(room);
  await until('the room to sync', () => provider.synced);
  const files = provider.getYDoc().getMap('files');
  await until(`file ${fileId} in the room`, () => files.has(fileId));
  const doc = files.get(fileId);
  doc.load();
  await until(`file ${fileId} to sync`, () => provider.subdocHandlers.get(fileId)?.synced === true);
  return { text: doc.getText('content'), canWrite: () => room.getSelf()?.canWrite ?? false, leave: () => (leave(), c.logout()) };
}

/** Each peer inserts `perPeer` characters at random places, a few ms apart; resolves when all texts agree. */
async function storm(peers, perPeer) {
  const start = now();
  const expected = peers[0].text.length + peers.length * perPeer;
  await Promise.all(
    peers.map(async (peer, i) => {
      for (let k = 0; k < perPeer; k++) {
        const text = peer.text;
        text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
        await new Promise((r) => setTimeout(r, 2 + Math.random() * 8));
      }
    }),
  );
  const sent = now();
  const agree = () => {
    const first = peers[0].text.toString();
    return first.length === expected && peers.every((p) => p.text.toString() === first);
  };
  await until('every peer to converge', agree, 60_000).catch((error) => {
    const lengths = peers.map((p) => `${p.text.length}${p.canWrite() ? '' : ' (read-only)'}`);
    throw new Error(`${error.message}: expected ${expected} characters, peers have ${lengths.join(', ')}`);
  });
  return { ms: now() - start, afterLastEditMs: now() - sent, length: expected };
}

/** Peer 0 types one character at a time; peer 1 sees each: the time between. */
async function latency(peers, samples) {
  const [a, b] = peers;
  const out = [];
  for (let i = 0; i < samples; i++) {
    const target = b.text.length + 1;
    const t0 = now();
    a.text.insert(a.text.length, 'x');
    await until('the keystroke to arrive', () => b.text.length >= target, 10_000);
    out.push(now() - t0);
    await new Promise((r) => setTimeout(r, 30));
  }
  return out;
}

const handlers = {
  async join({ id, via, roomId, fileId, count }) {
    const peers = [];
    // A few at a time, as people arrive.
    for (let i = 0; i < count; i += 5) {
      const batch = Array.from({ length: Math.min(5, count - i) }, (_, k) => join(via, roomId, fileId, i + k));
      peers.push(...(await Promise.all(batch)));
    }
    groups.set(id, peers);
    return {};
  },
  async latency({ id, samples }) {
    return { samples: await latency(groups.get(id), samples) };
  },
  async storm({ id, perPeer }) {
    return storm(groups.get(id), perPeer);
  },
  /** Records when peer 0 first sees each `@<marker>@` in the text (for writes made elsewhere). */
  async watch({ id }) {
    const text = groups.get(id)[0].text;
    seen = [];
    text.observe(() => {
      const at = now();
      for (const m of text.toString().matchAll(/@(\d+)@/g)) {
        if (!seen.some((s) => s.marker === m[1])) seen.push({ marker: m[1], at });
      }
    });
    return {};
  },
  async seen() {
    return { seen };
  },
  async leave({ id }) {
    for (const peer of groups.get(id) ?? []) peer.leave();
    groups.delete(id);
    return {};
  },
};

parentPort.on('message', async (message) => {
  try {
    const result = await handlers[message.type](message);
    parentPort.postMessage({ reply: message.seq, ...result });
  } catch (error) {
    parentPort.postMessage({ reply: message.seq, error: String(error && error.stack ? error.stack : error) });
  }
});
