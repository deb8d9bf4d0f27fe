/**
 * One script per agent role: a step machine over the conversation. Each turn makes exactly one tool call
 * (never parallel calls) so every vendor-shaped loop can replay it and each result is seen before the next
 * step. Files come from the blueprint; nothing is generated.
 */
import type { AgentRole } from '../model-types';
import { blueprintFile } from './blueprint';
import { isMissingFile, lastCall, testsPassed } from './conversation';
import { debuggerScript } from './debugger.script';
import { devopsScript } from './devops.script';
import { optimizerScript } from './optimizer.script';
import { filesOf, finish, label, roleTasks, writeNext, writeThenFinish, type RoleScript, type ScriptContext } from './script-kit';

/** The plan as plain text: the architect's summary when it cannot answer in JSON. */
export function planText(ctx: ScriptContext): string {
  const lines = ctx.blueprint.plan.tasks.map(
    (t, i) => `${i + 1}. [${t.type} / ${t.role}] ${t.title}${t.files.length > 0 ? ` (${t.files.join(', ')})` : ''}`,
  );
  return [`Plan from the ${label(ctx)}: ${ctx.blueprint.plan.summary}`, ...lines].join('\n');
}

const architect: RoleScript = (ctx) => {
  if (ctx.offered.has('list_files') && lastCall(ctx.conversation, 'list_files') < 0) return { tool: 'list_files', args: {} };
  return finish(planText(ctx));
};

const implementer: RoleScript = (ctx) => writeThenFinish(ctx, roleTasks(ctx));

const tester: RoleScript = (ctx) => {
  const files = filesOf(roleTasks(ctx));
  const write = writeNext(ctx, files);
  if (write) return write;
  const { exchanges } = ctx.conversation;
  const run = lastCall(ctx.conversation, 'run_tests');
  // Tests run after the last file is written, so a rerun follows any rewrite.
  if (run < 0 || run < lastCall(ctx.conversation, 'write_file')) return { tool: 'run_tests', args: {} };
  const result = exchanges[run]!.result;
  if (testsPassed(result) === true) return finish(`Wrote ${files.join(', ')}; the tests pass (${label(ctx)}).`);
  if (ctx.offered.has('handoff') && lastCall(ctx.conversation, 'handoff') < 0) {
    const context = `Failing run of ${ctx.blueprint.testCommand}:\n${(result ?? 'no output').slice(-2000)}`;
    return { tool: 'handoff', args: { toRole: 'debugger', reason: 'The tests fail.', context } };
  }
  return finish(`Wrote ${files.join(', ')}; the tests do not pass (${label(ctx)}).`, 'failed');
};

const reviewer: RoleScript = (ctx) => {
  const files = filesOf(roleTasks(ctx));
  const unread = files.find((path) => lastCall(ctx.conversation, 'read_file', path) < 0);
  if (unread !== undefined && ctx.offered.has('read_file')) return { tool: 'read_file', args: { path: unread } };
  const missing = files.filter((path) => {
    const read = lastCall(ctx.conversation, 'read_file', path);
    return read >= 0 && isMissingFile(ctx.conversation.exchanges[read]!.result);
  });
  if (missing.length > 0)
    return finish(`Missing: ${missing.join(', ')}; the plan's files must exist before approval.`, 'changes_requested');
  return finish(`Reviewed ${files.join(', ') || 'the project'} against the plan's acceptance criteria (${label(ctx)}).`, 'approved');
};

const documentation: RoleScript = (ctx) => {
  const tasks = roleTasks(ctx);
  const files = filesOf(tasks).filter((path) => blueprintFile(ctx.blueprint, path));
  return writeNext(ctx, files) ?? finish(`Wrote ${files.join(', ')} (${label(ctx)}).`);
};

/** The script of each role; the provider calls it once per turn with the conversation so far. */
export const ROLE_SCRIPTS: Readonly<Record<AgentRole, RoleScript>> = {
  architect,
  coder: implementer,
  backend: implementer,
  frontend: implementer,
  tester,
  debugger: debuggerScript,
  reviewer,
  documentation,
  devops: devopsScript,
  optimizer: optimizerScript,
};
