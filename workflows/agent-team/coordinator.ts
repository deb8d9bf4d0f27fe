/**
 * The coordinator (the design's AgentCoordinator), run inside projectBuildWorkflow: plan with the architect,
 * wait for approval, then drive the task DAG with child runAgentTask workflows under a parallelism cap, adding
 * follow-up tasks for handoffs and requested changes (bounded), and finish with the project's own tests.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { ErrorCode } from '../../contracts/errors';
import { pauseRunSignal, resumeRunSignal, reviewPlanSignal, teamStatusQuery, type PlanReview, type TeamStatus } from '../../contracts/messages';
import { activityPresets } from '../../temporal.config';
import { executeDag, newDagProgress, type DagProgress } from './execute-dag';
import { failureOf } from './failure';
import { planProblems, routeTask, type Plan } from './plan';
import { PLAN_SCHEMA, toPlan } from './plan-schema';
import { systemPrompt } from './prompts';
import type { TeamOptions } from './team-types';

// The run's options are the team workflow's public type; they live apart so execute-dag can use them.
export { DEFAULT_TEAM_OPTIONS, type TeamOptions } from './team-types';

export type { PlanReview, TeamStatus } from '../../contracts/messages';

interface ProjectBrief {
  name: string;
  description: string;
  framework: string;
  ownerId: string;
}

/**
 * A team run summarised for its next history (the coordinator continues as new so a run can last days):
 * the agreed plan with its follow-ups, where each task stands, the pause, and the sandbox it keeps using.
 */
export interface TeamCarry {
  brief: ProjectBrief;
  plan: Plan;
  sandboxId: string | null;
  planVersion: number;
  tasks: TeamStatus['tasks'];
  reviewApproved: boolean | null;
  paused: boolean;
  pausedReason: string | null;
  progress: DagProgress;
}

/** How a team run ended in this history: finished with its status, or to be continued with `carry`. */
export type TeamOutcome = { status: TeamStatus; carry: null } | { status: TeamStatus; carry: TeamCarry };

const { callModel } = proxyActivities<Activities>(activityPresets.modelCall);
const records = proxyActivities<Activities>(activityPresets.bookkeeping);
const sandbox = proxyActivities<Activities>({ ...activityPresets.longStep, startToCloseTimeout: '15m', heartbeatTimeout: '30s' });

/**
 * Runs the team, or (given `carried`) goes on with a run that continued as new: no second plan or approval,
 * the same sandbox, and the attempts counted on so no child id repeats. Given `opened`, the team works in that
 * sandbox, which the caller took before the build started and also destroys; without it (runs recorded before
 * the build took its sandbox up front) the team opens its own after the plan.
 */
export async function runAgentTeam(
  ref: { projectId: string; runId: string },
  options: TeamOptions,
  carried?: TeamCarry,
  opened?: { sandboxId: string | null },
): Promise<TeamOutcome> {
  const status: TeamStatus = {
    phase: 'planning',
    planVersion: carried?.planVersion ?? 0,
    tasks: carried?.tasks ?? [],
    pausedReason: carried?.pausedReason ?? null,
    testsPassed: null,
    filesWritten: carried?.progress.written.length ?? 0,
    reviewApproved: carried?.reviewApproved ?? null,
  };
  let review: PlanReview | null = null;
  let paused = carried?.paused ?? false;
  setHandler(teamStatusQuery, () => status);
  setHandler(reviewPlanSignal, (r) => void (review = r));
  setHandler(pauseRunSignal, (reason) => {
    paused = true;
    status.pausedReason = reason ?? 'Paused by a person';
    if (status.phase === 'running') status.phase = 'paused';
  });
  setHandler(resumeRunSignal, () => {
    paused = false;
    status.pausedReason = null;
    if (status.phase === 'paused') status.phase = 'running';
  });

  const brief = carried?.brief ?? (await records.loadProjectBrief({ projectId: ref.projectId }));
  const plan =
    carried?.plan ??
    (await agreePlan(
      ref,
      brief,
      options,
      status,
      () => review,
      () => (review = null),
    ));
  // initializeAgents: the team for this plan, one idle agent per role it routes work to (patched: runs recorded
  // before it replay without it).
  if (!carried && patched('initialize-agents')) {
    const roles = [...new Set(plan.tasks.map((t) => routeTask(t).role))];
    await records.initializeAgents({ ref, roles });
  }
  const sandboxId = carried ? carried.sandboxId : opened ? opened.sandboxId : await openSandbox(ref.projectId, brief.ownerId);
  let continuing = false;
  try {
    status.phase = paused ? 'paused' : 'running';
    const progress = carried?.progress ?? newDagProgress();
    const end = await executeDag({
      ref,
      brief,
      plan,
      options,
      status,
      sandboxId,
      progress,
      isPaused: () => paused,
      pause: (reason: string) => {
        paused = true;
        status.pausedReason = reason;
        status.phase = 'paused';
      },
      historyFull: () => historyFull(options),
    });
    if (end === 'continue') {
      continuing = true;
      // A signal still being handled lands in the carry rather than in the history that closes.
      await condition(allHandlersFinished);
      const { planVersion, tasks, reviewApproved, pausedReason } = status;
      return { status, carry: { brief, plan, sandboxId, planVersion, tasks, reviewApproved, paused, pausedReason, progress } };
    }
    status.phase = 'verifying';
    if (sandboxId) {
      await sandbox.syncProjectFiles({ sandboxId, projectId: ref.projectId });
      await sandbox.runSandboxStep({ sandboxId, step: 'install' });
      const tests = await sandbox.runSandboxStep({ sandboxId, step: 'test' });
      status.testsPassed = tests.exitCode === 0 && !tests.timedOut;
    }
  } finally {
    // Also when the run is cancelled: the sandbox and every process in it go away. A run continuing as new
    // keeps it; a sandbox the caller opened is the caller's to destroy.
    if (sandboxId && !continuing && !opened)
      await CancellationScope.nonCancellable(() => sandbox.destroySandbox({ sandboxId: sandboxId! }));
  }
  const failed = Object.values(status.tasks).some((t) => t.status === 'failed');
  // Done means the project's own tests pass and the reviewer approved.
  status.phase = failed || status.testsPassed === false || status.reviewApproved === false ? 'failed' : 'done';
  return { status, carry: null };
}

/** The run's sandbox, or null where no sandbox backend is available (agents then work without commands). */
async function openSandbox(projectId: string, ownerId: string): Promise<string | null> {
  try {
    return (await sandbox.createSandbox({ projectId, ownerId, runtime: 'node' })).sandboxId;
  } catch (error) {
    if (failureOf(error).type !== 'SERVICE_UNAVAILABLE') throw error;
    return null;
  }
}

function historyFull(options: TeamOptions): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > options.maxHistoryEvents;
}

async function agreePlan(
  ref: { projectId: string; runId: string },
  brief: { ownerId: string; description: string },
  options: TeamOptions,
  status: TeamStatus,
  reviewed: () => PlanReview | null,
  clearReview: () => void,
): Promise<Plan> {
  let feedback = '';
  for (;;) {
    status.phase = 'planning';
    status.planVersion++;
    const out = await callModel({
      userId: brief.ownerId,
      projectId: ref.projectId,
      runId: ref.runId,
      role: 'architect',
      stream: true,
      request: {
        messages: [
          { role: 'system', content: systemPrompt('architect') },
          { role: 'user', content: brief.description },
          {
            role: 'user',
            content: `Plan the work as a task DAG (design, implement, test, review, docs …).${feedback ? `\nChanges requested: ${feedback}` : ''}`,
          },
        ],
        responseFormat: { name: 'plan', schema: PLAN_SCHEMA },
      },
    });
    const plan = toPlan(out.response.json);
    const problems = plan ? planProblems(plan) : ['the architect did not return a plan'];
    if (problems.length) throw ApplicationFailure.nonRetryable(`The architect's plan is unusable: ${problems.join('; ')}`, ErrorCode.PLAN_INVALID);
    status.tasks = plan!.tasks.map((t) => ({ key: t.id, title: t.title, role: routeTask(t).role, status: 'pending' }));
    if (options.autoApprove) {
      await records.recordPlan({ ref, plan: plan as never, status: 'approved', version: status.planVersion });
      return plan!;
    }
    await records.recordPlan({ ref, plan: plan as never, status: 'proposed', version: status.planVersion });
    status.phase = 'awaiting_approval';
    await condition(() => reviewed() !== null);
    const review = reviewed()!;
    clearReview();
    if (review.approve) {
      await records.recordPlan({ ref, plan: plan as never, status: 'approved', version: status.planVersion });
      return plan!;
    }
    feedback = review.feedback ?? 'Revise the plan.';
    await records.recordPlan({ ref, plan: plan as never, status: 'changes_requested', version: status.planVersion, feedback });
  }
}
