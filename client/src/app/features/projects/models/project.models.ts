/** Shapes of the project feature, as the GraphQL API returns them (see api/src/modules/project). */

export type ProjectStatus =
  | 'QUEUED'
  | 'BUILDING'
  | 'AWAITING_APPROVAL'
  | 'READY'
  | 'FAILED'
  | 'CANCELLED';
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** Offline mode (no model configured): the built-in blueprint an agent-team run builds instead of the description. */
export interface OfflineBuild {
  readonly blueprintName: string;
  /** False: no blueprint fits the description, so the run builds the fallback, not what was described. */
  readonly matched: boolean;
  /** The server's plain sentence saying so. */
  readonly note: string;
}

export interface ProjectSummary {
  readonly id: string;
  readonly name: string;
  readonly framework: string;
  readonly status: ProjectStatus;
  readonly createdAt: string;
}

/** A person who acted on a run, as the API names them (never an email). */
export interface RunActor {
  readonly id: string;
  readonly displayName: string;
}

export interface ProjectRun {
  readonly id: string;
  readonly status: RunStatus;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
  readonly createdAt: string;
  /** Null for runs from before this was recorded, or a deleted account. */
  readonly startedBy: RunActor | null;
  readonly approvedBy: RunActor | null;
  readonly pausedBy: RunActor | null;
  readonly cancelledBy: RunActor | null;
  /** Agent-team runs: proposed (awaiting approval), approved or changes_requested; null for starter builds. */
  readonly planStatus?: string | null;
  readonly offlineBuild?: OfflineBuild | null;
}

/** A file as listed: content is loaded only when the file is opened. */
export interface ProjectFileEntry {
  readonly id: string;
  readonly path: string;
  readonly language: string;
  readonly size: number;
}

export interface ProjectFile extends ProjectFileEntry {
  readonly content: string;
}

export interface ProjectDetail extends ProjectSummary {
  readonly description: string;
  readonly features: readonly string[];
  readonly database: string;
  readonly styling: string;
  readonly visibility: string;
  readonly updatedAt: string;
  readonly latestRun: ProjectRun | null;
  /** The owning team; null for a personal project. */
  readonly team: { readonly id: string; readonly name: string } | null;
  readonly files: readonly ProjectFileEntry[];
}

export type ProjectEventType =
  | 'run.queued'
  | 'run.started'
  | 'step.started'
  | 'step.completed'
  | 'file.created'
  | 'run.completed'
  | 'run.failed';

export interface ProjectEvent {
  /** Redis stream id (`<ms>-<seq>`): increases monotonically, the cursor to resume after. */
  readonly id: string;
  readonly projectId: string;
  readonly runId: string | null;
  /** One of `ProjectEventType`; kept open so a newer server's events still render. */
  readonly type: string;
  readonly message: string;
  /** The event's payload (for `model.*`: callKey, segment, role, text, usage…); null for most. */
  readonly data?: unknown;
  readonly at: string;
}

/** A team the caller may create a project in. */
export interface OwnerTeam {
  readonly id: string;
  readonly name: string;
}

export interface FrameworkOption {
  readonly id: string;
  readonly label: string;
  readonly language: string;
  readonly scaffolded: boolean;
}

export interface CreateProjectInput {
  readonly name: string;
  readonly description: string;
  readonly framework: string;
  readonly features: readonly string[];
  readonly database: string;
  readonly styling: string;
  readonly visibility: string;
  /** Create the project in this team; omitted for a personal project. */
  readonly teamId?: string;
  /** `team`: the agent team plans and builds from the description; omitted for the starter build. */
  readonly buildMode?: 'starter' | 'team';
  /** With the team: start building without waiting for a person to approve the plan. */
  readonly autoApprovePlan?: boolean;
  readonly idempotencyKey: string;
}

/** Events after which the project's status or files have changed on the server. */
export const PROJECT_CHANGING_EVENTS: ReadonlySet<string> = new Set([
  'run.completed',
  'run.failed',
  'file.created',
  // The agent team writes project files as it works.
  'file.written',
  // The project's state moves: building, awaiting approval, building again.
  'run.started',
  'plan.proposed',
  'plan.changes_requested',
  // The run summary names who approved the plan.
  'plan.approved',
]);
