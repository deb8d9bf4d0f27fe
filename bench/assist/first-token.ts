/**
 * Time to first token of chat and of each editor action as a client sees it (the mutation sent → the first
 * `assist.delta` read from the request's stream, subscribed after the mutation answered, as the client does), and
 * to the end (`assist.ready`), beside the same reply through `gateway.call` directly (first `onDelta`) in the same
 * run, in a rotated order. The OpenAI wire fake streams a scripted reply at a fixed pace: headers after 20 ms, a
 * chunk every 5 ms.
 */
import { randomUUID } from 'node:crypto';
import { AssistEventType, type AssistAction } from '../../contracts/assist';
import { AssistEventStream } from '../../core/assist/assist-stream';
import { ModelSettings } from '../../core/models/model-settings.entity';
import { Project, ProjectFile } from '../../core/project/project.entity';
import { User } from '../../core/user/user.entity';
import { OpenAIFake } from '../../test/fakes/openai-fake';
import type { ScriptedReply } from '../../test/fakes/fake-vendor';
import { graphqlAs } from '../../test/fixtures/graphql-kit';
import { lendUndiciDispatcher } from '../../test/fixtures/provider-wire';
import { createStack } from '../../test/harness';
import type { Row } from '../stats';

const MODEL = 'openai/gpt-4.1';
const SOURCE = `export function total(items: { price: number; qty: number }[]): number {\n  let sum = 0;\n  for (const item of items) sum += item.price * item.qty;\n  return sum;\n}\n`;
const ANSWER = ['Here ', 'is ', 'the ', 'change:\n', '```ts\n', 'export function total(items: { price: number; qty: number }[]): number {\n', '  return items.reduce((s, i) => s + i.price * i.qty, 0);\n', '}\n', '```\n', 'Shorter.'];
const REPLY: ScriptedReply = { text: ANSWER.join(''), chunks: ANSWER, delayMs: 20, chunkDelayMs: 5, usage: { inputTokens: 300, outputTokens: 60 } };

const ACTIONS: { action: AssistAction; extra: (n: number) => Record<string, unknown> }[] = [
  { action: 'explain', extra: () => ({ path: 'src/total.ts' }) },
  { action: 'refactor', extra: () => ({ path: 'src/total.ts', instruction: 'use reduce' }) },
  { action: 'fix', extra: () => ({ path: 'src/total.ts', fixSource: 'diagnostic', errorOutput: "TS2322: Type 'string' is not assignable to type 'number'." }) },
  { action: 'tests', extra: () => ({ path: 'src/total.ts' }) },
  { action: 'docs', extra: () => ({ path: 'src/total.ts', selection: { startLine: 1, endLine: 5 } }) },
  { action: 'new_file', extra: (n) => ({ path: `src/new-${n}.ts`, instruction: 'a function that sums prices' }) },
];

const START = `mutation($input: StartAssistInput!) { startAssist(input: $input) { id } }`;
const ASK = `mutation($projectId: ID!, $message: String!) { askAssist(projectId: $projectId, message: $message) { reply { id } } }`;

export interface FirstTokenResult {
  /** Per path: time to first token and to the end, in ms. */
  rows: Row[];
  baseline: { ttft: number[]; total: number[] };
}

export async function measureFirstToken(iterations: number, warmup = 3): Promise<FirstTokenResult> {
  lendUndiciDispatcher();
  const fake = await new OpenAIFake().start();
  fake.defaultReply = REPLY;
  fake.record = false;
  const stack = await createStack({
    live: false,
    config: { OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: fake.baseURL },
  });
  const { stop } = await stack.startWorker();
  const events = new AssistEventStream(stack.redis, { blockMs: 1000 });
  const { ok } = graphqlAs(stack);
  try {
    const em = stack.db.orm.em.fork();
    const user = em.create(User, { email: `${randomUUID()}@bench.example`, displayName: 'Bench', tier: 'enterprise' });
    const project = em.create(Project, { owner: user, name: `assist-bench-${randomUUID().slice(0, 8)}`, framework: 'express' });
    em.create(ProjectFile, { project, path: 'src/total.ts', content: SOURCE, language: 'typescript', size: Buffer.byteLength(SOURCE) });
    em.create(ModelSettings, { scope: 'project', scopeId: project.id, roleModels: { assist: [MODEL], chat: [MODEL] } });
    await em.flush();
    const ids = { userId: user.id, projectId: project.id };

    /** Sends, then follows the stream from its start until ready/failed. */
    const follow = async (send: () => Promise<string>) => {
      const t0 = performance.now();
      const id = await send();
      let ttft: number | undefined;
      const subscription = events.subscribe(id, '0-0');
      try {
        for await (const event of subscription) {
          if (event.type === AssistEventType.DELTA) ttft ??= performance.now() - t0;
          if (event.type === AssistEventType.FAILED) throw new Error(`${id} failed: ${JSON.stringify(event.data)}`);
          if (event.type === AssistEventType.READY) break;
        }
      } finally {
        await subscription.return?.();
      }
      if (ttft === undefined) throw new Error(`${id} ended without a delta`);
      return { ttft, total: performance.now() - t0 };
    };

    let n = 0;
    const paths: { name: string; run: () => Promise<{ ttft: number; total: number }> }[] = [
      {
        name: 'gateway.call (baseline)',
        run: async () => {
          const t0 = performance.now();
          let ttft: number | undefined;
          await stack.models.gateway.call({
            callKey: `bench/${randomUUID()}`,
            ...ids,
            role: 'assist',
            request: { messages: [{ role: 'system', content: 'You are a coding assistant.' }, { role: 'user', content: `Refactor:\n${SOURCE}` }] },
            onDelta: () => void (ttft ??= performance.now() - t0),
          });
          return { ttft: ttft ?? Number.NaN, total: performance.now() - t0 };
        },
      },
      ...ACTIONS.map(({ action, extra }) => ({
        name: `action ${action}`,
        run: () =>
          follow(async () => {
            const data = await ok(START, { input: { projectId: project.id, action, ...extra(n++) } }, user.id);
            return (data.startAssist as { id: string }).id;
          }),
      })),
      {
        name: 'chat',
        run: () =>
          follow(async () => {
            const data = await ok(ASK, { projectId: project.id, message: 'What does total do?' }, user.id);
            return (data.askAssist as { reply: { id: string } }).reply.id;
          }),
      },
    ];
    const samples = new Map(paths.map((p) => [p.name, { ttft: [] as number[], total: [] as number[] }]));
    for (let i = 0; i < warmup + iterations; i++) {
      // Rotated so drift and ordering fall on every path alike.
      for (let k = 0; k < paths.length; k++) {
        const path = paths[(i + k) % paths.length]!;
        const r = await path.run();
        if (i < warmup) continue;
        samples.get(path.name)!.ttft.push(r.ttft);
        samples.get(path.name)!.total.push(r.total);
      }
    }
    const rows: Row[] = paths.flatMap((p) => [
      { name: `${p.name}: first token`, samples: samples.get(p.name)!.ttft },
      { name: `${p.name}: end`, samples: samples.get(p.name)!.total },
    ]);
    return { rows, baseline: samples.get(paths[0]!.name)! };
  } finally {
    events.close();
    await stop();
    await stack.dispose();
    await fake.close();
  }
}
