/**
 * Whose agent-run slots a team run takes: the team owner's, never its creator's (who may have left the team).
 * Real database and Redis; the lease is read back from the limiter.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { MockActivityEnvironment, defaultActivityInfo } from '@temporalio/testing';
import { Redis } from 'ioredis';
import { ProjectEventStream } from '../../core/events/project-event-stream';
import { ConcurrencyLimiter } from '../../core/limits/concurrency-limiter';
import { Project, ProjectRun } from '../../core/project/project.entity';
import { workflowIds } from '../../contracts/workflow-ids';
import { Team, TeamMember } from '../../core/team/team.entity';
import { User } from '../../core/user/user.entity';
import { createTestDatabase, silentLogger, testServices } from '../../test/harness';
import type { ActivityDeps } from '../deps';
import { createRunLeaseActivities } from './run-lease.activities';

let db: { orm: MikroORM; dispose(): Promise<void> };
let redis: Redis;
let leases: ConcurrencyLimiter;
let activities: ReturnType<typeof createRunLeaseActivities>;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(testServices().redisUrl);
  leases = new ConcurrencyLimiter(redis);
  activities = createRunLeaseActivities({ orm: db.orm, events: new ProjectEventStream(redis), leases, logger: silentLogger } as unknown as ActivityDeps);
});
afterAll(async () => {
  await redis?.quit();
  await db?.dispose();
});

function run<A, R>(fn: (input: A) => Promise<R>, input: A): Promise<R> {
  const env = new MockActivityEnvironment({ ...defaultActivityInfo, workflowExecution: { workflowId: 'wf-lease', runId: 'r1' } });
  return env.run<[A], R, (input: A) => Promise<R>>(fn, input);
}

test("a team project's run takes the team owner's slot, not its creator's, and gives it back there", async () => {
  const em = db.orm.em.fork();
  const user = (name: string, tier: string) => em.create(User, { email: `${randomUUID()}@example.com`, displayName: name, tier });
  const owner = user('Owner', 'team');
  const creator = user('Creator who left', 'free');
  const team = em.create(Team, { name: `t-${randomUUID().slice(0, 6)}` });
  em.create(TeamMember, { team, user: owner, role: 'owner' });
  // The creator is no longer a member: she left after creating the project.
  const project = em.create(Project, { owner: creator, ownerTeam: team, name: 'shared', framework: 'express', description: 'd', buildMode: 'team', autoApprovePlan: true });
  const projectRun = em.create(ProjectRun, { project, workflowId: workflowIds.projectBuild(project.id) });
  await em.flush();
  const ref = { projectId: project.id, runId: projectRun.id };

  expect(await run(activities.acquireAgentRunLease, { ref, ttlMs: 60_000 })).toMatchObject({ granted: true, limit: 10 });
  expect(await leases.holders(owner.id, 'agent-runs')).toEqual([projectRun.id]);
  expect(await leases.held(creator.id, 'agent-runs')).toBe(0);
  expect(await run(activities.renewAgentRunLease, { ref, ttlMs: 60_000 })).toBe(true);
  await run(activities.releaseAgentRunLease, { ref });
  expect(await leases.held(owner.id, 'agent-runs')).toBe(0);
});
