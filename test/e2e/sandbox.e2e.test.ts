/**
 * The "done means" in a browser: a generated express project is run in a local sandbox from
 * its project page; it installs, passes its tests, and its preview answers inside the page's iframe.
 * Then the terminal runs a command in the same sandbox.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { testLocalBackend } from '../../sandbox/test-backends';
import { createStack, type Stack } from '../harness';

const clientDist = resolve(__dirname, '../../client/dist/client/browser');
const chromiumPath = process.env.ATELIER_CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let local: ReturnType<typeof testLocalBackend>;
let stack: Stack;
let browser: Browser;
let page: Page;
let baseUrl: string;

beforeAll(async () => {
  if (!existsSync(join(clientDist, 'index.html'))) throw new Error('The client is not built: `npm test` builds it (or run `npm run client:build`).');
  local = testLocalBackend();
  stack = await createStack({ clientDist, sandboxBackend: local.backend });
  await stack.startWorker();
  baseUrl = await stack.app.listen(0, '127.0.0.1');
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  page = await (await browser.newContext()).newPage();
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

  await byTestId('sandbox-start').click();
  const frame = byTestId('sandbox-preview');
  await frame.waitFor({ timeout: 120_000 });
  const preview = page.frameLocator('[data-testid="sandbox-preview"]');
  await preview.locator('body', { hasText: '"name":"Sandboxed Express"' }).waitFor({ timeout: 30_000 });

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
});
