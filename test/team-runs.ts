/** Seeding for the agent-team workflow tests: an owner, a team-mode project and its queued run. */
import { randomUUID } from 'node:crypto';
import type { Tier } from '../core/limits/tiers';
import { workflowIds } from '../contracts/workflow-ids';
import { ModelSettings } from '../core/models/model-settings.entity';
import { Project, ProjectRun } from '../core/project/project.entity';
import { User } from '../core/user/user.entity';
import { testLocalBackend } from './fixtures/sandbox-backends';
import { createStack, type Stack } from './harness';

export interface SeedTeamRunOptions {
  description?: string;
  /** The owner's tier (its agent-run slots and message windows); pro unless given. */
  tier?: Tier;
  /** An existing owner instead of a new one. */
  ownerId?: string;
  /** Roles whose model chain is set on the project (all to `openai/gpt-4.1`): the wire fake answers them. */
  fakeRoles?: string[];
  runTokenBudget?: number;
}

export interface SeededRun {
  ownerId: string;
  projectId: string;
  runId: string;
  workflowId: string;
}

/** A fresh owner (unless given), a team-mode project with auto-approval, and its run, as createProject leaves them. */
export async function seedTeamRun(stack: Stack, options: SeedTeamRunOptions = {}): Promise<SeededRun> {
  const em = stack.db.orm.em.fork();
  const owner = options.ownerId
    ? em.getReference(User, options.ownerId)
    : em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Team owner', tier: options.tier ?? 'pro' });
  const project = em.create(Project, {
    owner,
    name: `team-${randomUUID().slice(0, 8)}`,
    framework: 'express',
    description: options.description ?? 'A todo REST API in Express with tests',
    buildMode: 'team',
    autoApprovePlan: true,
  });
  const run = em.create(ProjectRun, { project, workflowId: workflowIds.projectBuild(project.id) });
  if (options.fakeRoles || options.runTokenBudget !== undefined) {
    em.create(ModelSettings, {
      scope: 'project',
      scopeId: project.id,
      roleModels: Object.fromEntries((options.fakeRoles ?? []).map((role) => [role, ['openai/gpt-4.1']])),
      ...(options.runTokenBudget !== undefined ? { runTokenBudget: options.runTokenBudget } : {}),
    });
  }
  await em.flush();
  return { ownerId: owner.id, projectId: project.id, runId: run.id, workflowId: run.workflowId };
}

/** A test file's stack: a local sandbox backend and a worker, both started before its tests and stopped after. */
export interface SandboxStack {
  stack: Stack;
  local: ReturnType<typeof testLocalBackend>;
}

/** Registers the file's hooks and returns the stack they fill in (read it inside tests, not at load time). */
export function useSandboxStack(): SandboxStack {
  const env = {} as SandboxStack;
  let stopWorker: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    env.local = testLocalBackend({ execTimeoutMs: 120_000 });
    env.stack = await createStack({ sandboxBackend: env.local.backend });
    stopWorker = (await env.stack.startWorker()).stop;
  });
  afterAll(async () => {
    await stopWorker?.();
    await env.stack?.dispose();
    await env.local?.dispose();
  });
  return env;
}
