/** The deployment log writer over real PostgreSQL and Redis: masking, cut lines, seqs that survive a retried attempt. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { ProjectEventStream } from '../events/project-event-stream';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';
import { createTestDatabase, testServices } from '../../test/harness';
import { DeployLogWriter, MAX_LOG_LINE } from './deploy-logs';
import { Deployment, DeploymentLog } from './deploy.entities';

let db: { orm: MikroORM; dispose(): Promise<void> };
let redis: Redis;
let events: ProjectEventStream;
let projectId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(testServices().redisUrl);
  events = new ProjectEventStream(redis);
  const em = db.orm.em.fork();
  const user = em.create(User, { email: 'logs@example.com', displayName: 'Logs' });
  const project = em.create(Project, { owner: user, name: 'Logs', framework: 'express' });
  await em.flush();
  projectId = project.id;
});
afterAll(async () => {
  redis?.disconnect();
  await db?.dispose();
});

async function newDeployment(): Promise<string> {
  const em = db.orm.em.fork();
  const d = em.create(Deployment, { project: projectId, target: 'local', status: 'FAILED' });
  await em.flush();
  return d.id;
}

const writer = (deploymentId: string, secrets: string[] = []) => new DeployLogWriter({ orm: db.orm, events, deploymentId, projectId, secrets });

async function rows(deploymentId: string) {
  return db.orm.em.fork().find(DeploymentLog, { deployment: deploymentId }, { orderBy: { seq: 'asc' } });
}

test('secret values of four characters or more are masked in stored lines and events; short ones are not', async () => {
  const id = await newDeployment();
  const log = writer(id, ['sk_live_abcdef123', 'abc', 'vercel-token-XYZ']);
  log.line('DATABASE_URL uses sk_live_abcdef123 and abc, token=vercel-token-XYZ');
  const out = log.stream('build');
  // A secret split across two chunks of streamed output is still masked: lines are masked whole.
  out.write('connecting with sk_live_');
  out.write('abcdef123\nnext line\npartial');
  out.end();
  await log.flush();
  const stored = (await rows(id)).map((r) => r.text);
  expect(stored).toEqual(['DATABASE_URL uses •••• and abc, token=••••', 'connecting with ••••', 'next line', 'partial']);
  const logged = (await events.read(projectId)).filter((e) => e.type === 'deploy.log' && e.data!.deploymentId === id);
  const texts = logged.flatMap((e) => (e.data!.lines as Array<{ text: string }>).map((l) => l.text));
  expect(texts).toEqual(stored);
  expect(JSON.stringify(logged)).not.toContain('sk_live_abcdef123');
  expect(JSON.stringify(logged)).not.toContain('vercel-token-XYZ');
});

test('long lines are cut at 4 KiB; lines batch into events of at most 50', async () => {
  const id = await newDeployment();
  const log = writer(id);
  log.line('x'.repeat(10_000));
  for (let i = 0; i < 120; i++) log.line(`line ${i}`, 'build');
  await log.flush();
  const stored = await rows(id);
  expect(stored).toHaveLength(121);
  expect(stored[0]!.text).toHaveLength(MAX_LOG_LINE + 1);
  expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: 121 }, (_, i) => i + 1));
  const batches = (await events.read(projectId)).filter((e) => e.type === 'deploy.log' && e.data!.deploymentId === id);
  expect(batches.every((e) => (e.data!.lines as unknown[]).length <= 50)).toBe(true);
  expect(batches.flatMap((e) => (e.data!.lines as Array<{ seq: number }>).map((l) => l.seq))).toEqual(stored.map((r) => r.seq));
  expect((await db.orm.em.fork().findOneOrFail(Deployment, { id })).logLines).toBe(121);
});

test('a second attempt (or a stale one still running) continues after the kept lines, never over them', async () => {
  const id = await newDeployment();
  const first = writer(id);
  first.line('attempt 1: a');
  first.line('attempt 1: b');
  await first.flush();
  const second = writer(id);
  const stale = writer(id);
  second.line('attempt 2: a');
  stale.line('attempt 1: c (late)');
  await Promise.all([second.flush(), stale.flush()]);
  const stored = await rows(id);
  expect(stored.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  expect(stored.map((r) => r.text).slice(0, 2)).toEqual(['attempt 1: a', 'attempt 1: b']);
  expect(stored.map((r) => r.text).slice(2).sort()).toEqual(['attempt 1: c (late)', 'attempt 2: a']);
  expect((await db.orm.em.fork().findOneOrFail(Deployment, { id })).logLines).toBe(4);
});
