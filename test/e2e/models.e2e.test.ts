import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ModelStreamWriter } from '../../activities/models/model-stream';
import { byTestId as on, startE2E, type E2E } from './browser';

/** The model layer in the browser, with no vendor key anywhere: offline mode, the catalog, a project's chains and budgets. */
let e2e: E2E;
let page: Page;
let projectId: string;

beforeAll(async () => {
  e2e = await startE2E({ masterKeys: `e2e:${randomBytes(32).toString('base64')}` });
  page = await e2e.newPage();
});
afterAll(() => e2e?.dispose());

const byTestId = (id: string) => on(page, id);
const coder = () => page.locator('[data-testid="role-chain"][data-role="coder"]');

it('labels offline mode in the header and on the models page', async () => {
  await page.goto(`${e2e.baseUrl}/projects`);
  const badge = byTestId('offline-badge');
  await badge.waitFor();
  expect(await badge.innerText()).toBe('Offline models');
  expect(await badge.getAttribute('title')).toMatch(/^Offline mode/);

  await byTestId('models-link').click();
  await page.waitForURL(/\/models$/);
  await byTestId('offline-banner').waitFor();
  const offline = page.locator('[data-testid="model-row"][data-model-id="offline/blueprint"]');
  expect(await offline.getAttribute('data-available')).toBe('true');
  expect(await offline.getAttribute('data-offline')).toBe('true');
  const gpt = page.locator('[data-testid="model-row"][data-model-id="openai/gpt-4.1"]');
  expect(await gpt.getAttribute('data-available')).toBe('false');
  expect(await gpt.locator('[data-testid="model-availability"]').getAttribute('data-reason')).toBe('NO_KEY');
  expect(await gpt.locator('[data-testid="add-key-link"]').getAttribute('href')).toBe('/account');
  expect(await gpt.innerText()).toContain('₹');
  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: `${process.env.E2E_SCREENSHOT}-models.png`, fullPage: true });
});

it("sets a project's coder chain and run token budget, and finds them saved after a reload", async () => {
  await page.goto(`${e2e.baseUrl}/projects/new`);
  await byTestId('project-name-input').fill('Model Settings');
  await byTestId('project-framework-select').selectOption('express');
  await byTestId('create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  projectId = page.url().split('/').pop()!;
  await byTestId('project-models-panel').waitFor();
  await byTestId('offline-banner').waitFor();

  await coder().locator('[data-testid="edit-chain"]').click();
  // Empty the inherited chain one model at a time, waiting for each removal to render before the next.
  const items = coder().locator('[data-testid="chain-item"]');
  await items.first().waitFor();
  for (let left = await items.count(); left > 0; left--) {
    await items.first().locator('[data-testid="chain-remove"]').click();
    await items.nth(left - 1).waitFor({ state: 'detached' });
  }
  for (const id of ['openai/gpt-4.1-mini', 'openai/gpt-4.1']) {
    await coder().locator('[data-testid="chain-model-select"]').selectOption(id);
    await coder().locator('[data-testid="chain-add"]').click();
  }
  if (process.env.E2E_SCREENSHOT) await byTestId('project-models-panel').screenshot({ path: `${process.env.E2E_SCREENSHOT}-editor.png` });
  await coder().locator('[data-testid="chain-save"]').click();
  await page.locator('[data-testid="role-chain"][data-role="coder"][data-source="PROJECT"]').waitFor();

  await byTestId('budget-run-tokens-input').fill('50000');
  await byTestId('save-budgets').click();
  const runTokens = page.locator('[data-testid="budget-meter"][data-key="RUN-tokens"]');
  await runTokens.filter({ hasText: '50,000' }).waitFor();

  await page.reload();
  await page.locator('[data-testid="role-chain"][data-role="coder"][data-source="PROJECT"]').waitFor();
  expect(await coder().locator('[data-testid="role-chain-models"]').innerText()).toBe('openai/gpt-4.1-mini → openai/gpt-4.1');
  expect(await byTestId('budget-run-tokens-input').inputValue()).toBe('50000');
  expect(await runTokens.innerText()).toContain('50,000');
  expect(await byTestId('offline-badge').isVisible()).toBe(true);
  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: `${process.env.E2E_SCREENSHOT}-project.png`, fullPage: true });
});

it("streams a model call into one log entry that shows only the retried attempt's text", async () => {
  const ref = { projectId, runId: null, callKey: 'e2e/run/call-1', role: 'coder' };
  const entry = page.locator('[data-testid="model-call"][data-call-key="e2e/run/call-1"]');
  // The activity's real writer, as a first attempt that breaks mid-reply and a retry that completes.
  const first = new ModelStreamWriter(e2e.stack.events, { ...ref, attempt: 1 }, () => undefined);
  first.delta('half of a bro', 0);
  await first.close();
  await entry.locator('[data-testid="model-call-text"]', { hasText: 'half of a bro' }).waitFor();
  expect(await entry.getAttribute('data-state')).toBe('streaming');

  const retry = new ModelStreamWriter(e2e.stack.events, { ...ref, attempt: 2 }, () => undefined);
  for (const text of ['the whole ', 'reply, ', 'written once']) retry.delta(text, 0);
  await retry.close();
  await entry.locator('[data-testid="model-call-text"]', { hasText: 'written once' }).waitFor();
  expect(await entry.locator('[data-testid="model-call-text"]').innerText()).toBe('the whole reply, written once');

  await e2e.stack.events.append({
    projectId,
    type: 'model.completed',
    message: 'coder used 1500 tokens on offline/blueprint (offline)',
    data: { callKey: ref.callKey, role: 'coder', model: 'offline/blueprint', offline: true, usage: { inputTokens: 1200, outputTokens: 300, totalTokens: 1500 }, costUsd: 0, costInr: 0, fallbackFrom: null },
    dedupeKey: `model:${ref.callKey}:completed`,
  });
  await page.locator('[data-testid="model-call"][data-state="completed"][data-offline="true"]').waitFor();
  expect(await entry.locator('[data-testid="model-call-result"]').innerText()).toMatch(/offline\/blueprint · 1,500 tokens · \$0 · ₹0/);
  expect(await page.locator('[data-testid="model-call"]').count()).toBe(1);
  expect(await page.locator('[data-testid="event-item"][data-event-type^="model."]').count()).toBe(0);
  if (process.env.E2E_SCREENSHOT) await page.locator('[data-testid="event-log"]').screenshot({ path: `${process.env.E2E_SCREENSHOT}-log.png` });
});

it('drops the offline label once the user adds a provider key, and the catalog names the key as theirs', async () => {
  await page.goto(`${e2e.baseUrl}/sign-up`);
  await byTestId('signup-email-input').fill('mia@example.com');
  await byTestId('signup-name-input').fill('Mia');
  await byTestId('signup-password-input').fill('a long enough passphrase');
  await byTestId('signup-submit').click();
  await page.waitForURL(/\/projects$/);
  await byTestId('offline-badge').waitFor();

  await page.goto(`${e2e.baseUrl}/account`);
  await byTestId('my-model-usage').waitFor();
  await byTestId('provider-select').selectOption('openai');
  await byTestId('provider-key-input').fill('sk-proj-E2EMODELSKEY1234');
  await byTestId('save-provider-key').click();
  await byTestId('offline-badge').waitFor({ state: 'detached' });

  await byTestId('models-link').click();
  const gpt = page.locator('[data-testid="model-row"][data-model-id="openai/gpt-4.1"]');
  await gpt.waitFor();
  expect(await gpt.getAttribute('data-available')).toBe('true');
  expect(await gpt.locator('[data-testid="model-key-source"]').innerText()).toBe('Your key');
  expect(await page.locator('[data-testid="model-row"][data-model-id="offline/blueprint"] [data-testid="model-availability"]').getAttribute('data-reason')).toBe('KEYS_CONFIGURED');
  expect(await byTestId('offline-banner').count()).toBe(0);
});
