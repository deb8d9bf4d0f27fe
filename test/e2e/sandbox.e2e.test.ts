/**
 * The "done means" in a browser: a generated express project is run in a local sandbox from
 * its project page; it installs, passes its tests, and its preview answers inside the page's iframe,
 * served from the sandbox's own origin (`<id>.preview.localhost`), where the page calls its own API but
 * cannot read the app's. Then the terminal runs a command in the same sandbox.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { Project, ProjectFile } from '../../core/project/project.entity';
import { testLocalBackend } from '../fixtures/sandbox-backends';
import { createStack, type Stack } from '../harness';

const clientDist = resolve(__dirname, '../../client/dist/client/browser');
const chromiumPath = process.env.ATELIER_CHROMIUM_PATH ?? '/usr/bin/chromium';
// Third-party cookies blocked, as in incognito windows: the preview's cookie must still work in the frame.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--test-third-party-cookie-phaseout'];

let local: ReturnType<typeof testLocalBackend>;
let stack: Stack;
let browser: Browser;
let page: Page;
let baseUrl: string;
const cspViolations: string[] = [];
const resizeLoops: string[] = [];
const screenshot = process.env.ATELIER_E2E_SCREENSHOT;

/** A page at `/` that calls the app's own API with fetch, the way the todo page does. */
const PAGE = `<!doctype html><title>Preview</title><h1>Express preview</h1><p id="api">calling the API…</p>
<script>
fetch('health').then((r) => r.json()).then((j) => { document.getElementById('api').textContent = 'API says ' + j.status; })
  .catch((e) => { document.getElementById('api').textContent = 'API failed: ' + e.message; });
</script>`;
const APP = `const path = require('node:path');
const express = require('express');
function createApp() {
  const app = express();
  app.use(express.json());
  app.use(express.static(path.join(__dirname, '..', 'public')));
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  return app;
}
module.exports = { createApp };
`;

/** Gives the generated starter a page that fetches its API (what the todo blueprint's page does). */
async function addPage(projectId: string): Promise<void> {
  const em = stack.db.orm.em.fork();
  const project = em.getReference(Project, projectId);
  const app = await em.findOneOrFail(ProjectFile, { project: projectId, path: 'src/app.js' });
  Object.assign(app, { content: APP, size: Buffer.byteLength(APP) });
  em.create(ProjectFile, { project, path: 'public/index.html', content: PAGE, language: 'html', size: Buffer.byteLength(PAGE) });
  await em.flush();
}

beforeAll(async () => {
  if (!existsSync(join(clientDist, 'index.html'))) throw new Error('The client is not built: `npm test` builds it (or run `npm run client:build`).');
  local = testLocalBackend();
  stack = await createStack({ clientDist, sandboxBackend: local.backend });
  await stack.startWorker();
  baseUrl = await stack.app.listen(0, '127.0.0.1');
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  page = await (await browser.newContext()).newPage();
  page.on('console', (message: ConsoleMessage) => {
    // Whatever the app's CSP refuses is logged as an error naming the policy.
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    // The app's error handler logs window errors; a layout loop between an observer and what it resizes shows here.
    if (message.type() === 'error' && /ResizeObserver loop/i.test(message.text())) resizeLoops.push(message.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.dispose();
  await local?.dispose();
});

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

it('runs the express starter in a sandbox from its project page: preview in the iframe, then the terminal', async () => {
  // Single-user mode: no sign-up needed; the project belongs to the built-in local user.
  await page.goto(`${baseUrl}/projects/new`);
  await byTestId('project-name-input').fill('Sandboxed Express');
  await byTestId('project-framework-select').selectOption('express');
  await byTestId('create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 60_000 });
  await addPage(page.url().split('/').pop()!);

  await byTestId('sandbox-start').click();
  const frame = byTestId('sandbox-preview');
  await frame.waitFor({ timeout: 120_000 });
  const src = new URL((await frame.getAttribute('src'))!);
  const sandboxId = src.hostname.split('.')[0]!;
  expect(src.hostname).toBe(`${sandboxId}.preview.localhost`);
  const preview = page.frameLocator('[data-testid="sandbox-preview"]');
  // The page's fetch to its own API works (it failed with "Failed to fetch" from an opaque origin).
  await preview.locator('#api', { hasText: 'API says ok' }).waitFor({ timeout: 30_000 });
  const previewFrame = page.frames().find((f) => f.url().startsWith(`http://${sandboxId}.preview.localhost:`))!;
  // The token is gone from the frame's address once traded for the preview host's cookie.
  expect(previewFrame.url()).toBe(`${src.origin}/`);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

  // A script in the preview cannot read the app's GraphQL as the signed-in user: another origin, no CORS.
  const stolen = await previewFrame.evaluate(async (app) => {
    try {
      const res = await fetch(`${app}/graphql`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { id } }"}' });
      return `read ${res.status} ${await res.text()}`;
    } catch (error) {
      return `refused: ${(error as Error).message}`;
    }
  }, baseUrl);
  expect(stolen).toMatch(/^refused/);
  expect(await previewFrame.evaluate('document.cookie')).toBe('');
  // "Open the preview in a tab" opens it top-level with a fresh link of its own.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), byTestId('sandbox-open-tab').click()]);
  await tab.locator('#api', { hasText: 'API says ok' }).waitFor({ timeout: 30_000 });
  expect(tab.url()).toBe(`${src.origin}/`);
  await tab.close();
  // The app's origin no longer serves previews.
  expect((await page.request.get(`${baseUrl}/preview/${sandboxId}/`)).status()).toBe(404);

  await byTestId('sandbox-terminal-toggle').click();
  const terminal = byTestId('sandbox-terminal');
  await terminal.locator('.xterm').waitFor();
  // Keys typed before the shell is attached are lost: wait for its prompt (PS1 `sandbox:\w$ `) first.
  await terminal.locator('.xterm-rows', { hasText: 'sandbox:' }).waitFor({ timeout: 30_000 });
  // xterm reads keys through its helper textarea; under load the first keys can still race the socket, so a
  // command that shows no output is typed again (an echo: a lost or garbled line is harmless).
  const output = terminal.locator('.xterm-rows', { hasText: 'from-the-42-sandbox' });
  for (let attempt = 1; ; attempt++) {
    await terminal.locator('textarea.xterm-helper-textarea').focus();
    await page.keyboard.type('echo from-the-$((40+2))-sandbox\n');
    const shown = await output.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (attempt === 3) throw new Error('the terminal never showed the output of `echo from-the-$((40+2))-sandbox`');
  }
  // Monaco (its worker included) still loads under the app's CSP.
  await page.locator('[data-testid="file-item"][data-path="src/app.js"]').click();
  await page.locator('[data-testid="code-viewer"] .monaco-editor .view-lines').filter({ hasText: 'createApp' }).first().waitFor({ timeout: 30_000 });
  expect(cspViolations).toEqual([]);
  // Opening the terminal (xterm fitted to its panel) and Monaco cause no ResizeObserver loop.
  expect(resizeLoops).toEqual([]);
});
