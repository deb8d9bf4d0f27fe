/**
 * The workspace's operations. Read by `npm run codegen` only: it writes each one as a typed document
 * (`WorkspaceDocument`, …) with its types into `../../../generated/workspace.ts`, which the code imports.
 */
import { gql } from 'apollo-angular';

gql`
  fragment WorkspaceFile on ProjectFile {
    id
    path
    language
    size
    binary
  }

  fragment WorkspaceProject on Project {
    id
    name
    visibility
    archivedAt
    myAccess {
      canEdit
    }
    files {
      ...WorkspaceFile
    }
    folders
  }

  fragment Collaboration on Collaboration {
    enabled
    proxied
    throttleMs
  }

  query Workspace($id: ID!) {
    project(id: $id) {
      ...WorkspaceProject
    }
    collaboration {
      ...Collaboration
    }
  }

  # A file's stored text, for what has no live document (collaboration off, or a read-only file).
  query WorkspaceFileContent($id: ID!, $path: String!) {
    project(id: $id) {
      id
      file(path: $path) {
        id
        content
      }
    }
  }

  mutation OpenFile($projectId: ID!, $fileId: ID!) {
    openFile(projectId: $projectId, fileId: $fileId) {
      fileId
      roomId
      readOnly
      reason
    }
  }

  mutation FilesEdited($projectId: ID!, $fileIds: [ID!]!) {
    filesEdited(projectId: $projectId, fileIds: $fileIds)
  }
`;
