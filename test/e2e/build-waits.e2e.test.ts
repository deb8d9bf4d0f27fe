/**
 * A team build whose owner's sandboxes are all in use, in a browser: the project page says the build waits for a
 * sandbox, how many are in use and by which project, and the build goes on by itself once one is stopped.
 */
import type { Page } from 'playwright-core';
import { testLocalBackend } from '../fixtures/sandbox-backends';
import { Project } from '../../core/project/project.entity';
import { SandboxRecord } from '../../core/sandbox/sandbox.entity';
import { LOCAL_USER_ID, User } from '../../core/user/user.entity';
import { workflowIds } from '../../contracts/workflow-ids';
import { projectBuildStateQuery } from '../../contracts/messages';
import { waitFor } from '../harness';
import { ConcurrencyLimiter } from '../../core/limits/concurrency-limiter';
import { DEFAULT_LIMITS } from '../../core/limits/tiers';
import { byTestId as on, startE2E, type E2E } from './browser';

let local: ReturnType<typeof testLocalBackend>;
let e2e: E2E;
let page: Page;

beforeAll(async () => {
  local = testLocalBackend({ execTimeoutMs: 120_000 });
  e2e = await startE2E({ sandboxBackend: local.backend });
  page = await e2e.newPage();
});
afterAll(async () => {
  await e2e?.dispose();
  await local?.dispose();
});

it('shows what a queued team build waits for, then builds once a sandbox is stopped', async () => {
  const em = e2e.stack.db.orm.em.fork();
  // Free tier: two sandboxes at a time, both already open (by hand, in another project, on a backend this
  // stack's worker does not run, so only the test stops them).
  await em.getConnection().execute(`update users set tier = 'free' where id = ?`, [LOCAL_USER_ID]);
  // Slots are counted per user id in Redis, which every test file of a run shares: a build of the built-in
  // local user that another file left running (its worker stopped mid-run) would hold the one agent-run slot.
  const leases = new ConcurrencyLimiter(e2e.stack.redis, { config: DEFAULT_LIMITS });
  for (const held of await leases.holders(LOCAL_USER_ID, 'agent-runs')) await leases.release(LOCAL_USER_ID, 'agent-runs', held);
  const owner = em.getReference(User, LOCAL_USER_ID);
  const holder = em.create(Project, { owner, name: 'Shop front', framework: 'express' });
  const held = [1, 2].map((i) =>
    em.create(SandboxRecord, { project: holder, owner, backend: 'elsewhere', runtime: 'node', status: 'RUNNING', backendId: `held-${i}` }),
  );
  await em.flush();

  const project = await e2e.stack.app.createContext().projects.create(LOCAL_USER_ID, {
    name: 'Waiting team',
    framework: 'express',
    description: 'A todo REST API in Express with tests',
    buildMode: 'team',
    autoApprovePlan: true,
  });
  // Load the page once the build waits (its state query says so), so the first render already shows it.
  await waitFor(
    'the build to wait for a sandbox',
    async () => {
      const handle = e2e.stack.app.createContext().temporal.workflow.getHandle(workflowIds.projectBuild(project.id));
      const state = await handle.query(projectBuildStateQuery).catch(() => null);
      return state?.waitingFor?.kind === 'sandbox';
    },
    60_000,
  );
  await page.goto(`${e2e.baseUrl}/projects/${project.id}`);
  const waiting = on(page, 'team-waiting');
  await page.locator('[data-testid="team-waiting"]', { hasText: 'sandbox' }).waitFor({ timeout: 30_000 });
  expect((await waiting.textContent())?.trim()).toBe(
    'Waiting for a free sandbox: 2 of 2 in use by Shop front (2). This build starts when one is stopped.',
  );
  if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: `${process.env.E2E_SCREENSHOT}-waiting.png`, fullPage: true });

  await e2e.stack.db.orm.em.fork().nativeUpdate(SandboxRecord, { id: held[0]!.id }, { status: 'DESTROYED', destroyedAt: new Date() });
  await waiting.waitFor({ state: 'detached', timeout: 60_000 });
  await e2e.stack.db.orm.em.fork().getConnection().execute(`update users set tier = 'enterprise' where id = ?`, [LOCAL_USER_ID]);
}, 180_000);
