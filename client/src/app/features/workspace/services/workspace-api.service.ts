import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Observable, firstValueFrom } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import {
  FilesEditedDocument,
  OpenFileDocument,
  WorkspaceDocument,
  WorkspaceFileContentDocument,
} from '../../../generated/workspace';
import type { OpenedFile, Workspace } from '../models/workspace.models';

/** The workspace's view of the GraphQL API; calls end in a `Result` (errors are state, not exceptions). */
@Injectable({ providedIn: 'root' })
export class WorkspaceApi {
  private readonly apollo = inject(Apollo);

  /** The project (files, folders, what the caller may do) and how collaboration is reached. */
  workspace(projectId: string): Observable<Result<Workspace>> {
    return toResult(
      this.apollo.query({
        query: WorkspaceDocument,
        variables: { id: projectId },
        fetchPolicy: 'network-only',
      }),
      (d) => (d.project ? { project: d.project, collaboration: d.collaboration } : null),
    );
  }

  /** Registers and seeds the file's live document; says whether it is read-only here, and why. */
  openFile(projectId: string, fileId: string): Promise<Result<OpenedFile>> {
    return firstValueFrom(
      toResult(
        this.apollo.mutate({ mutation: OpenFileDocument, variables: { projectId, fileId } }),
        (d) => d.openFile,
      ),
    );
  }

  /** Tells the room these documents changed so it flushes them; false when refused or unreachable. */
  async filesEdited(projectId: string, fileIds: string[]): Promise<boolean> {
    const result = await firstValueFrom(
      toResult(
        this.apollo.mutate({ mutation: FilesEditedDocument, variables: { projectId, fileIds } }),
        (d) => d.filesEdited,
      ),
    );
    return result.ok && result.value;
  }

  /** The file's stored text (what PostgreSQL holds). */
  fileContent(projectId: string, path: string): Promise<Result<string>> {
    return firstValueFrom(
      toResult(
        this.apollo.query({
          query: WorkspaceFileContentDocument,
          variables: { id: projectId, path },
          fetchPolicy: 'network-only',
        }),
        (d) => d.project?.file?.content,
      ),
    );
  }
}
