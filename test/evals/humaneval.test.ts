/**
 * The HumanEval harness: the checker in a real sandbox (canonical solutions pass; each failure kind is told
 * apart), a run through the gateway against the OpenAI wire fake with scripted replies (exact counts), and three
 * problems with the real local GGUF (it runs and reports; the score is not asserted).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStackConfig } from '../../infra/src/stack-config';
import { checkInSandbox, programOf } from '../../bench/evals/humaneval-check';
import { ensureHumanEval, loadProblems, type HumanEvalProblem } from '../../bench/evals/humaneval-data';
import { EvalModelUnavailableError, runHumanEval } from '../../bench/evals/humaneval';
import { formatReport, summarise, writeReport, type EvalReport } from '../../bench/evals/report';
import { localModelOf } from '../../core/models/local-model';
import { createModelLayer } from '../../core/models/model-layer';
import { gatewayWorld, type GatewayWorld } from '../fixtures/model-gateway';
import { testLocalBackend } from '../fixtures/sandbox-backends';
import { testEnv } from '../services';

let problems: HumanEvalProblem[];
let sandboxes: ReturnType<typeof testLocalBackend>;
let world: GatewayWorld;
const reports = mkdtempSync(join(tmpdir(), 'atelier-evals-'));

beforeAll(async () => {
  problems = loadProblems(await ensureHumanEval(toolsDir()));
  sandboxes = testLocalBackend();
  world = await gatewayWorld();
});
afterAll(async () => {
  await world?.dispose();
  await sandboxes?.dispose();
  rmSync(reports, { recursive: true, force: true });
});

const toolsDir = () => loadStackConfig({ ATELIER_TOOLS_DIR: process.env.ATELIER_TOOLS_DIR }).toolsDir;
const task = (n: number) => problems.find((p) => p.task_id === `HumanEval/${n}`)!;

test('the data file has the 164 problems', () => {
  expect(problems).toHaveLength(164);
  expect(problems[0]).toEqual(expect.objectContaining({ task_id: 'HumanEval/0', entry_point: 'has_close_elements', test: expect.stringContaining('def check(candidate)') }));
});

test('programOf: a whole function follows the prompt (its imports and helpers stay); a body is indented under the signature', () => {
  const p = task(0);
  const fn = programOf(p, 'def has_close_elements(numbers, threshold):\n    return False\n');
  expect(fn.shape).toBe('function');
  expect(fn.program.startsWith(p.prompt.trimEnd())).toBe(true);
  const body = programOf(p, 'return False');
  expect(body).toEqual({ shape: 'body', program: `${p.prompt}    return False\n` });
  expect(programOf(p, p.canonical_solution).program).toBe(`${p.prompt}${p.canonical_solution.trimEnd()}\n`);
});

test('the sandbox check passes canonical solutions and tells the failure kinds apart', async () => {
  const backend = sandboxes.backend;
  for (const n of [0, 32, 38]) {
    // 32 needs the prompt's `poly` and `math`, 38 its `encode_cyclic`: helpers the test calls.
    const p = task(n);
    await expect(checkInSandbox(backend, p, programOf(p, p.canonical_solution).program)).resolves.toEqual(expect.objectContaining({ passed: true, kind: null }));
  }
  const p = task(0);
  const kindOf = async (content: string) => (await checkInSandbox(backend, p, programOf(p, content).program)).kind;
  expect(await kindOf('    return False\n')).toBe('assertion');
  expect(await kindOf('def has_close_elements(numbers, threshold):\n    return (\n')).toBe('syntax');
  expect(await kindOf('    return numbers.nope()\n')).toBe('runtime');
  expect(await kindOf('    while True:\n        pass\n')).toBe('timeout');
  // The check runs inside the sandbox: the host's files are not there.
  const host = await checkInSandbox(backend, p, programOf(p, `    return open(${JSON.stringify(join(__dirname, 'humaneval.test.ts'))}).read() == ''\n`).program);
  expect(host).toEqual(expect.objectContaining({ passed: false, kind: 'runtime', detail: expect.stringContaining('FileNotFoundError') }));
});

test('a run through the gateway (OpenAI wire fake) counts passes, failures by kind, tokens and edit tools', async () => {
  const chosen = [task(0), task(2), task(4), task(7)];
  const replies: Record<string, string> = {
    // The whole function in a fence, as the prompt asks: passes.
    has_close_elements: `Here it is:\n\`\`\`python\n${task(0).prompt}${task(0).canonical_solution}\`\`\`\n`,
    // A body only: indented under the prompt's signature, passes.
    truncate_number: '```python\nreturn number % 1.0\n```',
    // Wrong.
    mean_absolute_deviation: '```python\ndef mean_absolute_deviation(numbers):\n    return 0.0\n```',
    // Prose only.
    filter_by_substring: 'I would filter the list with a comprehension.',
  };
  world.openai.replyFor = (req) => {
    const text = JSON.stringify(req.body.messages);
    const name = Object.keys(replies).find((n) => text.includes(`def ${n}(`));
    return name ? { text: replies[name], usage: { inputTokens: 100, outputTokens: 20 } } : undefined;
  };
  const layer = world.layer();
  const run = await runHumanEval({ orm: world.orm, gateway: layer.gateway, sandboxes: sandboxes.backend }, { problems: chosen, model: 'openai/gpt-4.1' });
  const report = summarise(run);
  expect(report.results.map((r) => [r.task, r.passed, r.kind, r.shape])).toEqual([
    ['HumanEval/0', true, null, 'function'],
    ['HumanEval/2', true, null, 'body'],
    ['HumanEval/4', false, 'assertion', 'function'],
    ['HumanEval/7', false, 'no_code', null],
  ]);
  expect(report).toEqual(
    expect.objectContaining({
      model: 'openai/gpt-4.1',
      answeredBy: { 'openai/gpt-4.1': 4 },
      problems: 4,
      passed: 2,
      passAt1: 0.5,
      tokens: { input: 400, output: 80 },
      failures: { no_code: 1, syntax: 0, assertion: 1, runtime: 0, timeout: 0, model_error: 0 },
    }),
  );
  expect(report.costUsd).toBeGreaterThan(0);
  expect(report.editApply.whole_file).toEqual({ attempts: 3, applied: 3, rate: 1 });
  // Metered as any assist call: one usage row per problem under the eval's call keys.
  const rows = await world.rows({ agent_role: 'assist' });
  expect(rows.filter((r) => String(r.call_key).startsWith(`eval:${run.runId}:`))).toHaveLength(4);
});

test('a forced model that cannot serve (no key for its vendor) is refused, not silently replaced by the chain', async () => {
  const layer = world.layer();
  await expect(
    runHumanEval({ orm: world.orm, gateway: layer.gateway, sandboxes: sandboxes.backend }, { problems: [task(0)], model: 'google/gemini-2.5-flash' }),
  ).rejects.toBeInstanceOf(EvalModelUnavailableError);
});

test('the reference run checks canonical solutions; the report is written whole as JSON and printed', async () => {
  const layer = world.layer();
  const run = await runHumanEval({ orm: world.orm, gateway: layer.gateway, sandboxes: sandboxes.backend }, { problems: problems.slice(10, 13), reference: true, concurrency: 2 });
  const report = summarise(run);
  expect(report).toEqual(expect.objectContaining({ model: 'reference', problems: 3, passed: 3, passAt1: 1 }));
  const file = writeReport(report, reports);
  expect(existsSync(`${file}.part`)).toBe(false);
  expect((JSON.parse(readFileSync(file, 'utf8')) as EvalReport).results).toHaveLength(3);
  expect(formatReport(report)).toMatch(/pass@1\s+100\.0% \(3\/3\)/);
});

test('three problems with the real local GGUF: the run ends and its numbers add up (the score is not asserted)', async () => {
  const local = await localModelOf({ ATELIER_LOCAL_MODEL: testEnv().localModel }, toolsDir());
  // No vendor key: the assist chain is the local model alone, as on a machine with nothing configured.
  const layer = createModelLayer({ env: {}, orm: world.orm, redis: world.redis, box: null, local });
  try {
    const run = await runHumanEval({ orm: world.orm, gateway: layer.gateway, sandboxes: sandboxes.backend }, { problems: [task(2), task(23), task(53)] });
    const report = summarise(run);
    expect(report).toEqual(expect.objectContaining({ model: local!.id, problems: 3 }));
    expect(report.passed + Object.values(report.failures).reduce((a, b) => a + b, 0)).toBe(3);
    for (const r of report.results) {
      expect(r.passed).toBe(r.kind === null);
      if (r.kind === 'model_error') continue;
      // Answered by the local model, metered in real tokens, free.
      expect(r).toEqual(expect.objectContaining({ model: local!.id, costUsd: 0, inputTokens: expect.any(Number) }));
      expect(r.inputTokens).toBeGreaterThan(50);
      expect(r.modelMs).toBeGreaterThan(0);
    }
    const attempts = Object.values(report.editApply).reduce((a, t) => a + t.attempts, 0);
    expect(attempts).toBe(report.results.filter((r) => r.tool !== null).length);
    const file = writeReport(report, reports);
    expect((JSON.parse(readFileSync(file, 'utf8')) as EvalReport).results.map((r) => r.task)).toEqual(['HumanEval/2', 'HumanEval/23', 'HumanEval/53']);
  } finally {
    await layer.local?.close();
  }
}, 15 * 60_000);
