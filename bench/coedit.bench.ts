/**
 * `npm run bench -- coedit [samples]`: live co-editing on the embedded stack (the API serving the built
 * client, its Liveblocks proxy, the dev server), each figure beside a raw Yjs-over-Liveblocks baseline from
 * the same run (real Liveblocks clients in Node, straight to the dev server):
 * - a keystroke typed in one Chromium page until the other page's document has it;
 * - an agent's write (`LiveDocs.update`, what `write_file` does) until a page has it;
 * - 20 concurrent editors of one file (Node peers through the app, a worker thread) until all agree, and
 *   the API's heap meanwhile;
 * - opening a project of 500 files / 5 MB until its first file is editable.
 * Needs the client built (`npm run build -w client`) and Debian's Chromium.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoomId } from '../contracts/collab';
import type { LiveDocs } from '../core/files/live-docs';
import { Y } from '../core/files/yjs';
import { Project, ProjectFile } from '../core/project/project.entity';
import { LOCAL_USER_ID, User } from '../core/user/user.entity';
import { changeTimes, exposeRoom, keyTimes, markerTimes, recordChanges, recordKeys } from '../test/e2e/coedit-page';
import { createStack, type Stack } from '../test/harness';
import { testLiveblocks } from '../test/services';
import { CHROMIUM_ARGS } from '../test/e2e/browser';
import { printTable, type Row } from './stats';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const now = () => performance.timeOrigin + performance.now();
const heapMb = () => (gc(), process.memoryUsage().heapUsed / 2 ** 20);
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const clientDist = resolve(__dirname, '../client/dist/client/browser');
const AGENT = { kind: 'agent' as const, id: 'coder', name: 'The coder' };

/** Request/reply over the peers' worker thread. */
function peers(appUrl: string) {
  const { LIVEBLOCKS_BASE_URL, LIVEBLOCKS_SECRET_KEY } = testLiveblocks();
  const worker = new Worker(join(__dirname, 'coedit-peers.cjs'), {
    workerData: { appUrl, liveblocksUrl: LIVEBLOCKS_BASE_URL, secret: LIVEBLOCKS_SECRET_KEY },
  });
  let seq = 0;
  const ask = <T>(message: Record<string, unknown>): Promise<T> =>
    new Promise((ok, fail) => {
      const id = ++seq;
      const on = (reply: { reply: number; error?: string } & T) => {
        if (reply.reply !== id) return;
        worker.off('message', on);
        if (reply.error) fail(new Error(reply.error));
        else ok(reply);
      };
      worker.on('message', on);
      worker.postMessage({ ...message, seq: id });
    });
  return { ask, stop: () => worker.terminate() };
}

async function seedProject(
  stack: Stack,
  name: string,
  files: { path: string; content: string }[],
): Promise<{ projectId: string; fileIds: string[] }> {
  const em = stack.db.orm.em.fork();
  const project = em.create(Project, { owner: em.getReference(User, LOCAL_USER_ID), name, framework: 'express', status: 'READY' });
  const rows = files.map((f) =>
    em.create(ProjectFile, { project, path: f.path, content: f.content, language: 'typescript', size: Buffer.byteLength(f.content) }),
  );
  await em.flush();
  return { projectId: project.id, fileIds: rows.map((r) => r.id) };
}

const source = (lines: number) =>
  Array.from({ length: lines }, (_, i) => `export const value${i} = ${i}; // line ${i + 1} of the file\n`).join('');

/** A fresh browser context (another person) on the workspace; resolves once the file is editable. */
async function openEditable(browser: Browser, baseUrl: string, projectId: string, path: string): Promise<{ page: Page; ms: number }> {
  const context = await browser.newContext();
  await exposeRoom(context);
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${baseUrl}/projects/${projectId}/code?file=${encodeURIComponent(path)}`);
  await page.locator('[data-testid="live-editor"][data-mode="live"][data-read-only="false"]').waitFor({ timeout: 60_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  return { page, ms: Date.now() - t0 };
}

/** Page A's keystrokes (keydown times) against page B's document changes (observer times). */
async function keystrokes(a: Page, b: Page, fileId: string, samples: number): Promise<number[]> {
  await recordChanges(b, fileId);
  await recordKeys(a);
  await a.locator('.monaco-editor .view-lines').first().click();
  await a.keyboard.press('Control+End');
  for (let i = 0; i < samples; i++) {
    await a.keyboard.type('k');
    for (let k = 0; (await changeTimes(b)).length <= i; k++) {
      if (k > 2000) throw new Error('a keystroke never reached the other page');
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 40));
  }
  const keys = await keyTimes(a);
  const seen = await changeTimes(b);
  return keys.slice(-samples).map((t, i) => seen[i]! - t);
}

/** Agent writes at the end of the file; the page's document sees each marker. */
async function agentWrites(live: LiveDocs, b: Page, projectId: string, fileId: string, samples: number): Promise<number[]> {
  await recordChanges(b, fileId);
  const sent: number[] = [];
  for (let i = 0; i < samples; i++) {
    sent.push(now());
    await live.update(projectId, fileId, '', (current) => ({ text: `${current}// agent @${i}@\n` }), { ...AGENT, path: 'src/app.ts' });
    for (let k = 0; (await markerTimes(b))[String(i)] === undefined; k++) {
      if (k > 2000) throw new Error('an agent write never reached the page');
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  const markers = await markerTimes(b);
  return sent.map((t, i) => markers[String(i)]! - t);
}

/** Raw writes' markers start here, apart from the agent writes' in the same file. */
const RAW = 100_000;

/** The baseline of an agent write: a ready delta sent over REST, seen by a Node client on the dev server. */
async function rawRestWrites(
  live: LiveDocs,
  ask: ReturnType<typeof peers>['ask'],
  projectId: string,
  fileId: string,
  samples: number,
): Promise<number[]> {
  await ask({ type: 'watch', id: 'rest' });
  const sent: number[] = [];
  for (let i = 0; i < samples; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await live.client.getYjsDocumentAsBinaryUpdate(projectRoomId(projectId), { guid: fileId })));
    const before = Y.encodeStateVector(doc);
    const text = doc.getText('content');
    text.insert(text.length, `// raw @${RAW + i}@\n`);
    const update = Y.encodeStateAsUpdate(doc, before);
    sent.push(now());
    await live.client.sendYjsBinaryUpdate(projectRoomId(projectId), update, { guid: fileId });
    for (let k = 0; k < 500; k++) {
      const { seen } = await ask<{ seen: { marker: string }[] }>({ type: 'seen' });
      if (seen.some((s) => s.marker === String(RAW + i))) break;
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  const { seen } = await ask<{ seen: { marker: string; at: number }[] }>({ type: 'seen' });
  return sent.map((t, i) => seen.find((s) => s.marker === String(RAW + i))!.at - t);
}

/** What each part of the bench works with. */
interface Bench {
  stack: Stack;
  live: LiveDocs;
  baseUrl: string;
  browser: Browser;
  ask: ReturnType<typeof peers>['ask'];
  samples: number;
  rows: Row[];
  notes: string[];
}

/** 1 and 2. Keystrokes browser → browser, and agent writes → browser, each beside Node peers on the dev server. */
async function measureLatencies(b: Bench, parts: Set<string>): Promise<void> {
  const { projectId, fileIds } = await seedProject(b.stack, 'Bench coedit', [{ path: 'src/app.ts', content: source(40) }]);
  const fileId = fileIds[0]!;
  const room = projectRoomId(projectId);
  const writer = await openEditable(b.browser, b.baseUrl, projectId, 'src/app.ts');
  const watcher = await openEditable(b.browser, b.baseUrl, projectId, 'src/app.ts');
  if (parts.has('keys')) {
    b.rows.push({
      name: 'keystroke, browser → browser (through the API proxy)',
      samples: await keystrokes(writer.page, watcher.page, fileId, b.samples),
    });
    await b.ask({ type: 'join', id: 'pair', via: 'direct', roomId: room, fileId, count: 2 });
    const { samples } = await b.ask<{ samples: number[] }>({ type: 'latency', id: 'pair', samples: b.samples });
    b.rows.push({ name: 'baseline: keystroke, Node peer → Node peer, straight to Liveblocks', samples });
    await b.ask({ type: 'leave', id: 'pair' });
  }
  if (parts.has('agent')) {
    b.rows.push({
      name: 'agent write (LiveDocs.update) → browser document',
      samples: await agentWrites(b.live, watcher.page, projectId, fileId, b.samples),
    });
    await b.ask({ type: 'join', id: 'rest', via: 'direct', roomId: room, fileId, count: 1 });
    b.rows.push({
      name: 'baseline: raw REST Yjs update → Node peer',
      samples: await rawRestWrites(b.live, b.ask, projectId, fileId, b.samples),
    });
    await b.ask({ type: 'leave', id: 'rest' });
  }
  await writer.page.context().close();
  await watcher.page.context().close();
}

/**
 * 3. 20 editors of one file through the app (API heap meanwhile), then the same straight to Liveblocks. Each
 * round edits a fresh file: the dev server (liveblocks CLI 1.9.0) stops relaying a document's updates after
 * its 1,000th (its compaction deletes the stored updates in one SQL statement capped at 512 parameters).
 */
async function measureStorm(b: Bench, editors = 20, rounds = 3, perPeer = 25): Promise<void> {
  const files = Array.from({ length: rounds * 2 }, (_, i) => ({ path: `src/shared-${i}.ts`, content: source(60) }));
  const storm = await seedProject(b.stack, 'Bench storm', files);
  for (const [i, fileId] of storm.fileIds.entries()) await b.live.ensure(storm.projectId, fileId, files[i]!.content);
  const roomId = projectRoomId(storm.projectId);
  const run = async (via: 'app' | 'direct', fileIds: string[]) => {
    const results: { ms: number; afterLastEditMs: number }[] = [];
    let joined = 0;
    for (const [round, fileId] of fileIds.entries()) {
      await b.ask({ type: 'join', id: via, via, roomId, fileId, count: editors });
      if (round === 0) joined = heapMb();
      results.push(await b.ask({ type: 'storm', id: via, perPeer }));
      await b.ask({ type: 'leave', id: via });
    }
    return { results, joined, after: heapMb() };
  };
  const heapBefore = heapMb();
  const rssBefore = rssMb();
  const app = await run('app', storm.fileIds.slice(0, rounds));
  const rssAfter = rssMb();
  const direct = await run('direct', storm.fileIds.slice(rounds));
  const label = `${editors} editors × ${perPeer} edits`;
  b.rows.push({ name: `${label}, through the API: start → converged`, samples: app.results.map((r) => r.ms) });
  b.rows.push({ name: '  … last edit sent → all converged', samples: app.results.map((r) => r.afterLastEditMs) });
  b.rows.push({ name: `baseline: ${label}, straight to Liveblocks: start → converged`, samples: direct.results.map((r) => r.ms) });
  b.rows.push({ name: '  … last edit sent → all converged', samples: direct.results.map((r) => r.afterLastEditMs) });
  b.notes.push(
    `API process (main thread; the peers run in a worker thread): heap ${heapBefore.toFixed(1)} MB before, ${app.joined.toFixed(1)} MB with ${editors} editors joined through it, ${app.after.toFixed(1)} MB after ${rounds} rounds (after GC); ${direct.after.toFixed(1)} MB after the direct rounds. Process RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB.`,
  );
}

/** 4. A project of 500 files / 5 MB: navigation until a file is editable (fresh contexts), beside a Node peer. */
async function measureOpening(b: Bench, opens = 5): Promise<void> {
  const path = (i: number) => `src/module-${String(i).padStart(3, '0')}.ts`;
  const big = await seedProject(
    b.stack,
    'Bench 500 files',
    Array.from({ length: 500 }, (_, i) => ({ path: path(i), content: source(200) })),
  );
  const browserMs: number[] = [];
  for (let i = 0; i < opens; i++) {
    const { page, ms } = await openEditable(b.browser, b.baseUrl, big.projectId, path(i * 97));
    browserMs.push(ms);
    await page.context().close();
  }
  b.rows.push({ name: '500 files / 5 MB: navigate → first file editable (fresh context)', samples: browserMs });
  // The same page and file on a one-file project: what the project's size adds.
  const small = await seedProject(b.stack, 'Bench 1 file', [{ path: path(0), content: source(200) }]);
  const smallMs: number[] = [];
  for (let i = 0; i < opens; i++) {
    const { page, ms } = await openEditable(b.browser, b.baseUrl, small.projectId, path(0));
    smallMs.push(ms);
    await page.context().close();
  }
  b.rows.push({ name: '  the same on a 1-file project', samples: smallMs });
  const peerMs: number[] = [];
  for (let i = 0; i < opens; i++) {
    const fileId = big.fileIds[i * 97 + 1]!;
    const t0 = now();
    await b.live.ensure(big.projectId, fileId, source(200));
    await b.ask({ type: 'join', id: `big${i}`, via: 'direct', roomId: projectRoomId(big.projectId), fileId, count: 1 });
    peerMs.push(now() - t0);
    await b.ask({ type: 'leave', id: `big${i}` });
  }
  b.rows.push({ name: 'baseline: register + seed (REST) → Node peer joined, file loaded', samples: peerMs });
  const [{ bytes }] = await b.stack.db.orm.em
    .fork()
    .getConnection()
    .execute<[{ bytes: string }]>('select sum(size) as bytes from project_files where project_id = ?', [big.projectId]);
  b.notes.push(`The big project holds 500 files, ${(Number(bytes) / 1e6).toFixed(1)} MB; only the opened file gets a live document.`);
}

/** `npm run bench -- coedit [samples] [parts]`: parts is a comma list of keys, agent, storm, open (all by default). */
export async function run(args: string[]): Promise<void> {
  const samples = Number(args[0] ?? 40);
  const parts = new Set((args[1] ?? 'keys,agent,storm,open').split(','));
  if (!existsSync(join(clientDist, 'index.html'))) throw new Error('Build the client first: npm run build -w client');
  const stack = await createStack({ clientDist, config: testLiveblocks() });
  const live = stack.live;
  if (!live) throw new Error('The coedit bench needs Liveblocks (the test stack starts the dev server)');
  await stack.startWorker();
  const baseUrl = await stack.app.listen(0, '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: process.env.ATELIER_CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const workers = peers(baseUrl);
  const bench: Bench = { stack, live, baseUrl, browser, ask: workers.ask, samples, rows: [], notes: [] };
  try {
    if (parts.has('keys') || parts.has('agent')) await measureLatencies(bench, parts);
    if (parts.has('storm')) await measureStorm(bench);
    if (parts.has('open')) await measureOpening(bench);
    printTable('coedit: live co-editing on the embedded stack (Chromium, API + proxy, Liveblocks dev server, throttle 16 ms)', bench.rows);
    process.stdout.write(`${bench.notes.join('\n')}\n`);
  } finally {
    await workers.stop();
    await browser.close();
    await stack.dispose();
  }
}
