/**
 * HumanEval through the product's own path: each problem's prompt is the description of a `new_file` assist
 * action on `solution.py` (core/assist/prompts.ts), the model is called through the gateway with role `assist`
 * (budgets, chain, metering as for a person), the reply becomes a proposal with `proposalFromReply`
 * (core/assist/model-edit.ts), and the proposed file is checked in a sandbox. pass@1 is one sample per problem.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { EDIT_TOOLS, type EditTool } from '../../contracts/assist';
import { actionRequest } from '../../core/assist/prompts';
import { editApplyStats, proposalFromReply } from '../../core/assist/model-edit';
import type { ModelGateway } from '../../core/models/model-gateway';
import { ModelSettings } from '../../core/models/model-settings.entity';
import { Project } from '../../core/project/project.entity';
import { User } from '../../core/user/user.entity';
import type { SandboxBackend } from '../../sandbox/types';
import { checkInSandbox, programOf, type FailureKind, type SolutionShape } from './humaneval-check';
import type { HumanEvalProblem } from './humaneval-data';

/** One problem's outcome. */
export interface ProblemResult {
  task: string;
  passed: boolean;
  kind: FailureKind | null;
  /** The catalog model that answered (null when the call failed). */
  model: string | null;
  tool: EditTool | null;
  shape: SolutionShape | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  modelMs: number;
  checkMs: number;
  totalMs: number;
  /** Why it failed: the traceback's tail, the parser's reason or the gateway's error. */
  detail: string;
  /** The model's reply (its first 2,000 characters), to see what it wrote. */
  reply: string;
}

export interface EvalDeps {
  orm: MikroORM;
  gateway: ModelGateway;
  sandboxes: SandboxBackend;
}

export interface EvalOptions {
  problems: readonly HumanEvalProblem[];
  /** A catalog id to force (a project role override for `assist`); default: the assist chain's first model. */
  model?: string | null;
  /** Check HumanEval's canonical solutions instead of asking a model (the checker's own test: all must pass). */
  reference?: boolean;
  /** Problems in flight at once (model call + check); 1 suits a local model on a small machine. */
  concurrency?: number;
  /** After each problem: its result, and the run so far (the problems done, in order), e.g. to save a partial report. */
  onResult?: (result: ProblemResult, done: number, total: number, sofar: EvalRun) => void;
}

export interface EvalRun {
  runId: string;
  /** The model asked for, or the chain's first (`reference` for canonical solutions). */
  model: string;
  startedAt: Date;
  wallMs: number;
  results: ProblemResult[];
  /** editApplyStats() counted over this run. */
  editApply: Record<EditTool, { attempts: number; applied: number }>;
}

/** Thrown when the model asked for (or any model) cannot serve the assist purpose for the eval's user. */
export class EvalModelUnavailableError extends Error {
  override readonly name = 'EvalModelUnavailableError';
  constructor(
    readonly model: string | null,
    readonly reason: string,
  ) {
    super(`${model ?? 'the assist chain'} cannot run the eval: ${reason}`);
  }
}

export async function runHumanEval(deps: EvalDeps, options: EvalOptions): Promise<EvalRun> {
  const runId = randomUUID();
  const startedAt = new Date();
  const t0 = performance.now();
  const subject = await seedEvalProject(deps.orm, runId, options.model ?? null);
  const model = options.reference ? 'reference' : await chosenModel(deps.gateway, subject, options.model ?? null);
  const before = snapshot();
  const results: (ProblemResult | undefined)[] = new Array(options.problems.length);
  const sofar = (): EvalRun => {
    const after = snapshot();
    const editApply = Object.fromEntries(
      EDIT_TOOLS.map((tool) => [tool, { attempts: after[tool].attempts - before[tool].attempts, applied: after[tool].applied - before[tool].applied }]),
    ) as EvalRun['editApply'];
    return { runId, model, startedAt, wallMs: performance.now() - t0, results: results.filter((r): r is ProblemResult => Boolean(r)), editApply };
  };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < options.problems.length) {
      const index = next++;
      const problem = options.problems[index]!;
      const result = options.reference ? await checkReference(deps.sandboxes, problem) : await solve(deps, { ...subject, runId }, problem);
      results[index] = result;
      options.onResult?.(result, ++done, options.problems.length, sofar());
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return sofar();
}

/** One problem: prompt → gateway → proposal → program → sandbox. */
async function solve(deps: EvalDeps, ids: { userId: string; projectId: string; runId: string }, problem: HumanEvalProblem): Promise<ProblemResult> {
  const t0 = performance.now();
  const base = { task: problem.task_id, passed: false, model: null, tool: null, shape: null, inputTokens: 0, outputTokens: 0, costUsd: 0, checkMs: 0, reply: '' };
  const request = actionRequest({
    action: 'new_file',
    path: 'solution.py',
    language: 'python',
    fileContent: '',
    selection: null,
    instruction: problem.prompt,
    errorOutput: null,
    targetPath: 'solution.py',
    targetContent: '',
  });
  let reply;
  try {
    reply = await deps.gateway.call({
      callKey: `eval:${ids.runId}:${problem.task_id}`,
      userId: ids.userId,
      projectId: ids.projectId,
      role: 'assist',
      request,
    });
  } catch (error) {
    const ms = performance.now() - t0;
    return { ...base, kind: 'model_error', modelMs: ms, totalMs: ms, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  const modelMs = performance.now() - t0;
  const usage = reply.response.usage;
  const answered = { ...base, reply: reply.response.text.slice(0, 2000), model: reply.model, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, costUsd: reply.costUsd, modelMs };
  const proposal = proposalFromReply({ action: 'new_file', base: '', selection: null, reply: reply.response.text });
  if (!proposal.ok) {
    return { ...answered, tool: proposal.tool, kind: 'no_code', totalMs: performance.now() - t0, detail: proposal.error };
  }
  const { program, shape } = programOf(problem, proposal.content);
  const check = await checkInSandbox(deps.sandboxes, problem, program);
  return { ...answered, tool: proposal.tool, shape, passed: check.passed, kind: check.kind, checkMs: check.durationMs, totalMs: performance.now() - t0, detail: check.detail };
}

async function checkReference(sandboxes: SandboxBackend, problem: HumanEvalProblem): Promise<ProblemResult> {
  const { program, shape } = programOf(problem, problem.canonical_solution);
  const check = await checkInSandbox(sandboxes, problem, program);
  return {
    task: problem.task_id,
    passed: check.passed,
    kind: check.kind,
    model: 'reference',
    tool: null,
    shape,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    modelMs: 0,
    checkMs: check.durationMs,
    totalMs: check.durationMs,
    detail: check.detail,
    reply: '',
  };
}

/**
 * The eval's own user (enterprise tier: no tier budget stops a long run) and project; a forced model becomes the
 * project's `assist` chain, as a person would set it in the project's model settings.
 */
async function seedEvalProject(orm: MikroORM, runId: string, model: string | null): Promise<{ userId: string; projectId: string }> {
  const em = orm.em.fork();
  const user = em.create(User, { email: `eval-${runId}@evals.atelier.invalid`, displayName: 'HumanEval', tier: 'enterprise' });
  const project = em.create(Project, { owner: user, name: `humaneval-${runId.slice(0, 8)}`, framework: 'fastapi' });
  if (model) em.create(ModelSettings, { scope: 'project', scopeId: project.id, roleModels: { assist: [model] } });
  await em.flush();
  return { userId: user.id, projectId: project.id };
}

/**
 * The model the run will use. The assist chain always ends with the local model, so a forced vendor model with no
 * key would quietly fall to it: refuse that instead of reporting the wrong model's score.
 */
async function chosenModel(gateway: ModelGateway, subject: { userId: string; projectId: string }, forced: string | null): Promise<string> {
  const { models, reason } = await gateway.availability(subject, 'assist');
  const first = models[0]?.id;
  if (!first) throw new EvalModelUnavailableError(forced, reason ?? 'no model');
  if (forced && first !== forced) throw new EvalModelUnavailableError(forced, `not in the catalog or no key for its provider (the chain starts with ${first})`);
  return first;
}

function snapshot(): Record<EditTool, { attempts: number; applied: number }> {
  const stats = editApplyStats();
  return Object.fromEntries(EDIT_TOOLS.map((tool) => [tool, { attempts: stats[tool]?.attempts ?? 0, applied: stats[tool]?.applied ?? 0 }])) as Record<
    EditTool,
    { attempts: number; applied: number }
  >;
}
