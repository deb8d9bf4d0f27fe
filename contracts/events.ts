/**
 * The types of a project's progress events (core/events/project-event-stream.ts): written by activities and
 * the API, read by the API's subscription and the client.
 */
export const EventType = {
  RUN_QUEUED: 'run.queued',
  RUN_STARTED: 'run.started',
  /** A team build waits for one of its owner's agent-run slots or sandboxes. */
  RUN_WAITING: 'run.waiting',
  RUN_COMPLETED: 'run.completed',
  RUN_FAILED: 'run.failed',
  STEP_STARTED: 'step.started',
  STEP_COMPLETED: 'step.completed',
  /** The starter scaffold wrote a file. */
  FILE_CREATED: 'file.created',
  /** An agent wrote a file. */
  FILE_WRITTEN: 'file.written',
  /** A person changed the file tree: data { fileId?, path, from?, folder?, by }. */
  FILE_RENAMED: 'file.renamed',
  FILE_DELETED: 'file.deleted',
  FILE_UPLOADED: 'file.uploaded',
  /** A file went back to an earlier version (a new version itself). */
  FILE_RESTORED: 'file.restored',
  FOLDER_CREATED: 'folder.created',
  /** Edited documents reached PostgreSQL: data { paths, versions }. */
  FILES_FLUSHED: 'files.flushed',
  PROJECT_RENAMED: 'project.renamed',
  PROJECT_ARCHIVED: 'project.archived',
  PROJECT_RESTORED: 'project.restored',
  PROJECT_DELETED: 'project.deleted',
  PLAN_PROPOSED: 'plan.proposed',
  PLAN_APPROVED: 'plan.approved',
  PLAN_CHANGES_REQUESTED: 'plan.changes_requested',
  TEAM_INITIALIZED: 'team.initialized',
  TASK_ASSIGNED: 'task.assigned',
  TASK_DONE: 'task.done',
  TASK_FAILED: 'task.failed',
  TASK_CANCELLED: 'task.cancelled',
  TOOL_CALLED: 'tool.called',
  AGENT_HANDOFF: 'agent.handoff',
  /** A model call's reply streams: started, text deltas, completed (with usage). */
  MODEL_STARTED: 'model.started',
  MODEL_DELTA: 'model.delta',
  MODEL_COMPLETED: 'model.completed',
  /** Deployments (contracts/deploy.ts): data { deploymentId, target, … }. Created (queued). */
  DEPLOY_CREATED: 'deploy.created',
  /** A deployment moved to another status: data { deploymentId, target, status }. */
  DEPLOY_STATUS: 'deploy.status',
  /** Log lines of a deployment, batched: data { deploymentId, lines: DeployLogLine[] }. */
  DEPLOY_LOG: 'deploy.log',
  /** A deployment is live: data { deploymentId, target, url, previousLiveId }. */
  DEPLOY_LIVE: 'deploy.live',
  /** A deployment failed: data { deploymentId, target, code, error }. */
  DEPLOY_FAILED: 'deploy.failed',
  DEPLOY_CANCELLED: 'deploy.cancelled',
  /** The local app of the project was stopped, restarted or deleted: data { deploymentId, state }. */
  DEPLOY_APP: 'deploy.app',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/** The event of each plan status (`ProjectRun.planStatus`). */
export const PLAN_EVENTS = {
  proposed: EventType.PLAN_PROPOSED,
  approved: EventType.PLAN_APPROVED,
  changes_requested: EventType.PLAN_CHANGES_REQUESTED,
} as const;

/** The event of each way an agent task ends. */
export const TASK_END_EVENTS = {
  done: EventType.TASK_DONE,
  failed: EventType.TASK_FAILED,
  cancelled: EventType.TASK_CANCELLED,
} as const;
