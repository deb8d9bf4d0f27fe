/**
 * The newcomer scenario in a browser, offline: describe an app, see the architect's plan as a
 * graph with the approval prompt, approve it, and watch the team run until every task is done and the
 * project's tests pass in the local sandbox. Then a starter project built again with the team: the form
 * appears once its build ended, a blank description is refused before sending, and the new description with
 * auto-approval starts a team run that the panel, the page and the event log follow to the end.
 */
import type { Page } from 'playwright-core';
import { testLocalBackend } from '../fixtures/sandbox-backends';
import { AGENT_ROLES } from '../../core/models/model-types';
import { LOCAL_USER_ID } from '../../core/user/user.entity';
import { byTestId as on, startE2E, type E2E } from './browser';

let local: ReturnType<typeof testLocalBackend>;
let e2e: E2E;
let page: Page;

beforeAll(async () => {
  local = testLocalBackend({ execTimeoutMs: 120_000 });
  e2e = await startE2E({ sandboxBackend: local.backend });
  // Rate-limit windows live in the shared test Redis, keyed by user, and every single-user test stack has the
  // same built-in local user: unlimited here, so other suites' model calls cannot pause this run.
  await e2e.stack.db.orm.em.fork().getConnection().execute(`update users set tier = 'enterprise' where id = ?`, [LOCAL_USER_ID]);
  page = await e2e.newPage();
});
afterAll(async () => {
  await e2e?.dispose();
  await local?.dispose();
});

const byTestId = (id: string) => on(page, id);
const attributes = (id: string, name: string) => byTestId(id).evaluateAll((items, attr) => items.map((i) => i.getAttribute(attr)), name);

it('builds a described app with the agent team after the plan is approved', async () => {
  // Single-user mode: no sign-up needed.
  await page.goto(`${e2e.baseUrl}/projects/new`);
  await byTestId('project-name-input').fill('Todo team');
  await byTestId('project-framework-select').selectOption('express');
  await byTestId('project-description-input').fill('A todo REST API in Express with tests');
  // Typing a description chooses nothing: the agent team is picked on purpose.
  expect(await byTestId('project-build-starter').isChecked()).toBe(true);
  await byTestId('project-build-team').check();
  expect(await byTestId('project-auto-approve').isChecked()).toBe(false);
  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: `${process.env.E2E_SCREENSHOT}-form.png`, fullPage: true });
  await byTestId('create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);

  await byTestId('plan-review').waitFor({ timeout: 60_000 });
  const keys = await attributes('plan-node', 'data-key');
  expect(keys.length).toBeGreaterThan(1);
  expect(await byTestId('plan-edge').count()).toBeGreaterThan(0);
  expect(new Set(await attributes('plan-node', 'data-status'))).toEqual(new Set(['pending']));
  expect(await byTestId('agent-card').count()).toBe(10);
  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: `${process.env.E2E_SCREENSHOT}-plan.png`, fullPage: true });

  await byTestId('plan-approve').click();
  await byTestId('plan-review').waitFor({ state: 'detached', timeout: 15_000 });
  // Live: a task shows as running in the graph while its role's card says what it works on.
  await page.locator('[data-testid="plan-node"][data-status="running"]').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="agent-activity"]', { hasText: 'Working on' }).first().waitFor({ timeout: 5_000 });

  await page.locator('[data-testid="team-phase"][data-phase="SUCCEEDED"]').waitFor({ timeout: 180_000 });
  expect(await byTestId('run-controls').locator('button').count()).toBe(0);
  const statuses = await attributes('plan-node', 'data-status');
  expect(statuses.length).toBeGreaterThanOrEqual(keys.length);
  expect(new Set(statuses)).toEqual(new Set(['done']));
  // Every one of the ten roles did work of its own in this run.
  for (const role of AGENT_ROLES) {
    const metrics = page.locator(`[data-role="${role}"] [data-testid="agent-metrics"]`);
    expect({ role, metrics: await metrics.textContent() }).toEqual({ role, metrics: expect.stringMatching(/[1-9]\d* done/) });
  }
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 30_000 });
  await byTestId('team-tests').filter({ hasText: 'Tests passed' }).waitFor({ timeout: 15_000 });
  if (process.env.E2E_SCREENSHOT) await byTestId('team-panel').screenshot({ path: `${process.env.E2E_SCREENSHOT}-done.png` });
}, 300_000);

const eventTypes = () => byTestId('event-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-type')));

it('builds a starter project again with the team, from a new description, approving the plan automatically', async () => {
  await page.goto(`${e2e.baseUrl}/projects/new`);
  await byTestId('project-name-input').fill('Rebuilt by the team');
  await byTestId('project-framework-select').selectOption('express');
  await byTestId('project-description-input').fill('A todo REST API');
  expect(await byTestId('project-build-starter').isChecked()).toBe(true);
  await byTestId('create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);

  // Not while the starter build runs; once it ended, prefilled from the project.
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 60_000 });
  const form = byTestId('rebuild-form');
  await form.waitFor({ timeout: 15_000 });
  const description = byTestId('rebuild-description');
  expect(await description.inputValue()).toBe('A todo REST API');
  expect(await byTestId('rebuild-auto-approve').isChecked()).toBe(false);

  await description.fill('   ');
  await byTestId('rebuild-submit').click();
  await byTestId('field-error-description').waitFor({ timeout: 5_000 });

  await description.fill('A todo REST API in Express with tests');
  await byTestId('rebuild-auto-approve').check();
  await byTestId('rebuild-submit').click();

  // The team takes over: no approval prompt, the page and the log follow the new run to its end.
  await byTestId('team-panel').waitFor({ timeout: 15_000 });
  await form.waitFor({ state: 'detached', timeout: 15_000 });
  await page.locator('.project-description', { hasText: 'in Express with tests' }).waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="team-phase"][data-phase="SUCCEEDED"]').waitFor({ timeout: 180_000 });
  expect(await byTestId('plan-review').count()).toBe(0);
  expect(new Set(await byTestId('plan-node').evaluateAll((n) => n.map((i) => i.getAttribute('data-status'))))).toEqual(new Set(['done']));
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="run-status"][data-status="SUCCEEDED"]').waitFor({ timeout: 15_000 });
  const types = await eventTypes();
  expect(types.filter((t) => t === 'run.queued')).toHaveLength(2);
  expect(types.filter((t) => t === 'run.completed')).toHaveLength(2);
  expect(types).toContain('plan.approved');

  // Ended again: the form is back, now with the new description and the setting it saved.
  await form.waitFor({ timeout: 15_000 });
  expect(await description.inputValue()).toBe('A todo REST API in Express with tests');
  expect(await byTestId('rebuild-auto-approve').isChecked()).toBe(true);
  if (process.env.E2E_SCREENSHOT) await byTestId('team-panel').screenshot({ path: `${process.env.E2E_SCREENSHOT}-rebuilt.png` });
}, 300_000);
