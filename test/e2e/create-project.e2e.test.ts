import type { Page } from 'playwright-core';
import { byTestId as on, startE2E, type E2E } from './browser';


let e2e: E2E;
let baseUrl: string;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E({ scaffoldFileDelayMs: 150 });
  baseUrl = e2e.baseUrl;
  page = await e2e.newPage();
});
afterAll(() => e2e?.dispose());

const byTestId = (id: string) => on(page, id);

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
  // The starter build is the default; a description does not switch to the agent team (agent-team.e2e.test.ts).
  expect(await byTestId('project-build-starter').isChecked()).toBe(true);
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
