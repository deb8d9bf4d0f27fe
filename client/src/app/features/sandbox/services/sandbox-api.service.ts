import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import {
  DestroySandboxDocument,
  OpenPreviewDocument,
  ProjectSandboxesDocument,
  StartProjectSandboxDocument,
} from '../../../generated/sandbox';
import type {
  PreviewLinkFragment as PreviewLink,
  SandboxViewFragment as SandboxView,
} from '../../../generated/sandbox';

/** The sandbox panel's view of the GraphQL API; every call ends in a `Result`. */
@Injectable({ providedIn: 'root' })
export class SandboxApi {
  private readonly apollo = inject(Apollo);

  list(projectId: string): Observable<Result<readonly SandboxView[]>> {
    return toResult(
      this.apollo.query({
        query: ProjectSandboxesDocument,
        variables: { projectId },
        fetchPolicy: 'network-only',
      }),
      (d) => d.projectSandboxes,
    );
  }

  start(projectId: string): Observable<Result<string>> {
    return toResult(
      this.apollo.mutate({ mutation: StartProjectSandboxDocument, variables: { projectId } }),
      (d) => d.startProjectSandbox,
    );
  }

  destroy(id: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: DestroySandboxDocument, variables: { id } }),
      (d) => d.destroySandbox,
    );
  }

  /** A fresh link to the preview (its token expires within minutes: ask again for each frame or tab). */
  openPreview(sandboxId: string): Observable<Result<PreviewLink>> {
    return toResult(
      this.apollo.mutate({ mutation: OpenPreviewDocument, variables: { sandboxId } }),
      (d) => d.openPreview,
    );
  }
}
