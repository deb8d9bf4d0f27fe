/**
 * The project feature's shapes as the GraphQL API returns them (see api/src/graphql/project), generated.
 * A run's actors are null for runs from before they were recorded, or a deleted account; a project's team is
 * null for a personal project; a file as listed has no content (it is loaded when opened); an event's `type`
 * stays a string so a newer server's events still render, and its `data` is the payload of `model.*` events.
 */
import { EventType } from '@contracts/events';
export type {
  FrameworkOptionFragment as FrameworkOption,
  OfflineBuildFragment as OfflineBuild,
  OwnerTeamFragment as OwnerTeam,
  ProjectDetailFragment as ProjectDetail,
  ProjectEventFragment as ProjectEvent,
  ProjectFileEntryFragment as ProjectFileEntry,
  ProjectFileFragment as ProjectFile,
  ProjectRunFragment as ProjectRun,
  ProjectSummaryFragment as ProjectSummary,
  RunActorFragment as RunActor,
} from '../../../generated/project';
export type { CreateProjectInput, ProjectStatus, RunStatus } from '../../../generated/schema';

/** Events after which the project's status or files have changed on the server. */
export const PROJECT_CHANGING_EVENTS: ReadonlySet<string> = new Set([
  EventType.RUN_COMPLETED,
  EventType.RUN_FAILED,
  EventType.FILE_CREATED,
  // The agent team writes project files as it works.
  EventType.FILE_WRITTEN,
  // The project's state moves: building, awaiting approval, building again.
  EventType.RUN_STARTED,
  EventType.PLAN_PROPOSED,
  EventType.PLAN_CHANGES_REQUESTED,
  // The run summary names who approved the plan.
  EventType.PLAN_APPROVED,
]);
