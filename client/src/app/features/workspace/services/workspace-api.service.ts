import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Observable, filter, firstValueFrom, map, retry, timer } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import {
  FilesEditedDocument,
  OpenFileDocument,
  WorkspaceDocument,
  WorkspaceEventsDocument,
  WorkspaceFileContentDocument,
} from '../../../generated/workspace';
import type { OpenedFile, Workspace, WorkspaceEvent } from '../models/workspace.models';

/** How far back the live event stream starts: events written while the page was loading still arrive. */
const EVENTS_LOOKBACK_MS = 10_000;

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

  /**
   * The project's events from now on (with a short look-back), resubscribing after failures; graphql-ws
   * re-sends it after a reconnect. Callers deduplicate by id.
   */
  events(projectId: string): Observable<WorkspaceEvent> {
    const after = `${Date.now() - EVENTS_LOOKBACK_MS}-0`;
    return this.apollo
      .subscribe({
        query: WorkspaceEventsDocument,
        variables: { projectId, after },
        fetchPolicy: 'no-cache',
      })
      .pipe(
        map((result) => {
          if (result.error) throw result.error;
          return result.data?.projectEvents ?? null;
        }),
        filter((event): event is WorkspaceEvent => event !== null),
        retry({ delay: (_error, attempt) => timer(Math.min(15_000, 1000 * 2 ** (attempt - 1))) }),
      );
  }
}
