import { ApplicationFailure, Context } from '@temporalio/activity';
import { Project } from '../../api/src/modules/project/project.entity';
import { toNanos } from '../../api/src/modules/models/cost';
import { ErrorCode } from '../../api/src/shared/errors';
import type { ActivityDeps } from '../deps';
import type { RunRef } from '../projects/project.activities';

/** A plan task as the coordinator records it, with its routing. */
export interface TaskRecord {
  key: string;
  type: string;
  title: string;
  description: string;
  priority: number;
  dependencies: string[];
  files: string[];
  acceptanceCriteria: string[];
  role: string;
  supporting: string[];
  reasoning: string;
  handoffFrom?: string | null;
}

const ASSIGN = `
insert into agent_tasks (id, run_id, project_id, task_key, type, title, description, priority, dependencies, files, acceptance_criteria,
  role, supporting, reasoning, handoff_from, status, started_at)
values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?, 'running', now())
on conflict (run_id, task_key) do update set status = 'running', started_at = coalesce(agent_tasks.started_at, now()), updated_at = now()`;

const FINISH = `
update agent_tasks set status = ?, outcome = ?, summary = ?, turns = ?, tokens = ?, cost_usd_nanos = ?, finished_at = now(), updated_at = now()
where run_id = ? and task_key = ?`;

/**
 * The coordinator's records: the plan on the run, each task with its assignment and outcome, and the
 * matching events. Every write is an upsert or keyed update and every event carries a dedupe key, so a
 * retried activity changes nothing twice.
 */
export function createAgentRecordActivities({ orm, events }: ActivityDeps) {
  const emit = (ref: RunRef, type: string, message: string, dedupe: string, data: Record<string, unknown>) =>
    events.append({ projectId: ref.projectId, runId: ref.runId, type, message, data, dedupeKey: `run:${ref.runId}:${dedupe}` });

  return {
    async loadProjectBrief(input: {
      projectId: string;
    }): Promise<{ name: string; description: string; framework: string; ownerId: string }> {
      const project = await orm.em.fork().findOne(Project, { id: input.projectId });
      if (!project) throw ApplicationFailure.nonRetryable(`Project ${input.projectId} does not exist`, ErrorCode.NOT_FOUND);
      const description = project.description?.trim() || `A ${project.framework} project named ${project.name}`;
      return { name: project.name, description, framework: project.framework, ownerId: project.owner.id };
    },

    async recordPlan(input: {
      ref: RunRef;
      plan: Record<string, unknown>;
      status: 'proposed' | 'approved' | 'changes_requested';
      version: number;
      feedback?: string;
    }): Promise<void> {
      const { ref, plan, status, version } = input;
      await orm.em
        .fork()
        .getConnection()
        .execute('update project_runs set plan = ?::jsonb, plan_status = ? where id = ?', [JSON.stringify(plan), status, ref.runId]);
      const tasks = (plan.tasks as unknown[] | undefined)?.length ?? 0;
      const message = {
        proposed: `The architect proposed a plan of ${tasks} tasks`,
        approved: `Plan approved (${tasks} tasks)`,
        changes_requested: 'Changes to the plan were requested',
      }[status];
      await emit(ref, `plan.${status}`, message, `plan:${version}:${status}`, { version, tasks, feedback: input.feedback ?? null });
    },

    async recordTaskAssigned(input: { ref: RunRef; task: TaskRecord }): Promise<void> {
      const { ref, task } = input;
      await orm.em
        .fork()
        .getConnection()
        .execute(ASSIGN, [
          ref.runId,
          ref.projectId,
          task.key,
          task.type,
          task.title.slice(0, 200),
          task.description,
          task.priority,
          JSON.stringify(task.dependencies),
          JSON.stringify(task.files),
          JSON.stringify(task.acceptanceCriteria),
          task.role,
          JSON.stringify(task.supporting),
          task.reasoning,
          task.handoffFrom ?? null,
        ]);
      await emit(ref, 'task.assigned', `${task.title} → ${task.role}`, `task:${task.key}:assigned`, {
        taskKey: task.key,
        role: task.role,
        supporting: task.supporting,
        reasoning: task.reasoning,
        handoffFrom: task.handoffFrom ?? null,
      });
    },

    /** A tool call an agent made (reads, searches, test runs, questions …), as a `tool.called` event. */
    async recordToolCall(input: {
      ref: RunRef;
      taskKey: string;
      role: string;
      tool: string;
      callId: string;
      detail: string;
      ok: boolean;
    }): Promise<void> {
      const { ref, taskKey, role, tool, detail, ok } = input;
      const { workflowId } = Context.current().info.workflowExecution ?? { workflowId: ref.runId };
      await events.append({
        projectId: ref.projectId,
        runId: ref.runId,
        type: 'tool.called',
        message: `The ${role} ${ok ? 'used' : 'tried'} ${tool}${detail ? `: ${detail}` : ''}`.slice(0, 300),
        data: { taskKey, role, tool, detail: detail.slice(0, 500), ok },
        dedupeKey: `toolcall:${workflowId}:${input.callId}`,
      });
    },

    async recordTaskFinished(input: {
      ref: RunRef;
      taskKey: string;
      status: 'done' | 'failed' | 'cancelled';
      outcome: string;
      summary: string;
      turns: number;
      tokens: number;
      costUsd: number;
    }): Promise<void> {
      const { ref, taskKey, status, outcome, summary } = input;
      await orm.em
        .fork()
        .getConnection()
        .execute(FINISH, [status, outcome, summary, input.turns, input.tokens, toNanos(input.costUsd).toString(), ref.runId, taskKey]);
      await emit(ref, `task.${status}`, summary.slice(0, 300) || `Task ${taskKey} ${status}`, `task:${taskKey}:${status}`, {
        taskKey,
        outcome,
        turns: input.turns,
        tokens: input.tokens,
      });
    },
  };
}
