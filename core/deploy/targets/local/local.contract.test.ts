/** The local target against the contract suite, on real bubblewrap sandboxes, PostgreSQL and Temporal. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';
import { appSources, packApp, seedProject } from '../../../../test/fixtures/local-apps';
import { createTestDatabase, silentLogger, testLimits, testServices } from '../../../../test/harness';
import { SandboxManager } from '../../../sandbox/sandbox-manager';
import { SandboxRecord } from '../../../sandbox/sandbox.entity';
import { describeTargetContract, type WireFake, type WireFault } from '../target-contract';
import type { DeployTargetAdapter } from '../target';
import { AppsOrigin } from './apps-origin';
import { appSandboxKey, createLocalTarget } from './local-target';
import { temporalAppSupervisor } from './supervisor';

/**
 * The local target's "provider" is this machine: deployments are app sandboxes, counted by their idempotency key.
 * Its one fault is an app that starts but answers 502 (a real app in a real package, swapped in for the next create).
 */
type LocalFake = WireFake & { next(): WireFault | null; refresh(): Promise<void>; isActive(ref: string): boolean };

function localFake(orm: MikroORM, dispose: () => Promise<void>): LocalFake {
  let pending: WireFault | null = null;
  const rows = () => orm.em.fork();
  let counts = new Map<string, number>();
  const fake: LocalFake = {
    url: 'http://*.apps.localhost:4002',
    faults: ['unhealthy'],
    fail: (fault) => void (pending = fault),
    next: () => {
      const fault = pending;
      pending = null;
      return fault;
    },
    deploymentsFor: (id) => counts.get(id) ?? 0,
    isActive: (_ref: string) => false,
    token: { value: '', account: 'local' },
    reset: () => void (pending = null),
    close: dispose,
    // Re-counted after each adapter call by the wrapped adapter (the suite's checks are synchronous).
    async refresh(): Promise<void> {
      const all = await rows().find(SandboxRecord, { purpose: 'app' });
      counts = new Map();
      for (const row of all) {
        const id = row.idempotencyKey?.replace(/^deploy-app:/, '');
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    },
  };
  return fake;
}

describeTargetContract('local', async () => {
  const db = await createTestDatabase();
  const local = testLocalBackend();
  const sandboxes = new SandboxManager({ orm: db.orm, backend: local.backend, limits: testLimits, idleMs: 60_000, logger: silentLogger });
  await seedProject(db.orm, { id: '00000000-0000-4000-8000-000000000001', name: 'Todo App' });
  const connection = await Connection.connect({ address: testServices().temporalAddress });
  const client = new Client({ connection, namespace: 'default' });
  const real = createLocalTarget({
    sandboxes,
    orm: db.orm,
    appsOrigin: AppsOrigin.from(undefined, 4002),
    supervisor: temporalAppSupervisor(() => client, `local-contract-${process.pid}`),
    readyTimeoutMs: 30_000,
  });
  const unhealthyPackage = packApp(appSources({ status: 502, body: 'bad gateway' }));
  const active = new Map<string, boolean>();
  const fake = localFake(db.orm, async () => {
    // Terminate any supervisor the promote step started (no worker runs here), then tear down.
    for await (const wf of client.workflow.list({ query: `WorkflowId = 'local-app:00000000-0000-4000-8000-000000000001'` })) {
      if (wf.status.name === 'RUNNING') await client.workflow.getHandle(wf.workflowId).terminate('test over').catch(() => undefined);
    }
    await connection.close();
    await local.dispose();
    await db.dispose();
  });
  const refreshed = async <T>(value: Promise<T>): Promise<T> => {
    const result = await value;
    await fake.refresh();
    for (const row of await db.orm.em.fork().find(SandboxRecord, { purpose: 'app' })) active.set(row.id, row.status === 'RUNNING');
    return result;
  };
  fake.isActive = (ref) => active.get(ref) ?? false;
  const adapter: DeployTargetAdapter = {
    ...real,
    find: (ctx) => refreshed(real.find(ctx)),
    create: (ctx, artifact) => refreshed(real.create(ctx, fake.next() === 'unhealthy' ? { ...artifact, tarballPath: unhealthyPackage } : artifact)),
    promote: (ctx, deployment) => refreshed(real.promote(ctx, deployment)),
    discard: (ctx, deployment) => refreshed(real.discard(ctx, deployment)),
  };
  return { adapter, fake, tokens: {}, tokenProvider: 'local' };
});

test('an app sandbox is keyed by its deployment', () => {
  expect(appSandboxKey('d1')).toBe('deploy-app:d1');
});
