/**
 * Which follow-up tasks a finished agent task leads to, and how one joins the plan. Pure and deterministic:
 * executeDag applies them, and the ids they make end up in child workflow ids, so a change here changes
 * recorded histories (the replay tests catch it).
 */
import type { AgentRole } from '../../core/models/model-types';
import type { AgentTaskResult } from '../run-agent-task.workflow';
import type { Plan, PlanTask, PlanTaskType } from './plan';

/** The plan task type a handoff gets, by the role it is handed to; any other role implements. */
export const TYPE_OF_ROLE: Partial<Record<AgentRole, PlanTaskType>> = {
  debugger: 'debug',
  tester: 'test',
  reviewer: 'review',
  documentation: 'docs',
  devops: 'deploy',
  optimizer: 'optimize',
  architect: 'design',
};

/** A task to add because of another task's result. */
export interface FollowUp {
  /** The task whose result asked for it; that task's dependants also wait for this one. */
  after: string;
  task: Omit<PlanTask, 'dependencies' | 'priority'>;
  /** Who does it (follow-ups are handed over, not routed by type). */
  role: AgentRole;
  /** What the agent is handed over with. */
  context: string;
  /** Earlier follow-ups of the same result it waits for (a re-run waits for its fix). */
  dependencies: string[];
}

/** The result outcomes that count as the task having done its part. */
export function taskSucceeded(outcome: AgentTaskResult['outcome']): boolean {
  return outcome === 'done' || outcome === 'approved' || outcome === 'handoff' || outcome === 'changes_requested';
}

/**
 * The follow-ups `task`'s result asks for, in the order they are added. `n` (follow-ups so far + 1) makes
 * their ids unique. A follow-up that depends on an earlier one makes sense only once that one was added: the
 * caller adds them in order and stops at the first the cap refuses (the cap never frees up again).
 *
 * - a handoff: a task for the role handed to (a failing test hands to the debugger), and after a test task a
 *   re-run of the test that waits for the fix;
 * - edits that collided with newer ones: a reviewer reconciles them;
 * - requested changes: a coder makes them, then a re-review waits for the fix.
 */
export function followUpsFor(task: PlanTask, result: AgentTaskResult, n: number): FollowUp[] {
  const key = task.id;
  const out: FollowUp[] = [];
  if (result.outcome === 'handoff' && result.handoff) {
    const { toRole, reason, context } = result.handoff;
    const fixId = `${key}-${toRole}-${n}`;
    out.push({
      after: key,
      task: {
        id: fixId,
        title: `${task.title}: ${reason}`.slice(0, 200),
        type: TYPE_OF_ROLE[toRole] ?? 'implement',
        description: `${reason}\n${context}`,
        files: task.files,
        acceptanceCriteria: task.acceptanceCriteria,
      },
      role: toRole,
      context,
      dependencies: [],
    });
    if (task.type === 'test') out.push(redo(task, fixId, `${key}-retest-${n}`, `Re-run: ${task.title}`, 'tester'));
  }
  if (result.conflicts.length) {
    const files = result.conflicts.join(', ');
    out.push({
      after: key,
      task: {
        id: `${key}-conflict-${n}`,
        title: `Resolve conflicting edits: ${files}`.slice(0, 200),
        type: 'review',
        description: `The ${task.title} task's edits to ${files} collided with newer edits on the same lines. Read the files, reconcile both intents, and write the result.`,
        files: result.conflicts,
        acceptanceCriteria: ['Both changes are reflected or the conflict is explained'],
      },
      role: 'reviewer',
      context: result.summary,
      dependencies: [],
    });
  }
  if (result.outcome === 'changes_requested') {
    const fixId = `${key}-changes-${n}`;
    out.push({
      after: key,
      task: {
        id: fixId,
        title: `Requested changes: ${task.title}`.slice(0, 200),
        type: 'implement',
        description: result.summary,
        files: task.files,
        acceptanceCriteria: task.acceptanceCriteria,
      },
      role: 'coder',
      context: result.summary,
      dependencies: [],
    });
    out.push(redo(task, fixId, `${key}-rereview-${n}`, `Re-review: ${task.title}`, 'reviewer'));
  }
  return out;
}

/** The original task once more, after `fixId`. */
function redo(task: PlanTask, fixId: string, id: string, title: string, role: AgentRole): FollowUp {
  const { dependencies: _dependencies, priority: _priority, ...rest } = task;
  return { after: fixId, task: { ...rest, id, title }, role, context: `After ${fixId}`, dependencies: [fixId] };
}

/**
 * Adds `followUp` to the plan with the priority of the task it follows; every task that waited for that one
 * (except the follow-up's own dependencies) now also waits for the follow-up.
 */
export function addToPlan(plan: Plan, followUp: FollowUp): PlanTask {
  const { after, task, dependencies } = followUp;
  const original = plan.tasks.find((t) => t.id === after)!;
  const added: PlanTask = { ...task, priority: original.priority, dependencies: [...dependencies] };
  plan.tasks.push(added);
  for (const t of plan.tasks)
    if (t.id !== task.id && t.dependencies.includes(after) && !dependencies.includes(t.id)) t.dependencies.push(task.id);
  return added;
}
