import { gql } from 'apollo-angular';

/** A project's sandbox as the panel shows it. */
export interface SandboxView {
  readonly id: string;
  readonly status: string;
  readonly runtime: string;
  readonly previewUrl: string | null;
  readonly terminalPath: string;
  readonly lastActivityAt: string;
}

export const PROJECT_SANDBOXES_QUERY = gql<
  { projectSandboxes: SandboxView[] },
  { projectId: string }
>`
  query ProjectSandboxes($projectId: ID!) {
    projectSandboxes(projectId: $projectId) {
      id
      status
      runtime
      previewUrl
      terminalPath
      lastActivityAt
    }
  }
`;

export const START_PROJECT_SANDBOX_MUTATION = gql<
  { startProjectSandbox: string },
  { projectId: string }
>`
  mutation StartProjectSandbox($projectId: ID!) {
    startProjectSandbox(projectId: $projectId)
  }
`;

export const DESTROY_SANDBOX_MUTATION = gql<{ destroySandbox: boolean }, { id: string }>`
  mutation DestroySandbox($id: ID!) {
    destroySandbox(id: $id)
  }
`;

/** A link that opens a preview on its own origin, with a short-lived token for the viewer. */
export interface PreviewLink {
  readonly url: string;
  readonly expiresAt: string | null;
}

export const OPEN_PREVIEW_MUTATION = gql<{ openPreview: PreviewLink }, { sandboxId: string }>`
  mutation OpenPreview($sandboxId: ID!) {
    openPreview(sandboxId: $sandboxId) {
      url
      expiresAt
    }
  }
`;
