/** Everything the worker registers. */
export * from './project-build.workflow';
