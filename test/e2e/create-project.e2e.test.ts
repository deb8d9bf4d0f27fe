import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createStack, type Stack } from '../harness';

const clientDist = resolve(__dirname, '../../client/dist/client/browser');
const chromiumPath = process.env.ATELIER_CHROMIUM_PATH ?? '/usr/bin/chromium';

let stack: Stack;
let baseUrl: string;
let profile: string;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(clientDist, 'index.html'))) throw new Error('The client is not built: `npm test` builds it (or run `npm run client:build`).');
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: \`npm test\` installs Debian's chromium when run as root (or set ATELIER_CHROMIUM_PATH).`);
  stack = await createStack({ clientDist });
  await stack.startWorker({ scaffoldFileDelayMs: 150 });
  baseUrl = await stack.app.listen(0, '127.0.0.1');
  profile = mkdtempSync(join(tmpdir(), 'atelier-e2e-profile-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
});

afterAll(async () => {
  await browser?.close();
  await stack?.dispose();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

it('creates a project in the UI, shows its events arriving live, and opens a generated file', async () => {
  await page.goto(`${baseUrl}/projects`);
  await byTestId('new-project-link').click();
  await page.waitForURL(/\/projects\/new$/);

  // The form explains a bad name before anything is sent.
  await byTestId('project-name-input').fill('9 lives');
  await byTestId('create-project-submit').click();
  await expectVisible(byTestId('field-error-name'));

  await byTestId('project-name-input').fill('Browser Made');
  await byTestId('project-description-input').fill('Created by the end-to-end test');
  await byTestId('project-framework-select').selectOption('express');
  await byTestId('create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);

  // Events stream in while the run goes on, ending with completion.
  await page.locator('[data-testid="event-item"][data-event-type="file.created"]').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="event-item"][data-event-type="run.completed"]').waitFor({ timeout: 60_000 });
  const types = await page.locator('[data-testid="event-item"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-type')));
  expect(types[0]).toBe('run.queued');
  expect(types.filter((t) => t === 'file.created')).toHaveLength(6);
  expect(new Set(await page.locator('[data-testid="event-item"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-id')))).size).toBe(types.length);
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 30_000 });

  // A generated file opens read-only in Monaco.
  await page.locator('[data-testid="file-item"][data-path="src/app.js"]').click();
  const viewer = page.locator('[data-testid="code-viewer"][data-path="src/app.js"]');
  await viewer.waitFor({ timeout: 30_000 });
  await viewer.locator('.monaco-editor .view-lines').filter({ hasText: 'createApp' }).first().waitFor({ timeout: 30_000 });
  expect(await viewer.locator('.monaco-editor').getAttribute('class')).toBeTruthy();
  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });

  // The project shows up in the list.
  await page.goto(`${baseUrl}/projects`);
  await expectVisible(page.locator('[data-testid="project-row"]', { hasText: 'Browser Made' }));
});

async function expectVisible(locator: ReturnType<Page['locator']>) {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
}
