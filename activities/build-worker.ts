import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { TemporalConnectionConfig } from '../temporal.config';
import { temporalConnectionOptions } from '../core/temporal/connection';
import { createActivities, type ActivityDeps } from '.';

/** Connects to Temporal with the settings from temporal.config.ts. */
export function connectWorker(config: TemporalConnectionConfig): Promise<NativeConnection> {
  return NativeConnection.connect(temporalConnectionOptions(config));
}

export interface BuildWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  /** The build task queue (temporal.config.ts `taskQueues.build` unless overridden). */
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build it once per file); otherwise the worker bundles workflows/. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Extra options, e.g. a sink or shorter sticky timeouts in tests. */
  overrides?: Partial<WorkerOptions>;
}

/** The build worker: every workflow in workflows/ and every activity from createActivities(deps). */
export function createBuildWorker({ connection, namespace, taskQueue, deps, workflowBundle, overrides }: BuildWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
    activities: createActivities(deps),
    ...overrides,
  });
}
