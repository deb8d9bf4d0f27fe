/** Workflow ids, derived from domain ids so a retried request never starts two runs. */
export const workflowIds = {
  /** A project's first build (createProject). */
  projectBuild: (projectId: string): string => `project-build:${projectId}`,
  /** A project's later builds (startTeamRun): one workflow id per run. */
  projectRebuild: (projectId: string, runId: string): string => `project-build:${projectId}:${runId}`,
  /** One attempt of one task of a team run (a child of the build). */
  agentTask: (runId: string, taskKey: string, attempt: number): string => `agent-task:${runId}:${taskKey}:${attempt}`,
  /** A sandbox verification of a project; `nonce` makes each request its own run. */
  sandboxVerify: (projectId: string, nonce: string): string => `sandbox-verify:${projectId}:${nonce}`,
  /** The live room of a project: flushes its edited documents to PostgreSQL (one per project at a time). */
  projectRoom: (projectId: string): string => `project-room:${projectId}`,
  /** A coding room's lifecycle (created → active → idle → archived); `session` counts reopenings. */
  room: (roomId: string, session: number): string => `room:${roomId}:${session}`,
  /** An agent's answer to an @mention in a room's chat, one per asking message. */
  roomAgentReply: (messageId: string): string => `room-agent-reply:${messageId}`,
  /** One deployment of a project to a target (deploy, redeploy or rollback: each its own deployment row). */
  deployment: (deploymentId: string): string => `deployment:${deploymentId}`,
  /** The supervisor of a project's app on the local target: restarts it on crash and after a platform restart. */
  localApp: (projectId: string): string => `local-app:${projectId}`,
  /** A subscription's mirror of Razorpay and its dunning, one per Razorpay subscription id (signal-with-start). */
  subscription: (razorpaySubscriptionId: string): string => `subscription:${razorpaySubscriptionId}`,
  /** An editor action (explain, refactor, fix, tests, docs, new file), one per assist request. */
  assist: (requestId: string): string => `assist:${requestId}`,
  /** A project chat answer, one per question message. */
  assistChat: (messageId: string): string => `assist-chat:${messageId}`,
} as const;
