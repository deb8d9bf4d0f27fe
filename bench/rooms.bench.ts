/**
 * `npm run bench -- rooms [messages] [joiners] [rooms]`: coding rooms on the embedded stack (the API serving the
 * built client, Liveblocks dev server, the worker), each figure beside a baseline from the same run:
 * - a chat message typed in one Chromium page (Enter) until it shows in the other page, against the same message
 *   sent from Node over HTTP until a Node graphql-ws `roomEvents` subscriber has it;
 * - 50 people joining one room at once until the host's live stream has seen them all present, against 50
 *   concurrent reads of the room;
 * - the API's heap per room (3 people inside, each with a live `roomEvents` subscription, 10 messages), against
 *   the heap of the same process before.
 * Needs the client built (`npm run build -w client`) and Debian's Chromium.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { chromium, type Browser, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { User } from '../core/user/user.entity';
import { graphqlOver, type Gql } from '../test/graphql-http';
import { createStack, testLimits, type Stack } from '../test/harness';
import { testLiveblocks } from '../test/services';
import { CHROMIUM_ARGS } from '../test/e2e/browser';
import { printTable } from './stats';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const now = () => performance.timeOrigin + performance.now();
const heapMb = () => (gc(), process.memoryUsage().heapUsed / 2 ** 20);
const clientDist = resolve(__dirname, '../client/dist/client/browser');

const CREATE_PROJECT = 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }';
const CREATE_ROOM = 'mutation($i: CreateRoomInput!) { createRoom(input: $i) { id } }';
const JOIN = 'mutation($r: ID) { joinRoom(roomId: $r) { id presentCount } }';
const LEAVE = 'mutation($r: ID!) { leaveRoom(roomId: $r) }';
const ROOM = 'query($r: ID!) { room(id: $r) { id presentCount eventCursor } }';
const SEND = 'mutation($i: SendRoomMessageInput!) { sendRoomMessage(input: $i) { id } }';
const EVENTS = 'subscription($r: ID!, $a: String!) { roomEvents(roomId: $r, after: $a) { id type data } }';

type Person = { id: string; cookie: string };
type RoomEvent = { id: string; type: string; data: Record<string, unknown> | null };

/** A graphql-ws client that sends `person`'s session cookie, as a browser on the app's origin would. */
function wsAs(base: string, person: Person): WsClient {
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: person.cookie, origin: base } });
    }
  }
  return createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: CookieSocket, lazy: false, retryAttempts: 0 });
}

/** Follows a room's events from now; `onEvent` sees each. Returns the unsubscribe. */
async function follow(gql: Gql, ws: WsClient, person: Person, roomId: string, onEvent: (event: RoomEvent) => void): Promise<() => void> {
  const cursor = (await gql<{ room: { eventCursor: string } }>(person.cookie, ROOM, { r: roomId })).data!.room.eventCursor;
  return ws.subscribe<{ roomEvents: RoomEvent }>(
    { query: EVENTS, variables: { r: roomId, a: cursor } },
    { next: ({ data }) => data && onEvent(data.roomEvents), error: (e) => process.stderr.write(`roomEvents failed: ${JSON.stringify(e)}\n`), complete: () => undefined },
  );
}

async function must<T>(reply: Promise<{ data?: T | null; text: string }>): Promise<T> {
  const { data, text } = await reply;
  if (!data) throw new Error(text);
  return data;
}

async function setup(stack: Stack, gql: Gql, signUp: (name: string) => Promise<Person>) {
  const host = await signUp(`host-${Date.now()}`);
  await stack.db.orm.em.fork().nativeUpdate(User, { id: host.id }, { tier: 'enterprise' });
  const { createProject } = await must(gql<{ createProject: { id: string } }>(host.cookie, CREATE_PROJECT, { input: { name: 'Bench room project', framework: 'express' } }));
  const room = async (name: string, capacity = 60) =>
    (await must(gql<{ createRoom: { id: string } }>(host.cookie, CREATE_ROOM, { i: { projectId: createProject.id, name, visibility: 'public', capacity } }))).createRoom.id;
  return { host, projectId: createProject.id, room };
}

/** Chat, browser → browser, and its Node baseline. */
async function chat(base: string, gql: Gql, signUp: (name: string) => Promise<Person>, roomOf: (name: string) => Promise<string>, samples: number) {
  const [ada, bob] = [await signUp(`ada-${Date.now()}`), await signUp(`bob-${Date.now()}`)];
  const roomId = await roomOf('Chat bench');
  for (const p of [ada, bob]) await must(gql(p.cookie, JOIN, { r: roomId }));
  const browser: Browser = await chromium.launch({ executablePath: process.env.ATELIER_CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const rows = { browser: [] as number[], node: [] as number[] };
  try {
    const pages: Page[] = [];
    for (const p of [ada, bob]) {
      const context = await browser.newContext();
      const [name, value] = p.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/rooms/${roomId}`);
      await page.locator('[data-testid="chat-input"]').waitFor({ timeout: 60_000 });
      pages.push(page);
    }
    const [sender, receiver] = pages as [Page, Page];
    // The sender's Enter and the receiver's first sight of each message, on the one clock both pages share.
    await sender.evaluate(() => {
      const g = globalThis as unknown as { sent: Record<string, number>; document: { addEventListener(t: string, f: (e: { key: string; target: { value?: string } }) => void, c: boolean): void } };
      g.sent = {};
      g.document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target.value) g.sent[e.target.value] = performance.timeOrigin + performance.now(); }, true);
    });
    await receiver.evaluate(() => {
      const g = globalThis as unknown as { seen: Record<string, number>; MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void }; document: { body: unknown; querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } };
      g.seen = {};
      new g.MutationObserver(() => {
        const at = performance.timeOrigin + performance.now();
        for (const el of Array.from(g.document.querySelectorAll('[data-testid="chat-body"]'))) {
          const text = (el.textContent ?? '').trim();
          if (text.startsWith('bench-') && !(text in g.seen)) g.seen[text] = at;
        }
      }).observe(g.document.body, { childList: true, subtree: true, characterData: true });
    });
    const input = sender.locator('[data-testid="chat-input"]');
    for (let i = -3; i < samples; i++) {
      const text = `bench-${i + 3}-${Math.random().toString(36).slice(2, 7)}`;
      await input.fill(text);
      await input.press('Enter');
      await receiver.waitForFunction((t) => t in ((globalThis as unknown as { seen: Record<string, number> }).seen ?? {}), text, { timeout: 10_000 });
      if (i < 0) continue;
      const [sent, seen] = await Promise.all([
        sender.evaluate((t) => (globalThis as unknown as { sent: Record<string, number> }).sent[t]!, text),
        receiver.evaluate((t) => (globalThis as unknown as { seen: Record<string, number> }).seen[t]!, text),
      ]);
      rows.browser.push(seen - sent);
    }
    // Baseline: the same trip with no browsers, Node → HTTP → the room's stream → a Node subscriber.
    const ws = wsAs(base, bob);
    const waiting = new Map<string, (at: number) => void>();
    const stop = await follow(gql, ws, bob, roomId, (event) => {
      const body = (event.data as { body?: string } | null)?.body;
      if (event.type === 'message.created' && body) waiting.get(body)?.(now());
    });
    for (let i = -3; i < samples; i++) {
      const text = `node-${i}-${Math.random().toString(36).slice(2, 7)}`;
      const arrived = new Promise<number>((done) => waiting.set(text, done));
      const t0 = now();
      await must(gql(ada.cookie, SEND, { i: { roomId, body: text } }));
      const at = await arrived;
      if (i >= 0) rows.node.push(at - t0);
    }
    stop();
    await ws.dispose();
  } finally {
    await browser.close();
  }
  return rows;
}

/** `joiners` people joining one room at once, until the host's stream has seen each arrive; `rounds` times. */
async function joins(base: string, gql: Gql, signUp: (name: string) => Promise<Person>, host: Person, roomOf: (name: string) => Promise<string>, joiners: number, rounds: number) {
  const people: Person[] = [];
  for (let i = 0; i < joiners; i++) people.push(await signUp(`joiner-${i}-${Date.now()}`));
  const roomId = await roomOf('Join bench');
  const ws = wsAs(base, host);
  let joined = new Set<string>();
  let allIn: (() => void) | null = null;
  const stop = await follow(gql, ws, host, roomId, (event) => {
    if (event.type !== 'member.joined') return;
    const member = (event.data as { member?: { userId?: string }; userId?: string } | null) ?? {};
    joined.add(member.member?.userId ?? member.userId ?? event.id);
    if (joined.size >= joiners) allIn?.();
  });
  const rows = { present: [] as number[], lastReply: [] as number[], reads: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    joined = new Set();
    const everyone = new Promise<void>((done) => (allIn = done));
    const t0 = now();
    const replies = await Promise.all(people.map(async (p) => (await must(gql(p.cookie, JOIN, { r: roomId })), now())));
    await everyone;
    rows.present.push(now() - t0);
    rows.lastReply.push(Math.max(...replies) - t0);
    const r0 = now();
    await Promise.all(people.map((p) => must(gql(p.cookie, ROOM, { r: roomId }))));
    rows.reads.push(now() - r0);
    await Promise.all(people.map((p) => must(gql(p.cookie, LEAVE, { r: roomId }))));
  }
  stop();
  await ws.dispose();
  return rows;
}

/**
 * The API's heap for `count` live rooms, in two steps: the rooms themselves (3 people inside each, 10 messages),
 * then each person following each room live (a `roomEvents` subscription, watched by LiveAccess).
 */
async function memory(base: string, gql: Gql, signUp: (name: string) => Promise<Person>, roomOf: (name: string) => Promise<string>, host: Person, count: number) {
  const guests = [await signUp(`m1-${Date.now()}`), await signUp(`m2-${Date.now()}`)];
  const clients = [host, ...guests].map((p) => ({ p, ws: wsAs(base, p) }));
  const settle = () => new Promise((r) => setTimeout(r, 1_000));
  await settle();
  const before = heapMb();
  const roomIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const roomId = await roomOf(`Memory ${i}`);
    roomIds.push(roomId);
    for (const g of guests) await must(gql(g.cookie, JOIN, { r: roomId }));
    for (let m = 0; m < 10; m++) await must(gql(clients[m % 3]!.p.cookie, SEND, { i: { roomId, body: `message ${m} in room ${i}` } }));
  }
  await settle();
  const rooms = heapMb();
  const stops: Array<() => void> = [];
  for (const roomId of roomIds) for (const { p, ws } of clients) stops.push(await follow(gql, ws, p, roomId, () => undefined));
  await settle();
  const followed = heapMb();
  for (const stop of stops) stop();
  for (const { ws } of clients) await ws.dispose();
  return { before, rooms, followed, perRoomKb: ((rooms - before) * 1024) / count, perSubscriptionKb: ((followed - rooms) * 1024) / stops.length };
}

export async function run(args: string[]): Promise<void> {
  const [samples, joiners, rooms] = [Number(args[0] ?? 50), Number(args[1] ?? 50), Number(args[2] ?? 100)];
  /** Which parts to run (default all): chat, joins, memory. */
  const parts = new Set(args[3] ? args[3].split(',') : ['chat', 'joins', 'memory']);
  if (!existsSync(resolve(clientDist, 'index.html'))) throw new Error('Build the client first: npm run build -w client');
  // The memory run follows every room from the same three sockets: more than the default 50 per socket.
  const stack = await createStack({ clientDist, config: testLiveblocks(), limits: { ...testLimits, subscriptions: { perSocket: 1_000, perUser: 1_000 } } });
  await stack.startWorker();
  const base = await stack.app.listen(0, '127.0.0.1');
  const { gql, signUp: signUpNamed } = graphqlOver(base);
  const signUp = (name: string) => signUpNamed(name);
  try {
    const { host, room } = await setup(stack, gql, signUp);
    const chatRows = parts.has('chat') ? await chat(base, gql, signUp, room, samples) : { browser: [], node: [] };
    const joinRows = parts.has('joins') ? await joins(base, gql, signUp, host, room, joiners, 5) : { present: [], lastReply: [], reads: [] };
    const mem = parts.has('memory') ? await memory(base, gql, signUp, room, host, rooms) : null;
    printTable(`rooms: chat over ${samples} messages (after 3 warm-ups); ${joiners} joining at once, 5 rounds`, [
      { name: 'chat: Enter in a page -> shown in the other page', samples: chatRows.browser },
      { name: 'baseline: sendRoomMessage (HTTP) -> Node subscriber', samples: chatRows.node },
      { name: `${joiners} join at once -> host's stream saw all present`, samples: joinRows.present },
      { name: `${joiners} join at once -> last joinRoom reply`, samples: joinRows.lastReply },
      { name: `baseline: ${joiners} concurrent room reads`, samples: joinRows.reads },
    ]);
    if (mem)
      process.stdout.write(
        `\nAPI heap: ${mem.before.toFixed(1)} MB before; ${mem.rooms.toFixed(1)} MB with ${rooms} rooms (3 people inside each, ` +
          `10 messages): ${mem.perRoomKb.toFixed(1)} KB per room; ${mem.followed.toFixed(1)} MB with each person following each ` +
          `room live: ${mem.perSubscriptionKb.toFixed(1)} KB per roomEvents subscription\n`,
      );
  } finally {
    await stack.dispose();
  }
}
