import { ApplicationFailure, Context } from '@temporalio/activity';
import { Project } from '../../core/project/project.entity';
import { briefDescription } from '../../core/project/project-brief';
import { runPayerId } from '../../core/project/run-payer';
import { toNanos } from '../../core/models/cost';
import { ErrorCode } from '../../contracts/errors';
import { HANDOFF_CONTEXT_MAX } from '../../core/agents/agent-handoff.entity';
import type { ActivityDeps } from '../deps';
import type { RunRef } from '../project/project.activities';
import { EventType, PLAN_EVENTS, TASK_END_EVENTS } from '../../contracts/events';

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

const ASSIGN_AGENT = `
insert into agent_instances (id, run_id, project_id, role, status, current_task_key, first_active_at, last_active_at)
values (gen_random_uuid(), ?, ?, ?, 'working', ?, now(), now())
on conflict (run_id, role) do update set status = 'working', current_task_key = excluded.current_task_key, last_active_at = now(), updated_at = now()`;

/** A handoff's follow-up, once assigned, completes the handoff row (the workflow names the follow-up after recording the handoff). */
const LINK_HANDOFF = `
update agent_handoffs set to_task_key = ? where run_id = ? and from_task_key = ? and to_role = ? and to_task_key is null`;

/**
 * Finishes a task and adds it to its agent in one statement. The update only matches a task not yet
 * finished, and the agent's totals grow only by the row it returned, so a retried activity (same input)
 * adds nothing. The agent works on while another of its tasks runs (the CTE's own update is not visible
 * to the subqueries, hence `task_key <> ?`).
 */
const FINISH = `
with finished as (
  update agent_tasks set status = ?, outcome = ?, summary = ?, turns = ?, tokens = ?, cost_usd_nanos = ?, finished_at = now(), updated_at = now()
  where run_id = ? and task_key = ? and status not in ('done', 'failed', 'cancelled')
  returning run_id, project_id, role, status, turns, tokens, cost_usd_nanos, started_at, finished_at
)
insert into agent_instances as a (id, run_id, project_id, role, status, tasks_done, tasks_failed, turns, tokens, cost_usd_nanos, time_ms, first_active_at, last_active_at)
select gen_random_uuid(), run_id, project_id, role, 'idle', (status = 'done')::int, (status = 'failed')::int, turns, tokens, cost_usd_nanos,
  coalesce(round(extract(epoch from (finished_at - started_at)) * 1000), 0), coalesce(started_at, finished_at), finished_at
from finished
on conflict (run_id, role) do update set
  tasks_done = a.tasks_done + excluded.tasks_done,
  tasks_failed = a.tasks_failed + excluded.tasks_failed,
  turns = a.turns + excluded.turns,
  tokens = a.tokens + excluded.tokens,
  cost_usd_nanos = a.cost_usd_nanos + excluded.cost_usd_nanos,
  time_ms = a.time_ms + excluded.time_ms,
  current_task_key = (select t.task_key from agent_tasks t where t.run_id = a.run_id and t.role = a.role and t.status = 'running' and t.task_key <> ?
    order by t.started_at desc nulls last limit 1),
  status = case when exists (select 1 from agent_tasks t where t.run_id = a.run_id and t.role = a.role and t.status = 'running' and t.task_key <> ?)
    then 'working' else 'idle' end,
  first_active_at = coalesce(a.first_active_at, excluded.first_active_at),
  last_active_at = excluded.last_active_at,
  updated_at = now()`;

/** Records who handed over to whom; the from-role is the finishing task's. A retry meets the unique key and inserts nothing. */
const HANDOFF = `
insert into agent_handoffs (id, run_id, project_id, from_task_key, from_role, to_role, reason, context)
select gen_random_uuid(), run_id, project_id, task_key, role, ?, ?, ? from agent_tasks where run_id = ? and task_key = ?
on conflict (run_id, from_task_key) do nothing`;

/** An agent's handoff as its task's result carries it. */
export interface HandoffRecord {
  toRole: string;
  reason: string;
  context: string;
}

/**
 * The coordinator's records: the plan on the run, each task with its assignment and outcome, and the
 * matching events. Every write is an upsert or keyed update and every event carries a dedupe key, so a
 * retried activity changes nothing twice.
 */
export function createAgentRecordActivities({ orm, events }: ActivityDeps) {
  const emit = (ref: RunRef, type: EventType, message: string, dedupe: string, data: Record<string, unknown>) =>
    events.append({ projectId: ref.projectId, runId: ref.runId, type, message, data, dedupeKey: `run:${ref.runId}:${dedupe}` });

  return {
    async loadProjectBrief(input: {
      projectId: string;
    }): Promise<{ name: string; description: string; framework: string; ownerId: string }> {
      const em = orm.em.fork();
      const project = await em.findOne(Project, { id: input.projectId });
      if (!project) throw ApplicationFailure.nonRetryable(`Project ${input.projectId} does not exist`, ErrorCode.NOT_FOUND);
      const description = briefDescription(project);
      // A team project's sandboxes and model calls are the team's (its owner's slots), not its creator's.
      return { name: project.name, description, framework: project.framework, ownerId: await runPayerId(em, project) };
    },

    async recordPlan(input: {
      ref: RunRef;
      plan: Record<string, unknown>;
      status: 'proposed' | 'approved' | 'changes_requested';
      version: number;
      feedback?: string;
    }): Promise<void> {
      const { ref, plan, status, version } = input;
      const connection = orm.em.fork().getConnection();
      await connection.execute('update project_runs set plan = ?::jsonb, plan_status = ? where id = ?', [JSON.stringify(plan), status, ref.runId]);
      // The project says what it waits for: a person's approval, or (once reviewed) the team at work.
      if (status === 'proposed') {
        await connection.execute(`update projects set status = 'AWAITING_APPROVAL', updated_at = now() where id = ? and status in ('QUEUED', 'BUILDING')`, [ref.projectId]);
      } else {
        await connection.execute(`update projects set status = 'BUILDING', updated_at = now() where id = ? and status = 'AWAITING_APPROVAL'`, [ref.projectId]);
      }
      const tasks = (plan.tasks as unknown[] | undefined)?.length ?? 0;
      const message = {
        proposed: `The architect proposed a plan of ${tasks} tasks`,
        approved: `Plan approved (${tasks} tasks)`,
        changes_requested: 'Changes to the plan were requested',
      }[status];
      await emit(ref, PLAN_EVENTS[status], message, `plan:${version}:${status}`, { version, tasks, feedback: input.feedback ?? null });
    },

    /** initializeAgents: one idle agent per role of the approved plan; a retry or a re-plan adds nothing twice. */
    async initializeAgents(input: { ref: RunRef; roles: string[] }): Promise<void> {
      const { ref, roles } = input;
      if (!roles.length) return;
      await orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into agent_instances (id, run_id, project_id, role, status)
           select gen_random_uuid(), ?, ?, role, 'idle' from unnest(?::text[]) as role
           on conflict (run_id, role) do nothing`,
          [ref.runId, ref.projectId, `{${roles.join(',')}}`],
        );
      await emit(ref, EventType.TEAM_INITIALIZED, `The team: ${roles.join(', ')}`, 'team:initialized', { roles });
    },

    async recordTaskAssigned(input: { ref: RunRef; task: TaskRecord }): Promise<void> {
      const { ref, task } = input;
      await orm.em.fork().transactional(async (em) => {
        await em.execute(ASSIGN, [
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
        await em.execute(ASSIGN_AGENT, [ref.runId, ref.projectId, task.role, task.key]);
        if (task.handoffFrom) await em.execute(LINK_HANDOFF, [task.key, ref.runId, task.handoffFrom, task.role]);
      });
      await emit(ref, EventType.TASK_ASSIGNED, `${task.title} → ${task.role}`, `task:${task.key}:assigned`, {
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
        type: EventType.TOOL_CALLED,
        message: `The ${role} ${ok ? 'used' : 'tried'} ${tool}${detail ? `: ${detail}` : ''}`.slice(0, 300),
        data: { taskKey, role, tool, detail: detail.slice(0, 500), ok },
        dedupeKey: `toolcall:${workflowId}:${input.callId}`,
      });
    },

    /**
     * A task's outcome, added once to its agent's totals, and the handoff its agent made if any (with an
     * `agent.handoff` event). Safe to retry: see FINISH and HANDOFF.
     */
    async recordTaskFinished(input: {
      ref: RunRef;
      taskKey: string;
      status: 'done' | 'failed' | 'cancelled';
      outcome: string;
      summary: string;
      turns: number;
      tokens: number;
      costUsd: number;
      handoff?: HandoffRecord | null;
    }): Promise<void> {
      const { ref, taskKey, status, outcome, summary, handoff } = input;
      const cost = toNanos(input.costUsd).toString();
      const fromRole = await orm.em.fork().transactional(async (em) => {
        await em.execute(FINISH, [status, outcome, summary, input.turns, input.tokens, cost, ref.runId, taskKey, taskKey, taskKey]);
        if (!handoff) return null;
        const context = handoff.context.slice(0, HANDOFF_CONTEXT_MAX);
        await em.execute(HANDOFF, [handoff.toRole, handoff.reason, context, ref.runId, taskKey]);
        const [row] = await em.execute<{ role: string }[]>('select role from agent_tasks where run_id = ? and task_key = ?', [ref.runId, taskKey]);
        return row?.role ?? null;
      });
      await emit(ref, TASK_END_EVENTS[status], summary.slice(0, 300) || `Task ${taskKey} ${status}`, `task:${taskKey}:${status}`, {
        taskKey,
        outcome,
        turns: input.turns,
        tokens: input.tokens,
      });
      if (handoff && fromRole)
        await emit(ref, EventType.AGENT_HANDOFF, `The ${fromRole} handed over to the ${handoff.toRole}: ${handoff.reason}`.slice(0, 300), `handoff:${taskKey}`, {
          taskKey,
          fromRole,
          toRole: handoff.toRole,
          reason: handoff.reason,
        });
    },
  };
}
