import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import {
  DESTROY_SANDBOX_MUTATION,
  OPEN_PREVIEW_MUTATION,
  PROJECT_SANDBOXES_QUERY,
  type PreviewLink,
  START_PROJECT_SANDBOX_MUTATION,
  type SandboxView,
} from './sandbox.documents';

/** The sandbox panel's view of the GraphQL API; every call ends in a `Result`. */
@Injectable({ providedIn: 'root' })
export class SandboxApi {
  private readonly apollo = inject(Apollo);

  list(projectId: string): Observable<Result<SandboxView[]>> {
    return toResult(
      this.apollo.query({
        query: PROJECT_SANDBOXES_QUERY,
        variables: { projectId },
        fetchPolicy: 'network-only',
      }),
      (d) => d.projectSandboxes,
    );
  }

  start(projectId: string): Observable<Result<string>> {
    return toResult(
      this.apollo.mutate({ mutation: START_PROJECT_SANDBOX_MUTATION, variables: { projectId } }),
      (d) => d.startProjectSandbox,
    );
  }

  destroy(id: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: DESTROY_SANDBOX_MUTATION, variables: { id } }),
      (d) => d.destroySandbox,
    );
  }

  /** A fresh link to the preview (its token expires within minutes: ask again for each frame or tab). */
  openPreview(sandboxId: string): Observable<Result<PreviewLink>> {
    return toResult(
      this.apollo.mutate({ mutation: OPEN_PREVIEW_MUTATION, variables: { sandboxId } }),
      (d) => d.openPreview,
    );
  }
}
