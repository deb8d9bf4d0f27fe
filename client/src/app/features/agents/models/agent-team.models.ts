/**
 * The agent team's shapes as the GraphQL API returns them (see api/src/graphql/agents/agents.graphql),
 * generated from `../services/agents.documents.ts`, plus the plan, which the API sends as JSON.
 */
import type { AgentTeamProjectFragment, AgentTeamRunFragment } from '../../../generated/agents';

/**
 * The coordinator's live state (`ProjectRun.team`, null once the run's workflow closed): `phase` is
 * waiting, planning, awaiting_approval, running, paused, verifying, done or failed; each task's status is
 * pending, running, done, failed or cancelled, and its agent idle, thinking, coding, testing, reviewing or
 * blocked (asked a question). A task's record says who took it, why, and how it went; an agent is a role
 * that was given tasks, with its totals; a handoff is an agent passing its task to another role.
 */
export type {
  AgentHandoffFragment as AgentHandoff,
  AgentInstanceFragment as AgentInstance,
  AgentTaskFragment as AgentTask,
  AgentTeamStateFragment as AgentTeamState,
} from '../../../generated/agents';

/** The ten roles of the agent team, in the order their cards show. */
export const AGENT_ROLES = [
  'architect',
  'coder',
  'frontend',
  'backend',
  'debugger',
  'reviewer',
  'devops',
  'tester',
  'documentation',
  'optimizer',
] as const;

/** Phases after which the coordinator changes nothing more. */
export const FINAL_PHASES: ReadonlySet<string> = new Set(['done', 'failed']);

/**
 * One task of the architect's plan. The schema types `ProjectRun.plan` as JSON, so this shape is the
 * workflow's `PlanTask` (workflows/agent-team/plan.ts) as the client reads it, not generated.
 */
export interface PlanTask {
  readonly id: string;
  readonly title: string;
  readonly type: string;
  readonly description?: string;
  readonly priority?: number;
  readonly dependencies: readonly string[];
  readonly files?: readonly string[];
  readonly acceptanceCriteria?: readonly string[];
  /** The architect's suggestion; routing decides the role actually assigned. */
  readonly role?: string;
}

export interface Plan {
  readonly summary: string;
  readonly tasks: readonly PlanTask[];
}

/** A run as the panel reads it: the generated shape, with its JSON plan read as a `Plan`. */
export type AgentTeamRun = Omit<AgentTeamRunFragment, 'plan'> & { readonly plan: Plan | null };

/** A project as the panel needs it: whether the agent team builds it, what from, and its latest run. */
export type AgentTeamProject = Omit<AgentTeamProjectFragment, 'latestRun'> & {
  readonly latestRun: AgentTeamRun | null;
};

/** The plan in a run's JSON `plan` (null before the architect made one); parts missing read as empty. */
export function planOf(json: unknown): Plan | null {
  if (typeof json !== 'object' || json === null) return null;
  const { summary, tasks } = json as { summary?: unknown; tasks?: unknown };
  return {
    summary: typeof summary === 'string' ? summary : '',
    tasks: Array.isArray(tasks) ? (tasks as PlanTask[]) : [],
  };
}

/** The project with its latest run's plan read (see `planOf`). */
export function readAgentTeamProject(project: AgentTeamProjectFragment): AgentTeamProject {
  const run = project.latestRun;
  return { ...project, latestRun: run ? { ...run, plan: planOf(run.plan) } : null };
}

/** Event types after which the run's plan, tasks, agents or handoffs have changed. */
export function isAgentTeamEvent(type: string): boolean {
  return (
    type.startsWith('plan.') ||
    type.startsWith('task.') ||
    type === 'agent.handoff' ||
    type === 'run.completed' ||
    type === 'run.failed'
  );
}

/** Whether the run ended (succeeded or failed), so the project can be built again. */
export function hasEnded(run: AgentTeamRun | null): boolean {
  return run?.status === 'SUCCEEDED' || run?.status === 'FAILED';
}

/** Whether the run can still change (so the panel keeps polling the live state). */
export function isLive(run: AgentTeamRun | null): boolean {
  if (!run || run.status === 'SUCCEEDED' || run.status === 'FAILED') return false;
  return !run.team || !FINAL_PHASES.has(run.team.phase);
}
