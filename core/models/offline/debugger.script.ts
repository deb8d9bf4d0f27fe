/**
 * The offline debugger: it first runs the whole suite, and when that passes there is nothing to fix. Otherwise
 * the blueprint is the known-good project, so a fix is restoring a file that differs from it. Files named in
 * the failure come first; each is read, rewritten if it differs (write_file; a whole-file apply_patch when
 * only that is offered), and the tests rerun after every fix until they pass.
 */
import { blueprintFile } from './blueprint';
import { commandResult, isMissingFile, lastCall, testsPassed } from './conversation';
import { finish, label, type RoleScript, type ScriptContext, type Step } from './script-kit';
import { wholeFileDiff } from './unified-diff';

/** Files to inspect, most suspect first: named in a message or tool result, source before tests. */
function candidates(ctx: ScriptContext): string[] {
  const { tasks } = ctx.blueprint.plan;
  const sources = tasks.filter((t) => t.type === 'implement').flatMap((t) => t.files);
  const tests = tasks.filter((t) => t.type === 'test').flatMap((t) => t.files);
  const { userTexts, exchanges } = ctx.conversation;
  const text = [...userTexts, ...exchanges.map((e) => e.result ?? '')].join('\n');
  const named = (path: string) => text.includes(path);
  return [...new Set([...sources.filter(named), ...tests.filter(named), ...sources, ...tests])];
}

function restore(ctx: ScriptContext, path: string, current: string | undefined, content: string): Step {
  if (ctx.offered.has('write_file') || !ctx.offered.has('apply_patch')) return { tool: 'write_file', args: { path, content } };
  return { tool: 'apply_patch', args: { path, patch: wholeFileDiff(path, isMissingFile(current) ? undefined : current, content) } };
}

/** The last write_file or apply_patch on the path; -1 when none. */
function lastFix(ctx: ScriptContext, path: string): number {
  return Math.max(lastCall(ctx.conversation, 'write_file', path), lastCall(ctx.conversation, 'apply_patch', path));
}

/** The first step: run the suite (when run_tests is offered); a pass before any fix ends the task. */
function firstRun(ctx: ScriptContext): Step | undefined {
  if (!ctx.offered.has('run_tests')) return undefined;
  const first = ctx.conversation.exchanges.findIndex((e) => e.name === 'run_tests');
  if (first < 0) return { tool: 'run_tests', args: {} };
  const result = ctx.conversation.exchanges[first]!.result;
  if (testsPassed(result) !== true) return undefined;
  const count = /# pass (\d+)/.exec(commandResult(result).output)?.[1];
  return finish(`Ran the whole suite: ${count ? `all ${count} tests pass` : 'it passes'}, so there is nothing to fix (${label(ctx)}).`);
}

/** Runs the suite; when it fails, reads suspects, restores the first that differs, reruns; finishes failed when nothing helps. */
export const debuggerScript: RoleScript = (ctx) => {
  const start = firstRun(ctx);
  if (start) return start;
  const conv = ctx.conversation;
  const fixed: string[] = [];
  for (const path of candidates(ctx)) {
    const read = lastCall(conv, 'read_file', path);
    if (read < 0) return { tool: 'read_file', args: { path } };
    const content = blueprintFile(ctx.blueprint, path)?.content ?? '';
    const current = conv.exchanges[read]!.result;
    const wrote = lastFix(ctx, path);
    if (wrote < 0 && (isMissingFile(current) || current!.trim() !== content.trim())) return restore(ctx, path, current, content);
    if (wrote < 0) continue;
    fixed.push(path);
    const run = lastCall(conv, 'run_tests');
    if (run < wrote) return { tool: 'run_tests', args: {} };
    if (testsPassed(conv.exchanges[run]!.result) === true)
      return finish(`Restored ${fixed.join(', ')} from the ${label(ctx)}; the tests pass.`);
  }
  const run = lastCall(conv, 'run_tests');
  if (run < 0) return { tool: 'run_tests', args: {} };
  if (testsPassed(conv.exchanges[run]!.result) === true)
    return finish(`The tests pass${fixed.length > 0 ? ` after restoring ${fixed.join(', ')}` : ''} (${label(ctx)}).`);
  const what = fixed.length > 0 ? `restored ${fixed.join(', ')} but` : 'every file matches the blueprint and';
  return finish(`Offline debugging ${what} the tests still fail (${label(ctx)}).`, 'failed');
};
