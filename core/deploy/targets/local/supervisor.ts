import type { Client } from '@temporalio/client';
import { localAppCommandSignal, type LocalAppCommand } from '../../../../contracts/deploy';
import { workflowIds } from '../../../../contracts/workflow-ids';

/** Talks to a project's local app supervisor (workflows/local-app.workflow.ts), starting it when it is not running. */
export interface LocalAppSupervisor {
  command(projectId: string, command: LocalAppCommand): Promise<void>;
}

/** The workflow's registered name (core may not import workflow code). */
export const LOCAL_APP_WORKFLOW = 'localAppWorkflow';

/**
 * Signal-with-start of `localAppWorkflow` on `taskQueue`: the first `serve` starts the supervisor; later commands
 * reach the running one. A command to a project without a supervisor starts one that applies it (a `stop` of
 * nothing is harmless).
 */
export function temporalAppSupervisor(client: () => Client | Promise<Client>, taskQueue: string): LocalAppSupervisor {
  return {
    async command(projectId, command) {
      await (await client()).workflow.signalWithStart(LOCAL_APP_WORKFLOW, {
        workflowId: workflowIds.localApp(projectId),
        taskQueue,
        args: [{ projectId }],
        signal: localAppCommandSignal,
        signalArgs: [command],
      });
    },
  };
}
