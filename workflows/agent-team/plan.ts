/**
 * The plan an architect returns, as a task DAG, and the coordinator's pure decisions over it: is it valid,
 * which tasks are ready, and which role takes each. Deterministic (no I/O, no clock), so workflows use it.
 */
import type { TaskStatus } from '../../contracts/messages';
import type { AgentRole } from '../../contracts/roles';

export const PLAN_TASK_TYPES = ['design', 'implement', 'debug', 'review', 'deploy', 'optimize', 'test', 'docs'] as const;
export type PlanTaskType = (typeof PLAN_TASK_TYPES)[number];

export interface PlanTask {
  /** Stable slug, unique in the plan. */
  id: string;
  title: string;
  type: PlanTaskType;
  description: string;
  /** 1 is the most urgent. */
  priority: number;
  /** Ids of tasks that must be done first. */
  dependencies: string[];
  /** Files the task expects to touch. */
  files: string[];
  acceptanceCriteria: string[];
  /** The architect's suggestion; routing decides. */
  role?: AgentRole;
}

export interface Plan {
  summary: string;
  tasks: PlanTask[];
}

export type { TaskStatus } from '../../contracts/messages';

/** Every problem that makes a plan unusable (empty when it is fine). */
export function planProblems(plan: Plan): string[] {
  const problems: string[] = [];
  if (!plan.tasks.length) problems.push('the plan has no tasks');
  const ids = new Set<string>();
  for (const task of plan.tasks) {
    if (ids.has(task.id)) problems.push(`task id ${task.id} appears twice`);
    ids.add(task.id);
    if (!(PLAN_TASK_TYPES as readonly string[]).includes(task.type)) problems.push(`task ${task.id} has an unknown type ${task.type}`);
  }
  for (const task of plan.tasks) {
    for (const dep of task.dependencies) if (!ids.has(dep)) problems.push(`task ${task.id} depends on unknown task ${dep}`);
  }
  if (!problems.length && hasCycle(plan)) problems.push('the task dependencies form a cycle');
  return problems;
}

function hasCycle(plan: Plan): boolean {
  const deps = new Map(plan.tasks.map((t) => [t.id, t.dependencies]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'visiting') return true;
    state.set(id, 'visiting');
    const cyclic = (deps.get(id) ?? []).some(visit);
    state.set(id, 'done');
    return cyclic;
  };
  return plan.tasks.some((t) => visit(t.id));
}

/**
 * Tasks that may start now, most urgent first (ties keep plan order), at most `slots` of them: pending, with
 * every dependency done, and none of their files leased to a running task (`leased`). A failed or cancelled
 * dependency keeps its dependants waiting.
 */
export function readyTasks(
  plan: Plan,
  status: Readonly<Record<string, TaskStatus>>,
  slots: number,
  leased: ReadonlySet<string> = new Set(),
): PlanTask[] {
  if (slots <= 0) return [];
  const taken = new Set(leased);
  const ready: PlanTask[] = [];
  const candidates = plan.tasks
    .map((task, order) => ({ task, order }))
    .filter(({ task }) => (status[task.id] ?? 'pending') === 'pending' && task.dependencies.every((d) => status[d] === 'done'))
    .sort((a, b) => a.task.priority - b.task.priority || a.order - b.order);
  // File leases: a task whose files another running (or just chosen) task holds waits for them.
  for (const { task } of candidates) {
    if (ready.length >= slots) break;
    if (task.files.some((f) => taken.has(f))) continue;
    for (const f of task.files) taken.add(f);
    ready.push(task);
  }
  return ready;
}

/** Tasks that can never start: something they depend on (directly or not) failed or was cancelled. */
export function blockedTasks(plan: Plan, status: Readonly<Record<string, TaskStatus>>): PlanTask[] {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const dead = (id: string, seen = new Set<string>()): boolean => {
    if (seen.has(id)) return false;
    seen.add(id);
    const s = status[id];
    if (s === 'failed' || s === 'cancelled') return true;
    return (byId.get(id)?.dependencies ?? []).some((d) => dead(d, seen));
  };
  return plan.tasks.filter((t) => (status[t.id] ?? 'pending') === 'pending' && t.dependencies.some((d) => dead(d)));
}

/** Who takes a task, who supports it, and why: recorded as the task's assignment. */
export interface Routing {
  role: AgentRole;
  supporting: AgentRole[];
  reasoning: string;
}

const FRONTEND = /(^|\/)(client|web|frontend|public|ui|components|pages)\/|\.(html|css|scss|tsx|jsx|vue|svelte)$/i;
const BACKEND = /(^|\/)(server|api|routes|src|db|models|migrations)\/|\.(py|go|rs|sql)$|(^|\/)(app|server|index)\.(js|ts)$/i;
const FRONTEND_WORDS = /\b(ui|page|screen|component|frontend|css|layout|form)\b/i;
const BACKEND_WORDS = /\b(api|endpoint|route|database|server|backend|store|crud|validation)\b/i;

/** The design's routing: each task type to its role; implementation split by what it touches. */
export function routeTask(task: PlanTask): Routing {
  switch (task.type) {
    case 'design':
      return { role: 'architect', supporting: ['reviewer'], reasoning: 'Design work goes to the architect, reviewed by the reviewer.' };
    case 'implement':
      return routeImplementation(task);
    case 'debug':
      return { role: 'debugger', supporting: ['tester'], reasoning: 'Failures go to the debugger; the tester re-runs the suite.' };
    case 'review':
      return {
        role: 'reviewer',
        supporting: ['architect'],
        reasoning: 'Reviews go to the reviewer, with the architect for design questions.',
      };
    case 'deploy':
      return { role: 'devops', supporting: ['tester'], reasoning: 'Deployment goes to devops, after the tester.' };
    case 'test':
      return { role: 'tester', supporting: ['debugger'], reasoning: 'Tests go to the tester; failures hand off to the debugger.' };
    case 'docs':
      return { role: 'documentation', supporting: ['reviewer'], reasoning: 'Documentation goes to the documentation agent.' };
    case 'optimize':
      return { role: 'optimizer', supporting: ['tester'], reasoning: 'Optimisation goes to the optimizer; the tester guards behaviour.' };
  }
}

function routeImplementation(task: PlanTask): Routing {
  const front = task.files.filter((f) => FRONTEND.test(f)).length;
  const back = task.files.filter((f) => BACKEND.test(f) && !FRONTEND.test(f)).length;
  const text = `${task.title} ${task.description}`;
  const supporting: AgentRole[] = ['tester', 'reviewer'];
  if (front > back || (front === back && front === 0 && FRONTEND_WORDS.test(text) && !BACKEND_WORDS.test(text))) {
    return {
      role: 'frontend',
      supporting,
      reasoning: `Implementation touching the user interface (${front} of ${task.files.length} files) goes to the frontend agent.`,
    };
  }
  if (back > front || BACKEND_WORDS.test(text)) {
    return {
      role: 'backend',
      supporting,
      reasoning: `Implementation of server code (${back} of ${task.files.length} files) goes to the backend agent.`,
    };
  }
  return { role: 'coder', supporting, reasoning: 'General implementation goes to the coder.' };
}
