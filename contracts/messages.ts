/**
 * The messages workflows answer: signals and queries (`defineSignal` / `defineQuery`, deterministic and safe to
 * import anywhere) and the shapes they carry. The API sends them by these objects, never by name.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { BuildWait } from './build-wait';
import type { AgentRole } from './roles';
import type { RoomActivityKind, RoomStatus } from './rooms';

/** A task of the plan as the coordinator tracks it. */
export type TaskStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface PlanReview {
  approve: boolean;
  feedback?: string;
}

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

/** A person approves the plan or asks for changes (feedback goes to the architect). */
export const reviewPlanSignal = defineSignal<[PlanReview]>('reviewPlan');
export const pauseRunSignal = defineSignal<[string?]>('pauseRun');
/** Resumes a paused run (after raising a budget, for example). */
export const resumeRunSignal = defineSignal('resumeRun');
export const teamStatusQuery = defineQuery<TeamStatus>('teamStatus');

/** `waiting`: a team run queued behind the owner's other team runs (the tier's concurrent agent runs). */
export type ProjectBuildPhase = 'waiting' | 'starting' | 'scaffolding' | 'team' | 'finishing' | 'succeeded' | 'failed';

export interface ProjectBuildState {
  phase: ProjectBuildPhase;
  filesWritten: number;
  error: string | null;
  /** While `waiting`: what for (an agent-run slot or a sandbox), how many are in use, and by which builds. */
  waitingFor?: BuildWait | null;
}

/** Where the build is now, for the API and the Temporal UI. */
export const projectBuildStateQuery = defineQuery<ProjectBuildState>('projectBuildState');

export type AgentStatus = 'idle' | 'thinking' | 'coding' | 'testing' | 'reviewing' | 'blocked';

export interface AgentTaskState {
  status: AgentStatus;
  turns: number;
  tokens: number;
  question: string | null;
  lastTool: string | null;
}

/** A person's answer to the agent's `ask_human` question. */
export const answerQuestionSignal = defineSignal<[string]>('answerQuestion');
/** A person's message to this agent, read before its next turn. */
export const messageAgentSignal = defineSignal<[string]>('messageAgent');
export const agentTaskStateQuery = defineQuery<AgentTaskState>('agentTaskState');

/** The outcome of one command run in a sandbox (install, tests, a command), with the tails of its output. */
export interface SandboxStepResult {
  exitCode: number;
  durationMs: number;
  timedOut: boolean;
  stdoutTail: string;
  stderrTail: string;
}

export type SandboxVerifyPhase = 'creating' | 'syncing' | 'installing' | 'testing' | 'previewing' | 'done' | 'failed' | 'cancelled';

export interface SandboxVerifyState {
  phase: SandboxVerifyPhase;
  sandboxId: string | null;
  install: SandboxStepResult | null;
  test: SandboxStepResult | null;
  previewUrl: string | null;
}

/** Where the verification is now. */
export const sandboxVerifyStateQuery = defineQuery<SandboxVerifyState>('sandboxVerifyState');

/** Someone edited these files' live documents (the client says so, debounced); the room flushes them soon. */
export interface FilesEdited {
  fileIds: string[];
  /** Who edited: versions made by the flush are credited to them. */
  userId: string | null;
}
export const filesEditedSignal = defineSignal<[FilesEdited]>('filesEdited');
/** Flushes every edited document now (before a zip download, a sandbox sync, Ctrl-S); answers how many changed. */
export const flushNowUpdate = defineUpdate<{ flushed: number }, []>('flushNow');
export interface ProjectRoomState {
  /** Files edited since the last flush. */
  dirty: string[];
  flushes: number;
  lastFlushAt: string | null;
}
export const projectRoomStateQuery = defineQuery<ProjectRoomState>('projectRoomState');

/** Something happened in a coding room (a join, a message, an edit, a command): the idle timer starts again. */
export interface RoomActivity {
  kind: RoomActivityKind;
  userId: string | null;
}
export const roomActivitySignal = defineSignal<[RoomActivity]>('roomActivity');
/** The host ends the room now: it archives at once (files flushed, chat kept); answers when archived. */
export const endRoomUpdate = defineUpdate<{ archivedAt: string }, [{ byUserId: string }]>('endRoom');
export interface RoomLifecycleState {
  status: RoomStatus;
  lastActivityAt: string | null;
  /** When the room archives if nothing happens before. */
  archivesAt: string | null;
}
export const roomLifecycleQuery = defineQuery<RoomLifecycleState>('roomLifecycle');
