import {
  AGENT_ROLES,
  type AgentInstance,
  type AgentTask,
  type AgentTeamRun,
  type PlanTask,
} from './agent-team.models';

/** A task as the graph shows it: the plan's task with the role and status known now. */
export interface TaskView extends PlanTask {
  readonly role?: string;
  /** pending, running, done, failed or cancelled. */
  readonly status: string;
  /** While running: what its agent is doing (thinking, coding, testing, reviewing, blocked). */
  readonly agentStatus?: string;
  /** While its agent is blocked: the question it asked. */
  readonly question?: string | null;
}

/** One role's card: what it is working on now and what it did in this run. */
export interface AgentCard {
  readonly role: string;
  /** Titles of the tasks the role is running now (empty: idle). */
  readonly working: readonly {
    readonly key: string;
    readonly title: string;
    readonly agentStatus?: string;
  }[];
  /** Its record in this run: status (idle, working, done) and totals; null before it was given a task. */
  readonly metrics: AgentInstance | null;
  /** The role's tasks in this run, in the order they were given: its history when the card is opened. */
  readonly history: readonly AgentTask[];
}

/**
 * The run's tasks with their current role and status: the live state while the workflow runs, else the
 * records. Tasks added after planning (hand-offs, requested changes) follow the plan's, depending on the
 * task they came from.
 */
export function taskViews(run: AgentTeamRun): TaskView[] {
  const live = new Map((run.team?.tasks ?? []).map((t) => [t.key, t]));
  const records = new Map(run.agentTasks.map((t) => [t.key, t]));
  const views: TaskView[] = (run.plan?.tasks ?? []).map((task) => {
    const now = live.get(task.id);
    const record = records.get(task.id);
    return {
      ...task,
      role: now?.role ?? record?.role ?? task.role,
      status: run.team ? (now?.status ?? 'pending') : (record?.status ?? 'pending'),
      agentStatus: now?.agentStatus,
      question: now?.question ?? null,
    };
  });
  const known = new Set(views.map((v) => v.id));
  const extra = [
    ...(run.team?.tasks ?? []).map((t) => ({
      key: t.key,
      title: t.title,
      role: t.role,
      status: t.status,
    })),
    ...run.agentTasks,
  ];
  for (const task of extra) {
    if (known.has(task.key)) continue;
    known.add(task.key);
    const record = records.get(task.key);
    const from = record?.handoffFrom;
    views.push({
      id: task.key,
      title: task.title,
      type: record?.type ?? 'follow-up',
      dependencies: from ? [from] : [],
      role: task.role ?? undefined,
      status: run.team ? (live.get(task.key)?.status ?? task.status) : task.status,
      agentStatus: live.get(task.key)?.agentStatus,
      question: live.get(task.key)?.question ?? null,
    });
  }
  return views;
}

/** One card per role of the team, with its running tasks and its record (null before it worked). */
export function agentCards(run: AgentTeamRun, tasks: readonly TaskView[]): AgentCard[] {
  const metrics = new Map(run.agents.map((m) => [m.role, m]));
  return AGENT_ROLES.map((role) => ({
    role,
    working: tasks
      .filter((t) => t.role === role && t.status === 'running')
      .map((t) => ({ key: t.id, title: t.title, agentStatus: t.agentStatus })),
    metrics: metrics.get(role) ?? null,
    history: run.agentTasks.filter((t) => t.role === role),
  }));
}
