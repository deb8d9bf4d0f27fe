/**
 * `npm run eval -- humaneval [--model id] [--limit n] [--offset n] [--tasks 0,12,163] [--concurrency n] [--reference]`:
 * starts the same services as the tests (or uses DATABASE_URL / REDIS_URL), runs the eval on a fresh database
 * with the platform's model configuration (vendor keys from the environment, the local GGUF), prints a table and
 * writes `.data/evals/humaneval-<timestamp>.json`.
 */
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig } from '../../core/config';
import { localModelOf } from '../../core/models/local-model';
import { createModelLayer } from '../../core/models/model-layer';
import { createSandboxBackend } from '../../sandbox';
import globalSetup from '../../test/global-setup';
import globalTeardown from '../../test/global-teardown';
import { createTestDatabase } from '../../test/harness';
import { testEnv } from '../../test/services';
import { loadStackConfig } from '../../infra/src/stack-config';
import { describeError } from '../../infra/src/errors';
import { ensureHumanEval, loadProblems, type HumanEvalProblem } from './humaneval-data';
import { runHumanEval } from './humaneval';
import { formatReport, summarise, writeReport } from './report';

const USAGE = `Usage: npm run eval -- humaneval [--model <catalog id>] [--limit n] [--offset n] [--tasks 0,12,163] [--concurrency n] [--reference]
  --model        force a catalog model (e.g. local/SmolLM2-135M-Instruct.Q4_1.gguf, openai/gpt-4.1); default: the assist chain's first
  --limit/offset a slice of the 164 problems, in order; --tasks picks problems by number
  --concurrency  problems in flight at once (default 1)
  --reference    check HumanEval's canonical solutions instead of a model (the checker must pass all)
`;

interface Args {
  model: string | null;
  limit: number | null;
  offset: number;
  tasks: number[] | null;
  concurrency: number;
  reference: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { model: null, limit: null, offset: 0, tasks: null, concurrency: 1, reference: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const count = (min: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} needs an integer ≥ ${min}`);
      return n;
    };
    if (flag === '--model') args.model = value();
    else if (flag === '--limit') args.limit = count(1);
    else if (flag === '--offset') args.offset = count(0);
    else if (flag === '--concurrency') args.concurrency = count(1);
    else if (flag === '--reference') args.reference = true;
    else if (flag === '--tasks') args.tasks = value().split(',').map((t) => Number(t.trim().replace(/^HumanEval\//, '')));
    else throw new UsageError(`unknown option ${flag}`);
  }
  if (args.tasks?.some((t) => !Number.isInteger(t) || t < 0)) throw new UsageError('--tasks takes problem numbers such as 0,12,163');
  return args;
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function pick(all: HumanEvalProblem[], args: Args): HumanEvalProblem[] {
  if (args.tasks) return args.tasks.map((n) => all.find((p) => p.task_id === `HumanEval/${n}`)).filter((p): p is HumanEvalProblem => Boolean(p));
  return all.slice(args.offset, args.limit === null ? undefined : args.offset + args.limit);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name !== 'humaneval') {
    process.stderr.write(USAGE);
    return 2;
  }
  let args: Args;
  try {
    args = parseArgs(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}`);
    return 2;
  }
  const stack = loadStackConfig({ ATELIER_TOOLS_DIR: process.env.ATELIER_TOOLS_DIR });
  const problems = pick(loadProblems(await ensureHumanEval(stack.toolsDir, (l) => process.stdout.write(`${l}\n`))), args);
  if (!problems.length) throw new UsageError('no problem selected');

  await globalSetup();
  const db = await createTestDatabase();
  const redis = new Redis(testEnv().redisUrl);
  try {
    const config = loadConfig({ ...process.env, DATABASE_URL: db.url, REDIS_URL: testEnv().redisUrl });
    const local = await localModelOf(config, stack.toolsDir);
    const layer = createModelLayer({ env: config, orm: db.orm, redis, box: null, local });
    // A root of their own: a running app's orphan sweep never sees (and destroys) the eval's sandboxes.
    const sandboxes = createSandboxBackend({
      backend: config.ATELIER_SANDBOX_BACKEND,
      root: join(config.ATELIER_DATA_DIR, 'evals', 'sandboxes'),
      e2bApiKey: config.E2B_API_KEY,
    });
    const dir = join(config.ATELIER_DATA_DIR, 'evals');
    try {
      const run = await runHumanEval(
        { orm: db.orm, gateway: layer.gateway, sandboxes },
        {
          problems,
          model: args.model,
          reference: args.reference,
          concurrency: args.concurrency,
          onResult: (r, done, total, sofar) => {
            process.stdout.write(
              `[${String(done).padStart(3)}/${total}] ${r.task.padEnd(14)} ${r.passed ? 'pass' : (r.kind ?? 'fail').padEnd(11)} ${(r.totalMs / 1000).toFixed(1)} s${
                r.tool ? ` ${r.tool}` : ''
              }\n`,
            );
            // Kept up to date after every problem: a long local run stopped half way still has its numbers.
            writeReport(summarise(sofar), dir);
          },
        },
      );
      const report = summarise(run);
      process.stdout.write(formatReport(report));
      process.stdout.write(`\nJSON: ${writeReport(report, dir)}\n`);
    } finally {
      await (sandboxes as { close?: () => Promise<void> }).close?.();
      await layer.local?.close();
    }
    return 0;
  } finally {
    redis.disconnect();
    await db.dispose();
    await globalTeardown();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Eval failed: ${describeError(error)}\n`);
    process.exit(1);
  },
);
