/** Everything the worker registers. */
export * from './project-build.workflow';
export * from './sandbox-verify.workflow';
