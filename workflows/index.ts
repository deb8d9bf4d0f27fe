/** Everything the worker registers. */
export * from './project-build.workflow';
export * from './sandbox-verify.workflow';
export * from './run-agent-task.workflow';
export * from './project-room.workflow';
export * from './room-agent-reply.workflow';
export * from './room.workflow';
export * from './deployment.workflow';
export * from './local-app.workflow';
export * from './subscription.workflow';
export * from './assist.workflow';
export * from './assist-chat.workflow';
