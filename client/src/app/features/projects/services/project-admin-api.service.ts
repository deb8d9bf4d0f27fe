import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import type { ProjectSettings, ProjectSettingsView } from '../models/project-settings';
import {
  ArchiveProjectDocument,
  DeleteProjectDocument,
  ProjectSettingsDocument,
  RenameProjectDocument,
  RestoreProjectDocument,
} from '../../../generated/project-admin';

/**
 * Managing a project as a whole (the settings page): rename, archive, restore, delete. Every call ends in a
 * `Result`; nothing is cached, since the settings page reads the project fresh and each change answers with it.
 */
@Injectable({ providedIn: 'root' })
export class ProjectAdminApi {
  private readonly apollo = inject(Apollo);

  /** The project and its live sandboxes (what deleting would stop), or NOT_FOUND. */
  settings(id: string): Observable<Result<ProjectSettingsView>> {
    return toResult(
      this.apollo.query({
        query: ProjectSettingsDocument,
        variables: { id },
        fetchPolicy: 'no-cache',
      }),
      (d) => (d.project ? { project: d.project, sandboxes: d.projectSandboxes.length } : null),
    );
  }

  rename(id: string, name: string): Observable<Result<ProjectSettings>> {
    return toResult(
      this.apollo.mutate({ mutation: RenameProjectDocument, variables: { id, name } }),
      (d) => d.renameProject,
    );
  }

  archive(id: string): Observable<Result<ProjectSettings>> {
    return toResult(
      this.apollo.mutate({ mutation: ArchiveProjectDocument, variables: { id } }),
      (d) => d.archiveProject,
    );
  }

  restore(id: string): Observable<Result<ProjectSettings>> {
    return toResult(
      this.apollo.mutate({ mutation: RestoreProjectDocument, variables: { id } }),
      (d) => d.restoreProject,
    );
  }

  /** Stops everything the project runs, then deletes it; `confirmName` must be its exact name. */
  delete(id: string, confirmName: string): Observable<Result<true>> {
    return toResult(
      this.apollo.mutate({ mutation: DeleteProjectDocument, variables: { id, confirmName } }),
      (d) => (d.deleteProject ? true : null),
    );
  }
}
