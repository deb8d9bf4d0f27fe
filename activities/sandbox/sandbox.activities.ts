import { ApplicationFailure, Context } from '@temporalio/activity';
import type { SandboxStepResult } from '../../contracts/messages';
import { ProjectFile } from '../../core/project/project.entity';
import type { SandboxManager } from '../../core/sandbox/sandbox-manager';
import { SandboxLimitExceededError } from '../../core/sandbox/sandbox.errors';
import { ErrorCode } from '../../contracts/errors';
import { NotFoundError } from '../../core/shared/domain.errors';
import { SandboxPathError, SandboxUnsupportedError } from '../../sandbox/sandbox.errors';
import type { SandboxRuntime } from '../../sandbox/types';
import type { ActivityDeps } from '../deps';

/** A project step run in a sandbox. */
export type SandboxStep = 'install' | 'test' | 'build';

/** What a step or an exec reports back to the workflow (output tails only: histories stay small). */
export type { SandboxStepResult };

const TAIL = 4000;
/** How often a running step heartbeats (the workflow's heartbeatTimeout must exceed it). */
const HEARTBEAT_MS = 2000;

/**
 * Sandbox operations as activities. Each is idempotent: create is keyed by workflow and activity id,
 * file sync overwrites, steps are safe to re-run (an interrupted `npm install` is simply run again).
 * Long steps heartbeat; a cancelled activity (a cancelled workflow) aborts its signal, which kills
 * the step's whole process tree in the sandbox.
 */
export function createSandboxActivities({ orm, sandboxes, live: liveDocs }: ActivityDeps) {
  const manager = (): SandboxManager => {
    if (!sandboxes) throw ApplicationFailure.nonRetryable('Sandboxes are not configured on this worker', ErrorCode.SERVICE_UNAVAILABLE);
    return sandboxes;
  };

  return {
    async createSandbox(input: { projectId: string; ownerId: string; runtime: SandboxRuntime }): Promise<{ sandboxId: string }> {
      const info = Context.current().info;
      const idempotencyKey = `${info.workflowExecution?.workflowId ?? info.activityType}:${info.activityId}`;
      const { record } = await asFailure(() => manager().create({ ...input, idempotencyKey }));
      return { sandboxId: record.id };
    },

    /**
     * Copies the project's stored files into the sandbox. A retry copies every file again rather than resuming
     * after the last heartbeated one: agents working in parallel may have changed files the first attempt had
     * already copied, and a stale copy would make the tests run against old code.
     */
    async syncProjectFiles(input: { sandboxId: string; projectId: string }): Promise<{ files: number }> {
      const ctx = Context.current();
      const { sandbox } = await asFailure(() => manager().open(input.sandboxId));
      const files = await orm.em.fork().find(ProjectFile, { project: input.projectId }, { orderBy: { path: 'asc' }, populate: ['data'] });
      // People's edits the room has not flushed yet are part of the code the tests should run.
      const live = liveDocs ? await liveDocs.liveTexts(input.projectId) : new Map<string, string>();
      for (let i = 0; i < files.length; i++) {
        const file = files[i]!;
        const content = file.binary ? (file.data ?? Buffer.alloc(0)) : (live.get(file.id) ?? file.content);
        await asFailure(() => sandbox.writeFile(file.path, content));
        ctx.heartbeat(i + 1);
      }
      return { files: files.length };
    },

    async runSandboxStep(input: { sandboxId: string; step: SandboxStep; timeoutMs?: number }): Promise<SandboxStepResult> {
      const { sandbox } = await asFailure(() => manager().open(input.sandboxId));
      const run = { install: () => sandbox.installDependencies(options), test: () => sandbox.runTests(options), build: () => sandbox.build(options) };
      const options = { timeoutMs: input.timeoutMs, signal: Context.current().cancellationSignal };
      return heartbeating(input.sandboxId, manager(), () => run[input.step]());
    },

    async execInSandbox(input: { sandboxId: string; command: string; timeoutMs?: number }): Promise<SandboxStepResult> {
      const { sandbox } = await asFailure(() => manager().open(input.sandboxId));
      return heartbeating(input.sandboxId, manager(), () => sandbox.exec(input.command, { timeoutMs: input.timeoutMs, signal: Context.current().cancellationSignal }));
    },

    async startSandboxPreview(input: { sandboxId: string; port?: number; command?: string }): Promise<{ port: number; previewUrl: string }> {
      const { sandbox } = await asFailure(() => manager().open(input.sandboxId));
      const preview = await asFailure(() => sandbox.startPreview({ port: input.port, command: input.command }));
      const record = await manager().recordPreview(input.sandboxId, preview.port);
      return { port: preview.port, previewUrl: record.previewUrl! };
    },

    /** Stops every process in the sandbox (a workflow's cancellation handler calls it). */
    async stopSandboxProcesses(input: { sandboxId: string }): Promise<void> {
      const { sandbox } = await asFailure(() => manager().open(input.sandboxId));
      await sandbox.killProcesses();
    },

    async destroySandbox(input: { sandboxId: string }): Promise<void> {
      await manager().destroy(input.sandboxId);
    },
  };
}

/** Runs `work`, heartbeating (and recording sandbox activity) until it settles. */
async function heartbeating(sandboxId: string, manager: SandboxManager, work: () => Promise<{ exitCode: number; durationMs: number; timedOut: boolean; stdout: string; stderr: string }>): Promise<SandboxStepResult> {
  const ctx = Context.current();
  const timer = setInterval(() => {
    ctx.heartbeat();
    manager.touch(sandboxId).catch(() => undefined);
  }, HEARTBEAT_MS);
  try {
    const r = await work();
    // The step's processes are already dead (the signal killed them); rethrow the SDK's own cancellation,
    // so a cancelled workflow sees a cancelled activity and a worker shutdown leaves a retryable attempt.
    if (ctx.cancellationSignal.aborted) await ctx.cancelled;
    return { exitCode: r.exitCode, durationMs: Math.round(r.durationMs), timedOut: r.timedOut, stdoutTail: r.stdout.slice(-TAIL), stderrTail: r.stderr.slice(-TAIL) };
  } finally {
    clearInterval(timer);
  }
}

/** Business failures become non-retryable ApplicationFailures; transient ones stay plain errors. */
async function asFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) throw ApplicationFailure.nonRetryable(error.message, ErrorCode.NOT_FOUND);
    if (error instanceof SandboxLimitExceededError) throw ApplicationFailure.nonRetryable(error.message, error.code);
    if (error instanceof SandboxPathError) throw ApplicationFailure.nonRetryable(error.message, ErrorCode.BAD_USER_INPUT);
    if (error instanceof SandboxUnsupportedError) throw ApplicationFailure.nonRetryable(error.message, ErrorCode.SERVICE_UNAVAILABLE);
    throw error;
  }
}
