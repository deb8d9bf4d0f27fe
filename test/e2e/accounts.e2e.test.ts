import type { Page } from 'playwright-core';
import { byTestId as on, startE2E, type E2E } from './browser';

/**
 * Accounts in the browser: the first visitor runs in single-user mode, signs up (and becomes admin),
 * creates a private project, signs out; a second person signs up and cannot see it, even by its URL.
 */

let e2e: E2E;
let baseUrl: string;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E();
  baseUrl = e2e.baseUrl;
  page = await e2e.newPage();
});
afterAll(() => e2e?.dispose());

const byTestId = (id: string) => on(page, id);

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
