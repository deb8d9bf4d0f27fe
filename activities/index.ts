import type { ActivityDeps } from './deps';
import { createAgentFileActivities } from './agents/agent-files.activities';
import { createAgentRecordActivities } from './agents/agent-records.activities';
import { createModelActivities } from './models/models.activities';
import { createProjectActivities } from './project/project.activities';
import { createRunLeaseActivities } from './agents/run-lease.activities';
import { createScaffoldActivities } from './scaffold/scaffold.activities';
import { createBuildSandboxActivities } from './sandbox/build-sandbox.activities';
import { createSandboxActivities } from './sandbox/sandbox.activities';
import { createRoomActivities } from './files/room.activities';
import { createRoomChatActivities } from './rooms/room-chat.activities';
import { createRoomLifecycleActivities } from './rooms/room-lifecycle.activities';
import { createDeploymentActivities } from './deploy/deployment.activities';
import { createAgentDeployActivities } from './deploy/agent-deploy.activities';
import { createLocalAppActivities } from './deploy/local-app.activities';
import { createBillingActivities } from './billing/billing.activities';
import { createAssistActivities } from './assist/assist.activities';
import { createAssistChatActivities } from './assist-chat/assist-chat.activities';

export type { ActivityDeps } from './deps';

/** Composes every activity domain; the worker registers the result and workflows proxy its type. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createProjectActivities(deps),
    ...createScaffoldActivities(deps),
    ...createSandboxActivities(deps),
    ...createBuildSandboxActivities(deps),
    ...createModelActivities(deps),
    ...createAgentFileActivities(deps),
    ...createAgentRecordActivities(deps),
    ...createRunLeaseActivities(deps),
    ...createRoomActivities(deps),
    ...createRoomChatActivities(deps),
    ...createRoomLifecycleActivities(deps),
    ...createDeploymentActivities(deps),
    ...createAgentDeployActivities(deps),
    ...createLocalAppActivities(deps),
    ...createBillingActivities(deps),
    ...createAssistActivities(deps),
    ...createAssistChatActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
