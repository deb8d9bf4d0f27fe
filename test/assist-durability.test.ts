/**
 * assistWorkflow survives its worker (its own OS process) being SIGKILLed in the middle of the model call (the
 * answer streaming from the OpenAI wire fake) and in the middle of a fix's verification (the command running in
 * its sandbox). A new worker finishes each request: ready exactly once (one terminal event), the answer and the
 * verification stored, the model call metered once, and no sandbox left running.
 */
import { randomUUID } from 'node:crypto';
import { AssistEventType } from '../contracts/assist';
import { workflowIds } from '../contracts/workflow-ids';
import { AssistEventStream } from '../core/assist/assist-stream';
import { AssistRequest } from '../core/assist/assist.entities';
import { UsageLog } from '../core/models/usage-log.entity';
import { Project, ProjectFile } from '../core/project/project.entity';
import { SandboxRecord } from '../core/sandbox/sandbox.entity';
import { User } from '../core/user/user.entity';
import { OpenAIFake } from './fakes/openai-fake';
import { graphqlAs } from './fixtures/graphql-kit';
import type { createStack } from './harness';
import { useWorkerProcesses } from './worker-process';

const openai = new OpenAIFake();
const stackOptions: NonNullable<Parameters<typeof createStack>[0]> = { live: false };
beforeAll(async () => {
  await openai.start();
  stackOptions.config = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL };
});
afterAll(() => openai.close());
const env = useWorkerProcesses('assist', stackOptions);

const SUM = 'function sum(a, b) {\n  return a - b;\n}\n\nmodule.exports = { sum };\n';
const FIXED = SUM.replace('a - b', 'a + b');
const SUM_TEST = "const assert = require('node:assert');\nconst { sum } = require('../src/sum');\nassert.strictEqual(sum(1, 2), 3);\nconsole.log('ok');\n";
const START = 'mutation($i: StartAssistInput!) { startAssist(input: $i) { id } }';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('finishes each request exactly once though the worker is SIGKILLed during the model call and the verification', async () => {
  const { stack } = env;
  const em = stack.db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Olga', tier: 'pro' });
  const project = em.create(Project, { owner: user, name: `assist-dur-${randomUUID().slice(0, 8)}`, framework: 'express' });
  em.create(ProjectFile, { project, path: 'src/sum.js', content: SUM, language: 'javascript', size: SUM.length });
  em.create(ProjectFile, { project, path: 'test/sum.test.js', content: SUM_TEST, language: 'javascript', size: SUM_TEST.length });
  await em.flush();
  const api = graphqlAs(stack);
  const events = new AssistEventStream(stack.redis);
  const start = async (input: Record<string, unknown>) =>
    ((await api.ok(START, { i: { projectId: project.id, ...input } }, user.id)).startAssist as { id: string }).id;

  // 1. Killed while the explanation streams: the retried call streams it again and is metered once.
  const answer = 'It subtracts b from a, though the function is named sum and should add them.';
  // By what is asked, not in order: the killed call's retry comes after the heartbeat timeout, behind the fix.
  let explained = 0;
  openai.replyFor = (req) => {
    if (JSON.stringify(req.body.messages).includes('Fix the bug')) return { text: `\`\`\`js\n${FIXED}\`\`\`` };
    return { text: answer, chunkDelayMs: explained++ === 0 ? 150 : 0, usage: { inputTokens: 80, outputTokens: 20 } };
  };
  let worker = await env.start({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL });
  const explain = await start({ action: 'explain', path: 'src/sum.js' });
  await waitFor('the answer to start streaming', async () => (await events.read(explain)).some((e) => e.type === AssistEventType.DELTA));
  await env.kill(worker);
  worker = await env.start({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL });

  // 2. Killed while the fix's command runs in its sandbox: the next attempt replaces that sandbox and runs it again.
  const fix = await start({ action: 'fix', path: 'src/sum.js', errorOutput: 'AssertionError: -1 !== 3', testCommand: 'sleep 2 && node test/sum.test.js' });
  await waitFor('the verification to start', async () => (await events.read(fix)).some((e) => e.type === AssistEventType.VERIFYING));
  await waitFor('its sandbox', () => stack.db.orm.em.fork().findOne(SandboxRecord, { idempotencyKey: { $like: `${workflowIds.assist(fix)}:verify:%` }, status: 'RUNNING' }));
  await env.kill(worker);
  await env.start({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL });

  for (const id of [explain, fix]) expect(await stack.temporal.workflow.getHandle(workflowIds.assist(id)).result()).toEqual({ status: 'ready' });
  const check = stack.db.orm.em.fork();
  const [done, fixed] = [await check.findOneOrFail(AssistRequest, { id: explain }), await check.findOneOrFail(AssistRequest, { id: fix })];
  expect({ status: done.status, answer: done.answer }).toEqual({ status: 'ready', answer });
  expect({ status: fixed.status, proposed: fixed.proposedContent, passed: fixed.verification?.passed }).toEqual({ status: 'ready', proposed: FIXED, passed: true });
  for (const id of [explain, fix]) {
    const ends = (await events.read(id)).filter((e) => e.type === AssistEventType.READY || e.type === AssistEventType.FAILED);
    expect({ id, ends: ends.map((e) => e.data) }).toEqual({ id, ends: [{ status: 'ready' }] });
    const usage = await check.find(UsageLog, { callKey: { $like: `${workflowIds.assist(id)}/%` } });
    expect({ id, usage: usage.map((u) => u.agentRole) }).toEqual({ id, usage: ['assist'] });
  }
  // The explanation was asked twice (the killed stream and its retry); the fix once.
  expect(openai.requests).toHaveLength(3);
  expect(await check.count(SandboxRecord, { idempotencyKey: { $like: `${workflowIds.assist(fix)}:verify:%` }, status: { $ne: 'DESTROYED' } })).toBe(0);
  events.close();
}, 300_000);
