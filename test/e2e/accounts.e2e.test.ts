import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createStack, type Stack } from '../harness';

/**
 * Accounts in the browser: the first visitor runs in single-user mode, signs up (and becomes admin),
 * creates a private project, signs out; a second person signs up and cannot see it, even by its URL.
 */
const clientDist = resolve(__dirname, '../../client/dist/client/browser');
const chromiumPath = process.env.ATELIER_CHROMIUM_PATH ?? '/usr/bin/chromium';

let stack: Stack;
let baseUrl: string;
let profile: string;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(clientDist, 'index.html'))) throw new Error('The client is not built: `npm test` builds it (or run `npm run client:build`).');
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: \`npm test\` installs Debian's chromium when run as root.`);
  stack = await createStack({ clientDist });
  await stack.startWorker();
  baseUrl = await stack.app.listen(0, '127.0.0.1');
  profile = mkdtempSync(join(tmpdir(), 'atelier-e2e-accounts-'));
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

async function signUp(email: string, name: string) {
  await page.goto(`${baseUrl}/sign-up`);
  await byTestId('signup-email-input').fill(email);
  await byTestId('signup-name-input').fill(name);
  await byTestId('signup-password-input').fill('a long enough passphrase');
  await byTestId('signup-submit').click();
  await page.waitForURL(/\/projects$/);
  await page.locator('[data-testid="viewer-name"]', { hasText: name }).waitFor();
}

async function createProject(name: string) {
  await page.goto(`${baseUrl}/projects/new`);
  await byTestId('project-name-input').fill(name);
  await byTestId('project-framework-select').selectOption('express');
  await byTestId('create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  return page.url();
}

it('keeps two people’s private projects apart', async () => {
  await page.goto(`${baseUrl}/projects`);
  await byTestId('single-user-banner').first().waitFor();

  await signUp('ada@example.com', 'Ada');
  const adaProject = await createProject('Ada Private');
  await page.locator('[data-testid="event-item"][data-event-type="run.completed"]').waitFor({ timeout: 60_000 });

  await byTestId('sign-out').click();
  await page.waitForURL(/\/log-in/);
  // Signed out, the app sends project pages to the log-in screen.
  await page.goto(adaProject);
  await page.waitForURL(/\/log-in\?returnUrl=/);

  await signUp('bob@example.com', 'Bob');
  await page.goto(`${baseUrl}/projects`);
  // Bob's list has loaded and is empty: Ada's project is not in it.
  await byTestId('projects-empty').waitFor();
  expect(await byTestId('project-row').count()).toBe(0);
  await page.goto(adaProject);
  await byTestId('project-not-found').waitFor();

  // Ada logs back in and finds her project.
  await byTestId('sign-out').click();
  await page.waitForURL(/\/log-in/);
  await byTestId('login-email-input').fill('ada@example.com');
  await byTestId('login-password-input').fill('a long enough passphrase');
  await byTestId('login-submit').click();
  await page.waitForURL(/\/projects$/);
  await page.locator('[data-testid="project-row"]', { hasText: 'Ada Private' }).waitFor();
  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });
});
