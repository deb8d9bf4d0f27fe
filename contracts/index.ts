/**
 * Names and shapes that cross layers (workflows, activities, core, api, client). Imports nothing but
 * `@temporalio/workflow`'s message definers (in messages.ts); the client imports the single files it needs.
 */
export * from './assist';
export * from './billing';
export * from './build-wait';
export * from './deploy';
export * from './errors';
export * from './events';
export * from './messages';
export * from './roles';
export * from './rooms';
export * from './themes';
export * from './workflow-ids';
