/**
 * The projects feature's operations. Read by `npm run codegen` only: it writes each one as a typed
 * document (`ProjectsDocument`, …) with its types into `../../../generated/project.ts`, which the code
 * imports.
 */
import { gql } from 'apollo-angular';

gql`
  fragment ProjectSummary on Project {
    id
    name
    framework
    status
    createdAt
    archivedAt
  }

  query Projects($includeArchived: Boolean) {
    projects(includeArchived: $includeArchived) {
      ...ProjectSummary
    }
  }

  # The caller's teams, the owners a new project may have besides the caller.
  fragment OwnerTeam on Team {
    id
    name
  }

  query OwnerTeams {
    teams {
      ...OwnerTeam
    }
  }

  fragment RunActor on RunActor {
    id
    displayName
  }

  fragment ProjectRun on ProjectRun {
    id
    status
    startedAt
    finishedAt
    error
    createdAt
    startedBy {
      ...RunActor
    }
    approvedBy {
      ...RunActor
    }
    pausedBy {
      ...RunActor
    }
    cancelledBy {
      ...RunActor
    }
    planStatus
    offlineBuild {
      ...OfflineBuild
    }
  }

  fragment OfflineBuild on OfflineBuild {
    blueprintName
    matched
    note
  }

  fragment ProjectFileEntry on ProjectFile {
    id
    path
    language
    size
  }

  fragment ProjectDetail on Project {
    ...ProjectSummary
    description
    features
    database
    styling
    visibility
    updatedAt
    team {
      id
      name
    }
    myAccess {
      canEdit
      canManage
      canDelete
    }
    latestRun {
      ...ProjectRun
    }
    files {
      ...ProjectFileEntry
    }
  }

  query Project($id: ID!) {
    project(id: $id) {
      ...ProjectDetail
    }
  }

  fragment ProjectFile on ProjectFile {
    ...ProjectFileEntry
    content
  }

  query ProjectFile($id: ID!, $path: String!) {
    project(id: $id) {
      id
      file(path: $path) {
        ...ProjectFile
      }
    }
  }

  fragment FrameworkOption on FrameworkOption {
    id
    label
    language
    scaffolded
  }

  query Frameworks {
    frameworks {
      ...FrameworkOption
    }
  }

  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      ...ProjectSummary
    }
  }

  fragment ProjectEvent on ProjectEvent {
    id
    projectId
    runId
    type
    message
    data
    at
  }

  query ProjectEventLog($projectId: ID!, $after: String) {
    projectEventLog(projectId: $projectId, after: $after) {
      ...ProjectEvent
    }
  }

  subscription ProjectEvents($projectId: ID!, $after: String) {
    projectEvents(projectId: $projectId, after: $after) {
      ...ProjectEvent
    }
  }
`;
