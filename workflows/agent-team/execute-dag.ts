/** Drives an approved plan: ready tasks to agents by priority under the cap, results folded back in. */
import { condition, executeChild, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { AgentRole } from '../../core/models/model-types';
import { workflowIds } from '../../contracts/workflow-ids';
import { activityPresets } from '../../temporal.config';
import { runAgentTask, type AgentTaskResult } from '../run-agent-task.workflow';
import type { TeamStatus } from '../../contracts/messages';
import type { TeamOptions } from './team-types';
import { failureOf } from './failure';
import { addToPlan, followUpsFor, taskSucceeded, type FollowUp } from './follow-up-rules';
import { blockedTasks, readyTasks, routeTask, type Plan, type PlanTask, type TaskStatus } from './plan';

const records = proxyActivities<Activities>(activityPresets.bookkeeping);
const sandboxOps = proxyActivities<Activities>(activityPresets.longStep);

/** A model-layer refusal that a person resolves (raise the budget, wait for the window): the run pauses. */
const PAUSING = new Set(['BUDGET_EXCEEDED', 'RATE_LIMIT_EXCEEDED']);

interface Finished {
  key: string;
  result?: AgentTaskResult;
  error?: unknown;
}

/**
 * The driver's bookkeeping between tasks. Small (no model transcripts) because it rides a continue-as-new
 * to the run's next history, together with the plan its follow-ups were added to.
 */
export interface DagProgress {
  /** Each task's status; a task missing here is pending. */
  state: Record<string, TaskStatus>;
  /** Follow-up task → the role it was handed to. */
  roles: Record<string, AgentRole>;
  /** Follow-up task → the context it was handed over with. */
  contexts: Record<string, string>;
  /** Follow-up task → the task whose result created it (a handoff or a review). */
  origins: Record<string, string>;
  /** Child workflows started per task: the attempt is part of the child id, which must never repeat. */
  attempts: Record<string, number>;
  /** Follow-up tasks added so far (bounded by `maxFollowUps`). */
  followUps: number;
  /** Distinct project files the agents wrote. */
  written: string[];
}

export function newDagProgress(): DagProgress {
  return { state: {}, roles: {}, contexts: {}, origins: {}, attempts: {}, followUps: 0, written: [] };
}

/** One run of the driver over a plan: what it works on, where it reports, and when it must stop. */
export interface DagRun {
  ref: { projectId: string; runId: string };
  brief: { ownerId: string; description: string };
  /** Follow-ups are added to it. */
  plan: Plan;
  options: TeamOptions;
  status: TeamStatus;
  sandboxId: string | null;
  /** Updated as tasks start and finish; from an earlier history when the run continued as new. */
  progress: DagProgress;
  isPaused: () => boolean;
  pause: (reason: string) => void;
  /** True once this history is long enough that the run should continue as new. */
  historyFull: () => boolean;
}

/**
 * 'continue' when the history filled up with work left: nothing new was started, every agent in flight
 * finished and was folded in, so `progress` and the plan are the whole state. 'finished' when the DAG is done.
 */
export async function executeDag(run: DagRun): Promise<'finished' | 'continue'> {
  const { ref, brief, plan, options, status, sandboxId, progress, isPaused, pause } = run;
  const { state, roles, contexts, origins, attempts } = progress;
  const running = new Map<string, Promise<Finished>>();
  const written = new Set<string>(progress.written);
  /** Children this history started: a fresh history always starts one, so no threshold loops forever. */
  let startedHere = 0;

  const setStatus = (key: string, next: TaskStatus) => {
    state[key] = next;
    const row = status.tasks.find((t) => t.key === key);
    if (row) row.status = next;
  };

  const start = async (task: PlanTask) => {
    const routing = roles[task.id]
      ? { role: roles[task.id]!, supporting: [], reasoning: `Handed over to the ${roles[task.id]}.` }
      : routeTask(task);
    await records.recordTaskAssigned({
      ref,
      task: {
        key: task.id,
        ...task,
        role: routing.role,
        supporting: routing.supporting,
        reasoning: routing.reasoning,
        handoffFrom: origins[task.id] ?? null,
      },
    });
    setStatus(task.id, 'running');
    startedHere++;
    attempts[task.id] = (attempts[task.id] ?? 0) + 1;
    // From the run id (part of the input), not the workflow id, so recorded histories replay under any id.
    const childId = workflowIds.agentTask(ref.runId, task.id, attempts[task.id]!);
    const row = status.tasks.find((t) => t.key === task.id);
    if (row) row.workflowId = childId;
    const child = executeChild(runAgentTask, {
      workflowId: childId,
      args: [
        {
          ...ref,
          userId: brief.ownerId,
          role: routing.role,
          task,
          projectDescription: brief.description,
          sandboxId,
          maxTurns: options.maxTurns,
          handoffContext: contexts[task.id],
        },
      ],
    });
    running.set(
      task.id,
      child.then(
        (result) => ({ key: task.id, result }),
        (error: unknown) => ({ key: task.id, error }),
      ),
    );
  };

  /** Adds a follow-up unless the run's cap on follow-ups is reached. */
  const followUp = (next: FollowUp): boolean => {
    if (progress.followUps >= options.maxFollowUps) return false;
    progress.followUps++;
    addToPlan(plan, next);
    roles[next.task.id] = next.role;
    contexts[next.task.id] = next.context;
    origins[next.task.id] = next.after;
    status.tasks.push({ key: next.task.id, title: next.task.title, role: next.role, status: 'pending' });
    return true;
  };

  const settle = async ({ key, result, error }: Finished) => {
    const task = plan.tasks.find((t) => t.id === key)!;
    if (error !== undefined) {
      const failure = failureOf(error);
      if (failure.type && PAUSING.has(failure.type)) {
        setStatus(key, 'pending');
        pause(failure.message);
        return;
      }
      setStatus(key, 'failed');
      await records.recordTaskFinished({
        ref,
        taskKey: key,
        status: 'failed',
        outcome: failure.type ?? 'error',
        summary: failure.message,
        turns: 0,
        tokens: 0,
        costUsd: 0,
      });
      return;
    }
    const r = result!;
    if (r.outcome === 'approved' || r.outcome === 'changes_requested') status.reviewApproved = r.outcome === 'approved';
    for (const path of r.wrote) written.add(path);
    progress.written = [...written];
    status.filesWritten = written.size;
    const ok = taskSucceeded(r.outcome);
    setStatus(key, ok ? 'done' : 'failed');
    await records.recordTaskFinished({
      ref,
      taskKey: key,
      status: ok ? 'done' : 'failed',
      outcome: r.outcome,
      summary: r.summary,
      turns: r.turns,
      tokens: r.tokens,
      costUsd: r.costUsd,
      handoff: r.handoff ?? null,
    });
    // In order; the cap never frees up, so the first refusal ends them (and a re-run never outlives its fix).
    for (const next of followUpsFor(task, r, progress.followUps + 1)) if (!followUp(next)) break;
  };

  for (;;) {
    // A full history starts nothing more; once the agents in flight are folded in, the run continues as new.
    const draining = startedHere > 0 && run.historyFull();
    if (draining && running.size === 0 && hasWorkLeft(plan, state)) return 'continue';
    await condition(() => !isPaused() || running.size > 0);
    if (!isPaused() && !draining) {
      const leased = new Set(plan.tasks.filter((t) => state[t.id] === 'running').flatMap((t) => t.files));
      for (const task of readyTasks(plan, state, options.maxParallel - running.size, leased)) await start(task);
    }
    if (!running.size) {
      if (isPaused()) continue;
      break;
    }
    const finished = await Promise.race(running.values());
    running.delete(finished.key);
    await settle(finished);
    // Paused (a person, a budget) with no agent left working: nothing an agent started may keep running.
    if (isPaused() && running.size === 0 && sandboxId) await sandboxOps.stopSandboxProcesses({ sandboxId });
  }
  for (const task of blockedTasks(plan, state)) {
    setStatus(task.id, 'cancelled');
    await records.recordTaskFinished({
      ref,
      taskKey: task.id,
      status: 'cancelled',
      outcome: 'blocked',
      summary: 'A task it depends on failed',
      turns: 0,
      tokens: 0,
      costUsd: 0,
    });
  }
  return 'finished';
}

/** Pending tasks that may still start (their dependencies are not dead). */
function hasWorkLeft(plan: Plan, state: Readonly<Record<string, TaskStatus>>): boolean {
  const blocked = new Set(blockedTasks(plan, state).map((t) => t.id));
  return plan.tasks.some((t) => (state[t.id] ?? 'pending') === 'pending' && !blocked.has(t.id));
}
