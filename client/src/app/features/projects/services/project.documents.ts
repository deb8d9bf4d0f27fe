import { gql } from 'apollo-angular';
import type {
  FrameworkOption,
  OwnerTeam,
  ProjectDetail,
  ProjectEvent,
  ProjectFile,
  ProjectSummary,
} from '../models/project.models';

const EVENT_FIELDS = `id projectId runId type message data at`;

export const PROJECTS_QUERY = gql<{ projects: ProjectSummary[] }, Record<string, never>>`
  query Projects {
    projects {
      id
      name
      framework
      status
      createdAt
    }
  }
`;

/** The caller's teams, the owners a new project may have besides the caller. */
export const OWNER_TEAMS_QUERY = gql<{ teams: OwnerTeam[] }, Record<string, never>>`
  query OwnerTeams {
    teams {
      id
      name
    }
  }
`;

export const PROJECT_QUERY = gql<{ project: ProjectDetail | null }, { id: string }>`
  query Project($id: ID!) {
    project(id: $id) {
      id
      name
      description
      framework
      features
      database
      styling
      visibility
      status
      createdAt
      updatedAt
      team {
        id
        name
      }
      latestRun {
        id
        status
        startedAt
        finishedAt
        error
        createdAt
        startedBy { id displayName }
        approvedBy { id displayName }
        pausedBy { id displayName }
        cancelledBy { id displayName }
        planStatus
        offlineBuild { blueprintName matched note }
      }
      files {
        id
        path
        language
        size
      }
    }
  }
`;

export const PROJECT_FILE_QUERY = gql<
  { project: { id: string; file: ProjectFile | null } | null },
  { id: string; path: string }
>`
  query ProjectFile($id: ID!, $path: String!) {
    project(id: $id) {
      id
      file(path: $path) {
        id
        path
        language
        size
        content
      }
    }
  }
`;

export const FRAMEWORKS_QUERY = gql<{ frameworks: FrameworkOption[] }, Record<string, never>>`
  query Frameworks {
    frameworks {
      id
      label
      language
      scaffolded
    }
  }
`;

export const CREATE_PROJECT_MUTATION = gql<
  { createProject: { id: string } },
  { input: Record<string, unknown> }
>`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
      name
      framework
      status
      createdAt
    }
  }
`;

export const PROJECT_EVENT_LOG_QUERY = gql<
  { projectEventLog: ProjectEvent[] },
  { projectId: string; after: string | null }
>`
  query ProjectEventLog($projectId: ID!, $after: String) {
    projectEventLog(projectId: $projectId, after: $after) { ${EVENT_FIELDS} }
  }
`;

export const PROJECT_EVENTS_SUBSCRIPTION = gql<
  { projectEvents: ProjectEvent },
  { projectId: string; after: string | null }
>`
  subscription ProjectEvents($projectId: ID!, $after: String) {
    projectEvents(projectId: $projectId, after: $after) { ${EVENT_FIELDS} }
  }
`;
