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
import { printTable, type Row } from './stats';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const now = () => performance.timeOrigin + performance.now();
const heapMb = () => (gc(), process.memoryUsage().heapUsed / 2 ** 20);
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const clientDist = resolve(__dirname, '../client/dist/client/browser');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
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
    text.insert(text.length, `// raw @${i}@\n`);
    const update = Y.encodeStateAsUpdate(doc, before);
    sent.push(now());
    await live.client.sendYjsBinaryUpdate(projectRoomId(projectId), update, { guid: fileId });
    for (let k = 0; k < 500; k++) {
      const { seen } = await ask<{ seen: { marker: string }[] }>({ type: 'seen' });
      if (seen.some((s) => s.marker === String(i))) break;
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  const { seen } = await ask<{ seen: { marker: string; at: number }[] }>({ type: 'seen' });
  return sent.map((t, i) => seen.find((s) => s.marker === String(i))!.at - t);
}

export async function run(args: string[]): Promise<void> {
  const samples = Number(args[0] ?? 40);
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
  const { ask } = workers;
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    // 1. Keystrokes, browser → browser, beside two Node peers straight on the dev server.
    const { projectId, fileIds } = await seedProject(stack, 'Bench coedit', [{ path: 'src/app.ts', content: source(40) }]);
    const fileId = fileIds[0]!;
    const a = await openEditable(browser, baseUrl, projectId, 'src/app.ts');
    const b = await openEditable(browser, baseUrl, projectId, 'src/app.ts');
    rows.push({ name: 'keystroke, browser → browser (through the API proxy)', samples: await keystrokes(a.page, b.page, fileId, samples) });
    await ask({ type: 'join', id: 'pair', via: 'direct', roomId: projectRoomId(projectId), fileId, count: 2 });
    rows.push({
      name: 'baseline: keystroke, Node peer → Node peer, straight to Liveblocks',
      samples: (await ask<{ samples: number[] }>({ type: 'latency', id: 'pair', samples })).samples,
    });

    // 2. Agent write → visible in the browser, beside a raw REST update seen by a Node peer.
    rows.push({
      name: 'agent write (LiveDocs.update) → browser document',
      samples: await agentWrites(live, b.page, projectId, fileId, samples),
    });
    await ask({ type: 'join', id: 'rest', via: 'direct', roomId: projectRoomId(projectId), fileId, count: 1 });
    rows.push({ name: 'baseline: raw REST Yjs update → Node peer', samples: await rawRestWrites(live, ask, projectId, fileId, samples) });
    for (const id of ['pair', 'rest']) await ask({ type: 'leave', id });

    // 3. 20 editors of one file (and the two browsers watching), through the app, then straight to Liveblocks.
    const storm = await seedProject(stack, 'Bench storm', [{ path: 'src/shared.ts', content: source(60) }]);
    await live.ensure(storm.projectId, storm.fileIds[0]!, source(60));
    const heapBefore = heapMb();
    const rssBefore = rssMb();
    await ask({ type: 'join', id: 'app20', via: 'app', roomId: projectRoomId(storm.projectId), fileId: storm.fileIds[0], count: 20 });
    const heapJoined = heapMb();
    const viaApp = [];
    for (let round = 0; round < 3; round++)
      viaApp.push(await ask<{ ms: number; afterLastEditMs: number }>({ type: 'storm', id: 'app20', perPeer: 25 }));
    const heapAfter = heapMb();
    const rssAfter = rssMb();
    await ask({ type: 'leave', id: 'app20' });
    await ask({ type: 'join', id: 'direct20', via: 'direct', roomId: projectRoomId(storm.projectId), fileId: storm.fileIds[0], count: 20 });
    const direct = [];
    for (let round = 0; round < 3; round++)
      direct.push(await ask<{ ms: number; afterLastEditMs: number }>({ type: 'storm', id: 'direct20', perPeer: 25 }));
    await ask({ type: 'leave', id: 'direct20' });
    rows.push({ name: '20 editors × 25 edits, through the API: start → converged', samples: viaApp.map((r) => r.ms) });
    rows.push({ name: '  … last edit sent → all 20 converged', samples: viaApp.map((r) => r.afterLastEditMs) });
    rows.push({ name: 'baseline: the same, straight to Liveblocks: start → converged', samples: direct.map((r) => r.ms) });
    rows.push({ name: '  … last edit sent → all 20 converged', samples: direct.map((r) => r.afterLastEditMs) });
    notes.push(
      `API process (main thread; peers in a worker): heap ${heapBefore.toFixed(1)} MB before, ${heapJoined.toFixed(1)} MB with 20 peers joined, ${heapAfter.toFixed(1)} MB after 3 rounds (after GC); RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB (the whole process).`,
    );

    // 4. A project of 500 files / 5 MB: navigation until its first file is editable, in fresh contexts.
    const big = await seedProject(
      stack,
      'Bench 500 files',
      Array.from({ length: 500 }, (_, i) => ({ path: `src/module-${String(i).padStart(3, '0')}.ts`, content: source(170) })),
    );
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { page, ms } = await openEditable(browser, baseUrl, big.projectId, `src/module-${String(i * 97).padStart(3, '0')}.ts`);
      opens.push(ms);
      await page.context().close();
    }
    rows.push({ name: '500 files / 5 MB: navigate → first file editable (fresh context)', samples: opens });
    const joins: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fileIdOf = big.fileIds[i * 97 + 1]!;
      const t0 = now();
      await live.ensure(big.projectId, fileIdOf, source(170));
      await ask({ type: 'join', id: `big${i}`, via: 'direct', roomId: projectRoomId(big.projectId), fileId: fileIdOf, count: 1 });
      joins.push(now() - t0);
      await ask({ type: 'leave', id: `big${i}` });
    }
    rows.push({ name: 'baseline: register + seed (REST) → Node peer joined, file loaded', samples: joins });
    const size = (
      await stack.db.orm.em
        .fork()
        .getConnection()
        .execute<{ bytes: string }[]>('select sum(size) as bytes from project_files where project_id = ?', [big.projectId])
    )[0]!.bytes;
    notes.push(`The big project holds 500 files, ${(Number(size) / 1e6).toFixed(1)} MB; only opened files get a live document.`);

    printTable('coedit: live co-editing on the embedded stack (Chromium, API + proxy, Liveblocks dev server, throttle 16 ms)', rows);
    process.stdout.write(`${notes.join('\n')}\n`);
    await a.page.context().close();
    await b.page.context().close();
  } finally {
    await workers.stop();
    await browser.close();
    await stack.dispose();
  }
}
