/** How a team run is configured and how it stands (its status query's answer). */
import type { AgentRole } from '../../core/models/model-types';
import type { TaskStatus } from './plan';

export interface TeamOptions {
  /** Skip the human approval of the plan. */
  autoApprove: boolean;
  /** Agent tasks running at the same time. */
  maxParallel: number;
  /** Model turns one agent gets for one task. */
  maxTurns: number;
  /** Follow-up tasks (fixes after failing tests or requested changes) the run may add. */
  maxFollowUps: number;
  /** Continue as new once the coordinator's history holds this many events (Temporal also suggests it). */
  maxHistoryEvents: number;
}

export const DEFAULT_TEAM_OPTIONS: TeamOptions = {
  autoApprove: false,
  maxParallel: 2,
  maxTurns: 30,
  maxFollowUps: 4,
  maxHistoryEvents: 10_000,
};

export interface TeamStatus {
  phase: 'planning' | 'awaiting_approval' | 'running' | 'paused' | 'verifying' | 'done' | 'failed';
  planVersion: number;
  /** `workflowId`: the child workflow of the task's current attempt, for answers and messages. */
  tasks: { key: string; title: string; role: AgentRole | null; status: TaskStatus; workflowId?: string }[];
  pausedReason: string | null;
  testsPassed: boolean | null;
  /** Distinct project files the agents wrote. */
  filesWritten: number;
  /** The latest review's verdict: true approved, false changes requested (until a re-review approves). */
  reviewApproved: boolean | null;
}
