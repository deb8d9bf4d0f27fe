/**
 * The file tree's and the file history's operations. Read by `npm run codegen` only: it writes each one as
 * a typed document (`FileTreeDocument`, …) with its types into `../../../generated/files.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment TreeFile on ProjectFile {
    id
    path
    size
    binary
  }

  # The tree as the server has it now: files (folders of files follow from their paths) and empty folders.
  query FileTree($id: ID!) {
    project(id: $id) {
      id
      files {
        ...TreeFile
      }
      folders
    }
  }

  # The durable current content, the right side of a history diff.
  query CurrentFileContent($id: ID!, $path: String!) {
    project(id: $id) {
      id
      file(path: $path) {
        id
        path
        binary
        content
      }
    }
  }

  mutation CreateFile($projectId: ID!, $path: String!) {
    createFile(projectId: $projectId, path: $path) {
      ...TreeFile
    }
  }

  mutation CreateFolder($projectId: ID!, $path: String!) {
    createFolder(projectId: $projectId, path: $path)
  }

  mutation MovePath($projectId: ID!, $from: String!, $to: String!) {
    movePath(projectId: $projectId, from: $from, to: $to)
  }

  mutation DeletePath($projectId: ID!, $path: String!) {
    deletePath(projectId: $projectId, path: $path)
  }

  fragment FileVersionEntry on FileVersion {
    id
    fileId
    path
    size
    binary
    authorKind
    authorName
    reason
    createdAt
  }

  query FileVersions($fileId: ID!, $limit: Int) {
    fileVersions(fileId: $fileId, limit: $limit) {
      ...FileVersionEntry
    }
  }

  query FileVersionContent($id: ID!) {
    fileVersion(id: $id) {
      id
      path
      binary
      content
    }
  }

  mutation RestoreFileVersion($versionId: ID!) {
    restoreFileVersion(versionId: $versionId) {
      ...TreeFile
    }
  }
`;
