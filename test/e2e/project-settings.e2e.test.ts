/**
 * Managing a project in Chromium: rename, archive (hidden from the list, read-only), restore, and delete by
 * typing the name. With E2E_SCREENSHOT_DIR set, saves the settings page normal, archived and confirming a delete.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Project, ProjectRun } from '../../core/project/project.entity';
import { waitFor } from '../harness';
import { byTestId as on, startE2E, type E2E } from './browser';

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
});
afterAll(() => e2e?.dispose());

const byTestId = (id: string) => on(page, id);
const shoot = async (name: string) => {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
};
const visible = (locator: ReturnType<Page['locator']>) => locator.first().waitFor({ state: 'visible', timeout: 15_000 });

/** Creates a project over GraphQL as the single user and waits for its starter build to end. */
async function createReadyProject(name: string): Promise<string> {
  const { stack } = e2e;
  const response = await stack.app.apollo.executeOperation(
    { query: 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', variables: { i: { name, framework: 'express' } } },
    { contextValue: stack.app.createContext() },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const id = (response.body.singleResult.data?.createProject as { id: string }).id;
  await waitFor('the starter build', async () => (await stack.db.orm.em.fork().findOneOrFail(Project, { id })).status === 'READY', 60_000);
  return id;
}

it('renames, archives, restores and deletes a project from its settings page', async () => {
  const id = await createReadyProject('Settings Demo');
  await page.goto(`${e2e.baseUrl}/projects/${id}`);
  await byTestId('project-settings-link').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/settings$/);

  // Rename: the rule shows while typing, the server's answer once saved.
  await byTestId('rename-input').fill('9 lives');
  await visible(byTestId('rename-error'));
  expect(await byTestId('rename-submit').isDisabled()).toBe(true);
  await byTestId('rename-input').fill('Settings Showcase');
  await byTestId('rename-submit').click();
  await visible(byTestId('rename-done'));
  expect(await byTestId('settings-project-name').textContent()).toBe('Settings Showcase');
  await shoot('project-settings');

  // Archive: read-only here, gone from the list until asked for, marked there.
  await byTestId('archive-project').click();
  await visible(byTestId('archived-callout'));
  expect(await byTestId('rename-input').isDisabled()).toBe(true);
  await shoot('project-settings-archived');
  await page.goto(`${e2e.baseUrl}/projects/${id}`);
  await visible(byTestId('archived-badge'));
  await shoot('project-detail-archived');
  await page.goto(`${e2e.baseUrl}/projects`);
  expect(await byTestId('projects-empty').textContent()).toContain('Your one project is archived.');
  await byTestId('show-archived').check();
  const row = page.locator(`[data-testid="project-row"][data-project-id="${id}"]`);
  await visible(row);
  expect(await row.locator('[data-testid="archived-badge"]').textContent()).toBe('Archived');
  await shoot('project-list-archived');

  // Restore.
  await page.goto(`${e2e.baseUrl}/projects/${id}/settings`);
  await byTestId('restore-project').click();
  await visible(byTestId('archive-project'));
  expect(await byTestId('archived-callout').count()).toBe(0);

  // Delete: the button waits for the exact name.
  await byTestId('delete-open').click();
  await byTestId('delete-confirm-input').fill('settings showcase');
  expect(await byTestId('delete-submit').isDisabled()).toBe(true);
  await byTestId('delete-confirm-input').fill('Settings Showcase');
  expect(await byTestId('delete-submit').isDisabled()).toBe(false);
  await shoot('project-settings-delete-confirm');
  await byTestId('delete-submit').click();
  await page.waitForURL(/\/projects$/);
  expect(await byTestId('deleted-notice').textContent()).toContain('Settings Showcase');
  await shoot('project-list-after-delete');
  expect(await e2e.stack.db.orm.em.fork().count(Project, { id })).toBe(0);
  await page.goto(`${e2e.baseUrl}/projects/${id}/settings`);
  await visible(byTestId('project-not-found'));
}, 120_000);

it('lists the build in progress in the danger zone and stops it when the project is deleted', async () => {
  const id = await createReadyProject('Busy Project');
  // A build that never acknowledges cancellation (nothing polls its queue): deleting has to terminate it.
  const workflowId = `project-build:${id}:stuck`;
  await e2e.stack.temporal.workflow.start('projectBuildWorkflow', { taskQueue: `nobody-${id}`, workflowId, args: [] });
  const em = e2e.stack.db.orm.em.fork();
  em.create(ProjectRun, { project: id, workflowId, status: 'RUNNING' });
  await em.flush();

  await page.goto(`${e2e.baseUrl}/projects/${id}/settings`);
  await visible(byTestId('archive-blocked'));
  expect(await byTestId('archive-project').isDisabled()).toBe(true);
  expect(await byTestId('delete-effects').textContent()).toContain('The build in progress is stopped.');
  await byTestId('delete-open').click();
  await byTestId('delete-confirm-input').fill('Busy Project');
  await byTestId('delete-submit').click();
  await visible(page.locator('[data-testid="delete-submit"]', { hasText: 'Stopping runs and deleting' }));
  await shoot('project-settings-deleting');
  await page.waitForURL(/\/projects$/, { timeout: 30_000 });
  expect((await e2e.stack.temporal.workflow.getHandle(workflowId).describe()).status.name).toBe('TERMINATED');
}, 120_000);
