/**
 * The offline devops: writes the deploy task's files from the blueprint, then runs the blueprint's deploy
 * check with run_command (the server parses, the image starts what `npm start` starts). A failing check ends
 * the task failed with the check's output, since a deployment nobody checked is not done.
 */
import { blueprintFile } from './blueprint';
import { commandResult, lastCall, lastLine } from './conversation';
import { filesOf, finish, label, roleTasks, writeNext, type RoleScript } from './script-kit';

export const devopsScript: RoleScript = (ctx) => {
  const files = filesOf(roleTasks(ctx)).filter((path) => blueprintFile(ctx.blueprint, path));
  if (files.length === 0) return finish(`No deploy task in the ${label(ctx)}; nothing to do.`);
  const write = writeNext(ctx, files);
  if (write) return write;
  const check = ctx.blueprint.deployCheck;
  const wrote = `Wrote ${files.join(', ')}`;
  if (check === undefined) return finish(`${wrote}; the ${label(ctx)} has no deploy check.`);
  if (!ctx.offered.has('run_command')) return finish(`${wrote}; not checked, since run_command is not offered (${label(ctx)}).`);
  const ran = lastCall(ctx.conversation, 'run_command');
  // Checked after the last write, so a rewrite is checked again.
  if (ran < lastCall(ctx.conversation, 'write_file')) return { tool: 'run_command', args: { command: check } };
  const { exitCode, output } = commandResult(ctx.conversation.exchanges[ran]!.result);
  if (exitCode === 0) return finish(`${wrote}; the deploy check passes: ${lastLine(output) || 'exit code 0'} (${label(ctx)}).`);
  return finish(
    `${wrote}, but the deploy check failed (exit code ${exitCode ?? 'unknown'}): ${output.slice(-500)} (${label(ctx)}).`,
    'failed',
  );
};
