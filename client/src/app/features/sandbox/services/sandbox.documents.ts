/**
 * A project's sandboxes and previews. Read by `npm run codegen` only: it writes each operation as a typed
 * document (`ProjectSandboxesDocument`, …) into `../../../generated/sandbox.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment SandboxView on Sandbox {
    id
    status
    runtime
    previewUrl
    terminalPath
    lastActivityAt
  }

  query ProjectSandboxes($projectId: ID!) {
    projectSandboxes(projectId: $projectId) {
      ...SandboxView
    }
  }

  mutation StartProjectSandbox($projectId: ID!) {
    startProjectSandbox(projectId: $projectId)
  }

  mutation DestroySandbox($id: ID!) {
    destroySandbox(id: $id)
  }

  # A link that opens a preview on its own origin, with a short-lived token for the viewer.
  fragment PreviewLink on PreviewLink {
    url
    expiresAt
  }

  mutation OpenPreview($sandboxId: ID!) {
    openPreview(sandboxId: $sandboxId) {
      ...PreviewLink
    }
  }
`;
