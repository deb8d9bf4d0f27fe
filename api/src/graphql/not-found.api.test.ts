import { randomUUID } from 'node:crypto';
import { createOrm } from '../../../core/db/db';
import { LOCAL_USER_ID } from '../../../core/user/user.entity';
import { createStack, silentLogger, type Stack } from '../../../test/harness';
import { createContextFactory, type GraphQLContext } from '../context';
import { createServices } from '../services';

/**
 * "Not found" means not found. Reads that answer null for a missing thing (`project`, `team`) catch only
 * NotFoundError; a database outage reaches the caller as INTERNAL_SERVER_ERROR with the generic message and
 * no stack trace. The outage is real: the same schema and error formatter, over a closed connection pool.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await createStack();
});
afterAll(async () => {
  await stack?.dispose();
});

const READS = [
  ['project', 'query($id: ID!) { project(id: $id) { id } }'],
  ['team', 'query($id: ID!) { team(id: $id) { id } }'],
  ['projectModelSettings', 'query($id: ID!) { projectModelSettings(projectId: $id) { projectId } }'],
] as const;

async function execute(query: string, contextValue: GraphQLContext) {
  const response = await stack.app.apollo.executeOperation({ query, variables: { id: randomUUID() } }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

test('with the database up, an unknown id is not found: null, or NOT_FOUND where the field cannot be null', async () => {
  const ctx = stack.app.createContext(LOCAL_USER_ID);
  expect((await execute(READS[0][1], ctx)).data).toEqual({ project: null });
  expect((await execute(READS[1][1], ctx)).data).toEqual({ team: null });
  expect((await execute(READS[2][1], ctx)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
});

test('with the database down, the same reads fail as INTERNAL_SERVER_ERROR, not as not found', async () => {
  const dead = await createOrm(stack.db.url);
  await dead.close(true);
  const services = createServices({
    config: { ATELIER_CLIENT_DIST: '/nonexistent', TEMPORAL_TASK_QUEUE: stack.taskQueue },
    orm: dead,
    redis: stack.redis,
    temporal: stack.temporal,
    logger: silentLogger,
    models: stack.models,
  });
  try {
    const contexts = createContextFactory({ orm: dead, redis: stack.redis, temporal: stack.temporal, services });
    for (const [field, query] of READS) {
      const result = await execute(query, contexts.base(LOCAL_USER_ID));
      expect({ field, data: result.data?.[field] ?? null }).toEqual({ field, data: null });
      const [error] = result.errors ?? [];
      expect({ field, code: error?.extensions?.code }).toEqual({ field, code: 'INTERNAL_SERVER_ERROR' });
      expect(error!.message).toBe('Something went wrong on our side. It has been logged; please try again.');
      expect(error!.extensions).not.toHaveProperty('stacktrace');
    }
  } finally {
    await services.close();
  }
});
