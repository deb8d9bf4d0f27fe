/**
 * The offline optimizer: reads the optimize task's files, measures with the blueprint's benchmark through
 * run_command, and reports the numbers against their budgets. The blueprint's code is already the answer,
 * so nothing is rewritten; a metric over budget is reported for a real model (or a person) to take up.
 */
import type { Benchmark } from './blueprint';
import { commandResult, lastCall, lastLine, testsPassed } from './conversation';
import { filesOf, finish, label, roleTasks, type RoleScript, type ScriptContext, type Step } from './script-kit';

export const optimizerScript: RoleScript = (ctx) => {
  const files = filesOf(roleTasks(ctx));
  const unread = files.find((path) => lastCall(ctx.conversation, 'read_file', path) < 0);
  if (unread !== undefined && ctx.offered.has('read_file')) return { tool: 'read_file', args: { path: unread } };
  const { benchmark } = ctx.blueprint;
  if (benchmark && ctx.offered.has('run_command')) {
    const ran = lastCall(ctx.conversation, 'run_command');
    if (ran < 0) return { tool: 'run_command', args: { command: benchmark.command } };
    return report(ctx, benchmark, ctx.conversation.exchanges[ran]!.result);
  }
  return timeTheSuite(ctx);
};

/** The measured numbers against their budgets; a measurement that fails or prints no numbers fails the task. */
function report(ctx: ScriptContext, benchmark: Benchmark, result: string | undefined): Step {
  const { exitCode, output } = commandResult(result);
  const metrics = exitCode === 0 ? parseMetrics(lastLine(output)) : undefined;
  if (!metrics)
    return finish(
      `The measurement of ${benchmark.what} failed (exit code ${exitCode ?? 'unknown'}): ${output.slice(-500)} (${label(ctx)}).`,
      'failed',
    );
  const numbers = Object.entries(metrics).map(
    ([name, ms]) => `${name} ${ms} ms${name in benchmark.budgetMs ? ` (budget ${benchmark.budgetMs[name]})` : ''}`,
  );
  const over = Object.keys(metrics).filter((name) => metrics[name]! > (benchmark.budgetMs[name] ?? Infinity));
  const verdict =
    over.length === 0
      ? 'Within budget, so no rewrite is needed.'
      : `Over budget: ${over.join(', ')}; the offline provider does not rewrite code, so this needs a real model or a person.`;
  return finish(`Measured ${benchmark.what}: ${numbers.join(', ')}. ${verdict} (${label(ctx)})`);
}

/** `{ "createMs": 8.1, ... }` as numbers by name; undefined unless it is a JSON object of numbers. */
function parseMetrics(line: string): Record<string, number> | undefined {
  try {
    const parsed = JSON.parse(line) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed);
    return entries.length > 0 && entries.every(([, v]) => typeof v === 'number') ? (parsed as Record<string, number>) : undefined;
  } catch {
    return undefined;
  }
}

/** Without a benchmark (or run_command), the suite's own duration is the only measurement at hand. */
function timeTheSuite(ctx: ScriptContext): Step {
  if (!ctx.offered.has('run_tests')) return finish(`Nothing measured: no benchmark can run with the tools offered (${label(ctx)}).`);
  const ran = lastCall(ctx.conversation, 'run_tests');
  if (ran < 0) return { tool: 'run_tests', args: {} };
  const result = ctx.conversation.exchanges[ran]!.result;
  const duration = /# duration_ms ([\d.]+)\s*$/m.exec(commandResult(result).output)?.[1];
  const took = duration ? ` in ${duration} ms` : '';
  if (testsPassed(result) === true)
    return finish(`The test suite passes${took}; no benchmark in the ${label(ctx)}, so nothing to rewrite.`);
  return finish(`The test suite fails${took}; behaviour comes before speed (${label(ctx)}).`, 'failed');
}
