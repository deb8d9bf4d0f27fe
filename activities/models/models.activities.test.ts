import { randomUUID } from 'node:crypto';
import { NativeConnection, bundleWorkflowCode } from '@temporalio/worker';
import { createBuildWorker } from '../build-worker';
import { OpenAIFake } from '../../test/fakes/openai-fake';
import { createStack, testServices, type Stack } from '../../test/harness';
import { ModelSettings } from '../../core/models/model-settings.entity';
import { Project } from '../../core/project/project.entity';
import { User } from '../../core/user/user.entity';
import { silentLogger } from '../../test/harness';
import type { ModelLoopResult } from '../../test/fixtures/workflows/model-loop.workflow';

/** callModel under a real Temporal worker: retries, exactly-once metering, streamed text, budgets. */
const openai = new OpenAIFake();
let stack: Stack;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  await openai.start();
  stack = await createStack({ config: { OPENAI_API_KEY: 'sk-platform', OPENAI_BASE_URL: openai.baseURL } });
  const connection = await NativeConnection.connect({ address: testServices().temporalAddress });
  const worker = await createBuildWorker({
    connection,
    namespace: 'default',
    taskQueue: stack.taskQueue,
    deps: { orm: stack.db.orm, events: stack.events, logger: silentLogger, scaffoldFileDelayMs: 0, models: stack.models.gateway },
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('../../test/fixtures/workflows/model-loop.workflow'),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
    }),
  });
  const running = worker.run();
  stopWorker = async () => {
    worker.shutdown();
    await running;
    await connection.close();
  };
});
afterAll(async () => {
  await stopWorker?.();
  await stack?.dispose();
  await openai.close();
});
beforeEach(() => openai.reset());

async function seed(runTokenBudget?: number) {
  const em = stack.db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Looper' });
  const project = em.create(Project, { owner: user, name: `loop-${randomUUID().slice(0, 8)}`, framework: 'express' });
  em.create(ModelSettings, { scope: 'project', scopeId: project.id, roleModels: { coder: ['openai/gpt-4.1'] }, runTokenBudget });
  await em.flush();
  return { userId: user.id, projectId: project.id, runId: randomUUID() };
}

const run = (args: Record<string, unknown>) =>
  stack.temporal.workflow.execute('modelLoopWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: `model-loop-${randomUUID()}`,
    args: [args],
  }) as Promise<ModelLoopResult>;

test('a stream that breaks mid-reply is retried by Temporal; the row is written once and the UI text shows once', async () => {
  const ids = await seed();
  openai.script(
    { chunks: ['Hello ', 'wor'], streamError: { status: 500 } },
    { chunks: ['Hello ', 'world, ', 'second try'], usage: { inputTokens: 40, outputTokens: 6 } },
  );
  const result = await run({
    ...ids,
    role: 'coder',
    stream: true,
    maxCalls: 1,
    request: { messages: [{ role: 'user', content: 'greet' }] },
  });
  expect(result.outputs[0]).toMatchObject({ model: 'openai/gpt-4.1', replayed: false });
  expect(result.outputs[0]!.response.text).toBe('Hello world, second try');
  expect(openai.requests).toHaveLength(2);

  const rows = await stack.db.orm.em
    .fork()
    .getConnection()
    .execute('select call_key, total_tokens from usage_logs where run_id = ?', [ids.runId]);
  expect(rows).toEqual([{ call_key: result.outputs[0]!.callKey, total_tokens: 46 }]);

  const events = (await stack.events.read(ids.projectId)).filter((e) => e.type.startsWith('model.'));
  const segments = events.filter((e) => e.type === 'model.started').map((e) => e.data!.segment);
  expect(segments).toEqual(['1.0', '2.0']);
  // What a client shows: the deltas of the latest segment of the call.
  const latest = segments[segments.length - 1];
  const shown = events
    .filter((e) => e.type === 'model.delta' && e.data!.segment === latest)
    .map((e) => e.data!.text)
    .join('');
  expect(shown).toBe('Hello world, second try');
  expect(events.filter((e) => e.type === 'model.completed')).toHaveLength(1);
});

test('a looping caller is stopped by its run budget with a non-retryable BUDGET_EXCEEDED the workflow can act on', async () => {
  const ids = await seed(3000);
  openai.defaultReply = { text: 'more', usage: { inputTokens: 1000, outputTokens: 500 } };
  const result = await run({ ...ids, role: 'coder', maxCalls: 50, request: { messages: [{ role: 'user', content: 'loop' }] } });
  expect(result.outputs).toHaveLength(2);
  expect(result.stoppedBy).toEqual({ type: 'BUDGET_EXCEEDED', details: [{ scope: 'run', measure: 'tokens', used: 3000, limit: 3000 }] });
  expect(openai.requests).toHaveLength(2);
});

test('a refused key is not retried: MODEL_NOT_AVAILABLE after one vendor request', async () => {
  const ids = await seed();
  openai.defaultReply = { error: { status: 401 } };
  const result = await run({ ...ids, role: 'coder', maxCalls: 3, request: { messages: [{ role: 'user', content: 'x' }] } });
  expect(result.stoppedBy?.type).toBe('MODEL_NOT_AVAILABLE');
  expect(openai.requests).toHaveLength(1);
});
