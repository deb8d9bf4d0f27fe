import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { byTestId as on, startE2E, type E2E } from './browser';

/** Account settings in the browser: a provider key shown only by its hint, usage meters, sessions. */
let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E({ masterKeys: `e2e:${randomBytes(32).toString('base64')}` });
  page = await e2e.newPage();
});
afterAll(() => e2e?.dispose());

const byTestId = (id: string) => on(page, id);

it('stores a provider key without ever showing it, and shows usage and sessions', async () => {
  await page.goto(`${e2e.baseUrl}/sign-up`);
  await byTestId('signup-email-input').fill('kim@example.com');
  await byTestId('signup-name-input').fill('Kim');
  await byTestId('signup-password-input').fill('a long enough passphrase');
  await byTestId('signup-submit').click();
  await page.waitForURL(/\/projects$/);

  await page.goto(`${e2e.baseUrl}/account`);
  await byTestId('provider-select').selectOption('openai');
  await byTestId('provider-key-input').fill('sk-proj-E2ESECRETVALUE9876');
  await byTestId('save-provider-key').click();
  await page.locator('[data-testid="provider-key-row"][data-provider="openai"] [data-testid="provider-key-hint"]', { hasText: 'sk-…9876' }).waitFor();
  expect(await page.content()).not.toContain('E2ESECRETVALUE');

  await page.locator('[data-testid="usage-meter"][data-kind="messages:hourly"]').waitFor();
  expect(await byTestId('usage-tier').innerText()).toMatch(/free/i);
  await page.locator('[data-testid="session-item"][data-current="true"]').waitFor();
});
