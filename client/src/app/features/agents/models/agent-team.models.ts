/** Shapes of an agent-team run as the GraphQL API returns them (see api/src/modules/agents/agents.graphql). */
import type { BuildWait } from './build-wait';

/** The ten roles of the team, in the order their cards show. */
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

/** waiting, planning, awaiting_approval, running, paused, verifying, done or failed. */
export type AgentTeamPhase = string;

/** Phases after which the coordinator changes nothing more. */
export const FINAL_PHASES: ReadonlySet<string> = new Set(['done', 'failed']);

/** pending, running, done, failed or cancelled. */
export type TaskStatus = string;

/** One task of the architect's plan (`ProjectRun.plan.tasks`). */
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

export interface AgentTeamTaskState {
  readonly key: string;
  readonly title: string;
  readonly role: string | null;
  readonly status: TaskStatus;
  /** The agent on it: idle, thinking, coding, testing, reviewing or blocked (asked a question). */
  readonly agentStatus?: string;
  /** The question the agent asked, while blocked. */
  readonly question?: string | null;
}

/** The coordinator's live state; null once the run's workflow closed. */
export interface AgentTeamState {
  readonly phase: AgentTeamPhase;
  /** While `waiting`: for an agent-run slot or a sandbox, and who holds them. */
  readonly waiting?: BuildWait | null;
  readonly planVersion: number;
  readonly pausedReason: string | null;
  readonly testsPassed: boolean | null;
  readonly filesWritten: number;
  readonly tasks: readonly AgentTeamTaskState[];
}

/** A task's record: who took it, why, and how it went. */
export interface AgentTask {
  readonly key: string;
  readonly title: string;
  readonly type: string;
  readonly role: string;
  readonly reasoning: string;
  /** The task whose agent handed over to this one. */
  readonly handoffFrom: string | null;
  readonly status: TaskStatus;
  readonly outcome: string | null;
  readonly summary: string | null;
  readonly turns: number;
  readonly tokens: number;
  readonly costUsd: number;
  readonly startedAt?: string | null;
  readonly finishedAt?: string | null;
}

export interface AgentMetrics {
  readonly role: string;
  readonly tasksDone: number;
  readonly tasksFailed: number;
  readonly turns: number;
  readonly tokens: number;
  readonly costUsd: number;
  readonly timeMs: number;
  readonly successRate: number | null;
}

/** One agent of the run (`ProjectRun.agents`): a role that was given tasks, with its totals. */
export interface AgentInstance extends AgentMetrics {
  /** idle or working while the run goes on, done once it ended. */
  readonly status: string;
  /** The task it works on, while working. */
  readonly currentTaskKey: string | null;
}

/** An agent handing its task over to another role (`ProjectRun.handoffs`). */
export interface AgentHandoff {
  readonly fromTaskKey: string;
  readonly fromRole: string;
  readonly toRole: string;
  /** The follow-up task, once the coordinator assigned it. */
  readonly toTaskKey: string | null;
  readonly reason: string;
  readonly context: string;
}

export interface AgentTeamRun {
  readonly id: string;
  /** QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED. */
  readonly status: string;
  readonly error: string | null;
  readonly plan: Plan | null;
  /** Offline mode: the built-in blueprint this run builds, and whether it fits the description. */
  readonly offlineBuild?: {
    readonly blueprintName: string;
    readonly matched: boolean;
    readonly note: string;
  } | null;
  /** proposed, approved or changes_requested. */
  readonly planStatus: string | null;
  /** The project's own tests at the end of the run (null: not run yet, or no sandbox). */
  readonly testsPassed?: boolean | null;
  readonly team: AgentTeamState | null;
  readonly agentTasks: readonly AgentTask[];
  readonly agents: readonly AgentInstance[];
  readonly handoffs: readonly AgentHandoff[];
}

/** A project as the team panel needs it: whether the team builds it, what from, and its latest run. */
export interface AgentTeamProject {
  readonly id: string;
  readonly buildMode: string;
  readonly description: string;
  readonly autoApprovePlan: boolean;
  readonly latestRun: AgentTeamRun | null;
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
