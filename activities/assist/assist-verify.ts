import { Context } from '@temporalio/activity';
import type { AssistVerification } from '../../contracts/assist';
import type { AssistRequest } from '../../core/assist/assist.entities';
import { ProjectFile } from '../../core/project/project.entity';
import { SandboxRecord } from '../../core/sandbox/sandbox.entity';
import type { SandboxManager } from '../../core/sandbox/sandbox-manager';
import { SandboxLimitExceededError } from '../../core/sandbox/sandbox.errors';
import type { Sandbox, SandboxRuntime } from '../../sandbox/types';
import type { ActivityDeps } from '../deps';

/** The failing command's wall-clock limit, and the dependencies' install's. */
export const VERIFY_LIMITS = { commandMs: 120_000, installMs: 180_000, outputChars: 4_000, heartbeatMs: 2_000 } as const;

const failed = (command: string, output: string): AssistVerification => ({ command, passed: false, exitCode: -1, output, durationMs: 0, timedOut: false });

/**
 * Runs a fix's failing command again in a sandbox of its own, with the project's files as people see them and the
 * proposal written over its target; the sandbox is destroyed however it ends. Each attempt keys its sandbox by the
 * workflow and attempt, and first destroys what an earlier attempt (a killed worker) left. A worker without
 * sandboxes, or an owner with none free, gets a failed verification saying so: the proposal is still shown.
 */
export async function verifyInSandbox(deps: Pick<ActivityDeps, 'orm' | 'sandboxes' | 'live'>, row: AssistRequest, command: string): Promise<AssistVerification> {
  const { sandboxes } = deps;
  if (!sandboxes) return failed(command, 'No sandbox backend on this worker: the fix was not run.');
  const ctx = Context.current();
  const prefix = `${ctx.info.workflowExecution?.workflowId ?? `assist:${row.id}`}:verify:`;
  const leftovers = await deps.orm.em.fork().find(SandboxRecord, { idempotencyKey: { $like: `${prefix}%` }, status: { $ne: 'DESTROYED' } });
  for (const old of leftovers) await sandboxes.destroy(old.id, 'replaced');
  const runtime: SandboxRuntime = /\.py$/.test(row.targetPath) || ['fastapi', 'django'].includes(row.project.getEntity().framework) ? 'python' : 'node';
  let created: Awaited<ReturnType<SandboxManager['create']>>;
  try {
    created = await sandboxes.create({ projectId: row.project.id, ownerId: row.user.id, runtime, idempotencyKey: `${prefix}${ctx.info.attempt}` });
  } catch (error) {
    if (error instanceof SandboxLimitExceededError) return failed(command, `No sandbox free to run the fix: ${error.message}.`);
    throw error;
  }
  const heartbeat = setInterval(() => ctx.heartbeat(), VERIFY_LIMITS.heartbeatMs);
  try {
    const { sandbox } = created;
    const manifests = await copyProject(deps, sandbox, row);
    await sandbox.writeFile(row.targetPath, row.proposedContent ?? '');
    const options = { signal: ctx.cancellationSignal };
    if (manifests) {
      const install = await sandbox.installDependencies({ ...options, timeoutMs: VERIFY_LIMITS.installMs });
      if (install.exitCode !== 0) return { ...resultOf(command, install), passed: false, output: tail(`Installing dependencies failed:\n${install.stdout}\n${install.stderr}`) };
    }
    const run = await sandbox.exec(command, { ...options, timeoutMs: VERIFY_LIMITS.commandMs });
    if (ctx.cancellationSignal.aborted) await ctx.cancelled;
    return resultOf(command, run);
  } finally {
    clearInterval(heartbeat);
    await sandboxes.destroy(created.record.id, 'assist verified');
  }
}

/** Copies the project's files (live texts over stored ones); whether it has dependencies to install. */
async function copyProject(deps: Pick<ActivityDeps, 'orm' | 'live'>, sandbox: Sandbox, row: AssistRequest): Promise<boolean> {
  const files = await deps.orm.em.fork().find(ProjectFile, { project: row.project.id }, { orderBy: { path: 'asc' }, populate: ['data'] });
  const live = deps.live ? await deps.live.liveTexts(row.project.id).catch(() => new Map<string, string>()) : new Map<string, string>();
  let manifests = false;
  for (const file of files) {
    const content = file.binary ? (file.data ?? Buffer.alloc(0)) : (live.get(file.id) ?? file.content);
    await sandbox.writeFile(file.path, content);
    if (!file.binary && hasDependencies(file.path, live.get(file.id) ?? file.content)) manifests = true;
    Context.current().heartbeat();
  }
  return manifests;
}

function hasDependencies(path: string, content: string): boolean {
  if (path === 'requirements.txt') return content.split('\n').some((l) => l.trim() && !l.trim().startsWith('#'));
  if (path !== 'package.json') return false;
  try {
    const pkg = JSON.parse(content) as { dependencies?: object; devDependencies?: object };
    return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).length > 0;
  } catch {
    return false;
  }
}

function resultOf(command: string, r: { exitCode: number; stdout: string; stderr: string; durationMs: number; timedOut: boolean }): AssistVerification {
  return {
    command,
    passed: r.exitCode === 0 && !r.timedOut,
    exitCode: r.exitCode,
    output: tail([r.stdout, r.stderr].filter((s) => s.trim()).join('\n')),
    durationMs: Math.round(r.durationMs),
    timedOut: r.timedOut,
  };
}

const tail = (text: string): string => (text.length > VERIFY_LIMITS.outputChars ? `…${text.slice(-VERIFY_LIMITS.outputChars)}` : text);
