/**
 * Issue 15's newcomer scenario in Chromium, with no account anywhere: sign up, build the offline todo app with
 * the agent team, click Deploy with the local target, watch the log, open the live URL on the apps origin
 * (`http://<slug>.apps.localhost:<port>/`, as the API reports it; Chromium resolves *.localhost to loopback) and
 * add a todo through the app's own page, redeploy, then roll back to the first deployment from the history.
 * Screenshots go to E2E_SHOTS_DIR when set.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { testLocalBackend } from '../fixtures/sandbox-backends';
import { byTestId as id, startE2E, type E2E } from './browser';

let local: ReturnType<typeof testLocalBackend>;
let e2e: E2E;
let page: Page;
let projectId: string;
let firstDeploymentId: string;
let appUrl: string;

/** A port nothing listens on now: the apps listener and the URLs the local target reports must agree on it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  local = testLocalBackend({ execTimeoutMs: 120_000 });
  const appsPort = await freePort();
  e2e = await startE2E({
    sandboxBackend: local.backend,
    config: { ATELIER_APPS_PORT: appsPort },
    deploy: { services: { config: { ATELIER_APPS_PORT: appsPort } }, health: { intervalMs: 500, timeoutMs: 60_000 } },
  });
  page = await e2e.newPage();
  // Cancel and Rollback ask "are you sure?" (window.confirm): the newcomer says yes.
  page.on('dialog', (dialog) => void dialog.accept());
  if (process.env.E2E_CONSOLE) page.on('console', (m) => process.stderr.write(`[page] ${m.type()}: ${m.text()}\n`));
}, 120_000);
afterAll(async () => {
  await e2e?.dispose();
  await local?.dispose();
});

async function shot(name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `deploy-${name}.png`), fullPage: true });
}

const deploymentStatus = (status: string, timeout = 240_000) =>
  page.locator(`[data-testid="deployment-status"][data-status="${status}"]`).waitFor({ timeout });

/** Deploy from the project page's dialog with the local target; lands on the new deployment's page. */
async function deployLocal(): Promise<string> {
  await page.goto(`${e2e.baseUrl}/projects/${projectId}`);
  await id(page, 'deploy-open').click();
  const localTarget = page.locator('[data-testid="deploy-target"][data-target="local"]');
  await localTarget.waitFor();
  expect(await localTarget.innerText()).toMatch(/no account needed/i);
  expect(await localTarget.locator('input').isChecked()).toBe(true);
  await shot('dialog');
  await id(page, 'deploy-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/deployments\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

it('a newcomer signs up and builds the todo app offline with the agent team', async () => {
  await page.goto(`${e2e.baseUrl}/sign-up`);
  await id(page, 'signup-email-input').fill('newcomer@deploy.test');
  await id(page, 'signup-name-input').fill('Nia Newcomer');
  await id(page, 'signup-password-input').fill('a long enough passphrase');
  await id(page, 'signup-submit').click();
  await page.locator('[data-testid="viewer-name"]', { hasText: 'Nia Newcomer' }).waitFor();
  // Rate-limit windows live in the shared test Redis: unlimited here, so other suites' calls cannot pause the run.
  await e2e.stack.db.orm.em.fork().getConnection().execute(`update users set tier = 'enterprise' where email = ?`, ['newcomer@deploy.test']);

  await page.goto(`${e2e.baseUrl}/projects/new`);
  await id(page, 'project-name-input').fill('Todo deploy');
  await id(page, 'project-framework-select').selectOption('express');
  await id(page, 'project-description-input').fill('A todo REST API in Express with tests');
  await id(page, 'project-build-team').check();
  await id(page, 'project-auto-approve').check();
  await id(page, 'create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  projectId = page.url().split('/').pop()!;
  await page.locator('[data-testid="team-phase"][data-phase="SUCCEEDED"]').waitFor({ timeout: 240_000 });
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 30_000 });
  // Never deployed: no badge yet, and Deploy is offered.
  expect(await id(page, 'deploy-badge').count()).toBe(0);
  await id(page, 'deploy-open').waitFor();
}, 300_000);

it('deploys to the local target, shows the log live, and the app answers on its URL', async () => {
  firstDeploymentId = await deployLocal();
  await id(page, 'deploy-timeline').waitFor();
  // The log streams while it builds: lines arrive before the deployment ends.
  await id(page, 'deploy-log-line').first().waitFor({ timeout: 120_000 });
  await shot('in-flight');
  await deploymentStatus('LIVE');
  expect(await page.locator('[data-testid="deploy-step"]').evaluateAll((s) => s.map((i) => i.getAttribute('data-state')))).toEqual(
    Array(6).fill('done'),
  );
  const texts = await id(page, 'deploy-log-line').allInnerTexts();
  expect(texts.join('\n')).toMatch(/npm|install/i);
  // Each line once: seqs strictly increase.
  const seqs = (await id(page, 'deploy-log-line').evaluateAll((l) => l.map((i) => Number(i.getAttribute('data-seq'))))) as number[];
  expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
  appUrl = (await id(page, 'deployment-open-app').getAttribute('href'))!;
  expect(appUrl).toMatch(/^http:\/\/[a-z0-9-]+\.apps\.localhost:\d+\/$/);
  await page.locator('[data-testid="local-app-state"][data-state="running"]').waitFor({ timeout: 30_000 });
  await shot('live');

  // The project page's badge says Live, with the URL.
  await page.goto(`${e2e.baseUrl}/projects/${projectId}`);
  await page.locator('[data-testid="deploy-badge"][data-target="local"][data-status="LIVE"]').waitFor({ timeout: 15_000 });
  expect(await id(page, 'deploy-badge-url').getAttribute('href')).toBe(appUrl);
  await shot('project-badge');

  // The app itself, on its own origin: add a todo through its page.
  const app = await e2e.newPage();
  await app.goto(appUrl);
  await app.locator('#title').fill('Ship the todo app');
  await app.locator('#new-todo button[type="submit"]').click();
  await app.locator('#todos li', { hasText: 'Ship the todo app' }).waitFor({ timeout: 15_000 });
  await app.reload();
  await app.locator('#todos li', { hasText: 'Ship the todo app' }).waitFor({ timeout: 15_000 });
  await app.close();
}, 300_000);

it('redeploys, then rolls back to the first deployment, which goes live again', async () => {
  await page.goto(`${e2e.baseUrl}/projects/${projectId}/deployments/${firstDeploymentId}`);
  await id(page, 'deployment-redeploy').click();
  await page.waitForURL((url) => !url.pathname.endsWith(firstDeploymentId) && /\/deployments\/[0-9a-f-]{36}$/.test(url.pathname));
  const secondId = page.url().split('/').pop()!;
  await deploymentStatus('LIVE');
  await page.locator('[data-testid="deployment-status"][data-live="true"]').waitFor({ timeout: 15_000 });

  // The history: the second is live, the first superseded and offered for rollback.
  const first = page.locator(`[data-testid="deploy-history-row"][data-deployment-id="${firstDeploymentId}"]`);
  await page.locator(`[data-testid="deploy-history-row"][data-deployment-id="${secondId}"][data-live="true"]`).waitFor({ timeout: 15_000 });
  await page.locator(`[data-testid="deploy-history-row"][data-deployment-id="${firstDeploymentId}"][data-status="SUPERSEDED"]`).waitFor({ timeout: 15_000 });
  await shot('history');
  await first.locator('[data-testid="deploy-rollback"]').click();
  await page.waitForURL((url) => ![firstDeploymentId, secondId].some((d) => url.pathname.endsWith(d)));
  const rollbackId = page.url().split('/').pop()!;
  await deploymentStatus('LIVE');
  // A rollback reuses the first package: Build and Package were skipped.
  const states = await id(page, 'deploy-step').evaluateAll((s) => s.map((i) => i.getAttribute('data-state')));
  expect(states.slice(0, 2)).toEqual(['skipped', 'skipped']);
  // The history list and the header refresh after the status does: wait for them rather than read them once.
  await page.locator(`[data-testid="deploy-history-row"][data-deployment-id="${rollbackId}"][data-live="true"]`).waitFor({ timeout: 15_000 });
  await id(page, 'deployment-open-app').waitFor({ timeout: 15_000 });
  expect(await id(page, 'deployment-open-app').getAttribute('href')).toBe(appUrl);
  await shot('rolled-back');

  // The app still answers on the same URL.
  const app = await e2e.newPage();
  const response = await app.goto(appUrl);
  expect(response?.status()).toBe(200);
  await app.locator('#new-todo').waitFor();
  await app.close();
}, 600_000);
