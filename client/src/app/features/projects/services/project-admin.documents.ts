/**
 * The project settings page's operations (rename, archive, restore, delete). Read by `npm run codegen` only:
 * it writes them as typed documents into `../../../generated/project-admin.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment ProjectSettings on Project {
    id
    name
    framework
    visibility
    archivedAt
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
      id
      status
    }
    files {
      id
    }
  }

  # The project and what deleting it would stop (its live sandboxes).
  query ProjectSettings($id: ID!) {
    project(id: $id) {
      ...ProjectSettings
    }
    projectSandboxes(projectId: $id) {
      id
      status
    }
  }

  mutation RenameProject($id: ID!, $name: String!) {
    renameProject(id: $id, name: $name) {
      ...ProjectSettings
    }
  }

  mutation ArchiveProject($id: ID!) {
    archiveProject(id: $id) {
      ...ProjectSettings
    }
  }

  mutation RestoreProject($id: ID!) {
    restoreProject(id: $id) {
      ...ProjectSettings
    }
  }

  mutation DeleteProject($id: ID!, $confirmName: String!) {
    deleteProject(id: $id, confirmName: $confirmName)
  }
`;
