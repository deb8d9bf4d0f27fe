/**
 * assistChatWorkflow survives its worker (its own OS process) being SIGKILLed while answers are written. The model
 * is the OpenAI wire fake: each answer reads a file (a tool round), then streams its text in a dozen chunks, so a
 * kill a random 0–1,200 ms after a wave's first model call lands in startChatReply, the first model call, the tool, the
 * streamed second call, completeChatReply, or between them (each kill's stages are printed and named in failures).
 * New workers finish every answer exactly once: complete with the scripted text and its citation; one assist.tool
 * per tool call and one assist.ready on the reply's stream; two usage rows per answer, counted once in the total.
 */
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import type { WorkflowHandle } from '@temporalio/client';
import { AssistEventType } from '../contracts/assist';
import { workflowIds } from '../contracts/workflow-ids';
import { AssistChatMessage } from '../core/assist/assist.entities';
import { AssistEventStream } from '../core/assist/assist-stream';
import { UsageLog } from '../core/models/usage-log.entity';
import { Project, ProjectFile } from '../core/project/project.entity';
import { User } from '../core/user/user.entity';
import type { AssistChatResult } from '../workflows/assist-chat.workflow';
import type { RecordedRequest, ScriptedReply } from './fakes/fake-vendor';
import { OpenAIFake } from './fakes/openai-fake';
import { waitFor } from './harness';
import { useWorkerProcesses } from './worker-process';

const openai = new OpenAIFake();
beforeAll(() => openai.start());
afterAll(() => openai.close());
const env = useWorkerProcesses('assist-chat', {
  live: false,
  // Read when the stack is built, after the fake listens.
  config: {
    OPENAI_API_KEY: 'sk-test',
    get OPENAI_BASE_URL() {
      return openai.baseURL;
    },
  },
});

const WAVES = Number(process.env.ASSIST_CHAT_KILLS ?? 2);
const PER_WAVE = 4;
const STAGGER_MS = 150;
const KILL_WITHIN_MS = 1_200;
const ASK = 'mutation($p: ID!, $m: String!) { askAssist(projectId: $p, message: $m) { reply { id } } }';
const CODE = 'export function sum(a, b) {\n  return a + b;\n}\n';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const answerTo = (question: string) => `About ${question}: the sum is at src/sum.ts:2, nothing else to it.`;

/** First a read of the file, then the answer to the question, streamed in chunks. */
function reply(req: RecordedRequest): ScriptedReply {
  const messages = req.body.messages as { role: string; content: string | null }[];
  if (!messages.some((m) => m.role === 'tool'))
    return { toolCalls: [{ name: 'read_file', arguments: { path: 'src/sum.ts' } }], usage: { inputTokens: 60, outputTokens: 8 } };
  const question = messages.filter((m) => m.role === 'user').at(-1)!.content!;
  const text = answerTo(question);
  return { text, chunks: text.match(/.{1,6}/g)!, chunkDelayMs: 60, usage: { inputTokens: 120, outputTokens: 16 } };
}

async function stageOf(handle: WorkflowHandle): Promise<string> {
  const events = (await handle.fetchHistory()).events ?? [];
  if (events.some((e) => e.workflowExecutionCompletedEventAttributes)) return 'done';
  const scheduled = events.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
  const completed = events.filter((e) => e.activityTaskCompletedEventAttributes).length;
  if (!scheduled.length) return 'before its first step';
  return `${scheduled.length > completed ? 'in' : 'after'} ${scheduled[scheduled.length - 1]}#${scheduled.length}`;
}

it(`answers every chat question exactly once though the worker is SIGKILLed ${WAVES} times while answers are written`, async () => {
  openai.replyFor = reply;
  const { stack } = env;
  const em = stack.db.orm.em.fork();
  const asker = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Asker', tier: 'pro' });
  const project = em.create(Project, { owner: asker, name: `chat-dur-${randomUUID().slice(0, 8)}`, framework: 'express' });
  em.create(ProjectFile, { project, path: 'src/sum.ts', content: CODE, language: 'typescript', size: CODE.length });
  await em.flush();
  const workerEnv = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL, ATELIER_LOCAL_MODEL: 'off' };

  const ask = async (n: number) => {
    const question = `question ${n}`;
    const response = await stack.app.apollo.executeOperation(
      { query: ASK, variables: { p: project.id, m: question } },
      { contextValue: stack.app.createContext(asker.id) },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
    return { question, replyId: (response.body.singleResult.data!.askAssist as { reply: { id: string } }).reply.id };
  };
  const handleOf = (replyId: string) => stack.temporal.workflow.getHandle<() => Promise<AssistChatResult>>(workflowIds.assistChat(replyId));

  let worker: ChildProcess = await env.start(workerEnv);
  const asked: { question: string; replyId: string }[] = [];
  const atKills: string[] = [];
  for (let wave = 0; wave < WAVES; wave++) {
    await sleep(1_000);
    const seen = openai.requests.length;
    const first = await ask(wave * PER_WAVE);
    const rest = Promise.all(Array.from({ length: PER_WAVE - 1 }, (_, i) => sleep((i + 1) * STAGGER_MS).then(() => ask(wave * PER_WAVE + i + 1))));
    // The clock starts once the wave's first answer has reached the model (a fresh worker takes a while to warm up).
    await waitFor('the wave’s first model call', async () => openai.requests.length > seen);
    const killAfter = Math.floor(Math.random() * KILL_WITHIN_MS);
    await sleep(killAfter);
    await env.kill(worker);
    const inWave = [first, ...(await rest)];
    asked.push(...inWave);
    const stages = await Promise.all(inWave.map((q) => stageOf(handleOf(q.replyId))));
    atKills.push(`kill ${wave + 1} at +${killAfter} ms: ${stages.map((s, i) => `q${wave * PER_WAVE + i} ${s}`).join(', ')}`);
    worker = await env.start(workerEnv);
  }
  const what = atKills.join('; ');
  console.log(`assist-chat durability: ${what}`);

  const results = await Promise.all(asked.map((q) => handleOf(q.replyId).result()));
  const check = stack.db.orm.em.fork();
  const streams = new AssistEventStream(stack.redis);
  try {
    for (const [i, q] of asked.entries()) {
      expect({ what, q: i, result: results[i] }).toEqual({ what, q: i, result: { status: 'complete', toolCalls: 1 } });
      const row = await check.findOneOrFail(AssistChatMessage, { id: q.replyId });
      expect({ what, q: i, row: [row.status, row.content, row.citations] }).toEqual({
        what,
        q: i,
        row: ['complete', answerTo(q.question), [{ path: 'src/sum.ts', line: 2 }]],
      });
      const events = await streams.read(q.replyId);
      expect({ what, q: i, ends: events.filter((e) => e.type !== AssistEventType.DELTA).map((e) => e.type) }).toEqual({
        what,
        q: i,
        ends: [AssistEventType.TOOL, AssistEventType.READY],
      });
      const usage = await check.find(UsageLog, { callKey: { $like: `${workflowIds.assistChat(q.replyId)}/%` } });
      expect({ what, q: i, usage: usage.map((u) => [u.userId, u.agentRole]) }).toEqual({
        what,
        q: i,
        usage: [
          [asker.id, 'chat'],
          [asker.id, 'chat'],
        ],
      });
    }
  } finally {
    streams.close();
  }
  expect(await check.count(AssistChatMessage, { project: project.id, role: 'assistant' })).toBe(asked.length);
  const [sums] = await check.getConnection().execute<{ logged: string; total: string | null }[]>(
    `select (select coalesce(sum(total_tokens), 0) from usage_logs where project_id = ?)::text as logged,
     (select tokens from usage_totals where scope = 'project' and scope_id = ?)::text as total`,
    [project.id, project.id],
  );
  expect(Number(sums!.logged)).toBe(asked.length * (68 + 136));
  expect(sums!.total).toBe(sums!.logged);
}, 400_000);
