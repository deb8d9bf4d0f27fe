import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Observable, map } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import type {
  CreateProjectInput,
  FrameworkOption,
  OwnerTeam,
  ProjectDetail,
  ProjectEvent,
  ProjectFile,
  ProjectSummary,
} from '../models/project.models';
import {
  CreateProjectDocument,
  FrameworksDocument,
  OwnerTeamsDocument,
  ProjectDocument,
  ProjectEventLogDocument,
  ProjectEventsDocument,
  ProjectFileDocument,
  ProjectsDocument,
} from '../../../generated/project';

/**
 * The project feature's view of the GraphQL API. Every call ends in a `Result`: failures arrive as
 * user-facing errors, never as thrown exceptions (except the live event stream, whose errors drive retry).
 */
@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly apollo = inject(Apollo);

  /** The caller's projects; archived ones only with `includeArchived`. */
  list(includeArchived = false): Observable<Result<readonly ProjectSummary[]>> {
    return toResult(
      this.apollo.query({
        query: ProjectsDocument,
        variables: { includeArchived },
        fetchPolicy: 'network-only',
      }),
      (d) => d.projects,
    );
  }

  /** The project, or a NOT_FOUND error when the server does not know the id. */
  get(id: string): Observable<Result<ProjectDetail>> {
    return toResult(
      this.apollo.query({ query: ProjectDocument, variables: { id }, fetchPolicy: 'network-only' }),
      (d) => d.project,
    );
  }

  file(projectId: string, path: string): Observable<Result<ProjectFile>> {
    return toResult(
      this.apollo.query({
        query: ProjectFileDocument,
        variables: { id: projectId, path },
        fetchPolicy: 'network-only',
      }),
      (d) => d.project?.file,
    );
  }

  frameworks(): Observable<Result<readonly FrameworkOption[]>> {
    return toResult(this.apollo.query({ query: FrameworksDocument }), (d) => d.frameworks);
  }

  /** The caller's teams, the owners a new project may have besides the caller. */
  ownerTeams(): Observable<Result<readonly OwnerTeam[]>> {
    return toResult(
      this.apollo.query({ query: OwnerTeamsDocument, fetchPolicy: 'network-only' }),
      (d) => d.teams,
    );
  }

  create(input: CreateProjectInput): Observable<Result<{ id: string }>> {
    return toResult(
      this.apollo.mutate({ mutation: CreateProjectDocument, variables: { input: { ...input } } }),
      (d) => d.createProject,
    );
  }

  /** Events recorded so far, oldest first. */
  eventLog(
    projectId: string,
    after: string | null = null,
  ): Observable<Result<readonly ProjectEvent[]>> {
    return toResult(
      this.apollo.query({
        query: ProjectEventLogDocument,
        variables: { projectId, after },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.projectEventLog,
    );
  }

  /** Live events after `after`; errors (including GraphQL errors) are raised so the caller can retry. */
  events(projectId: string, after: string | null): Observable<ProjectEvent> {
    return this.apollo
      .subscribe({
        query: ProjectEventsDocument,
        variables: { projectId, after },
        fetchPolicy: 'no-cache',
      })
      .pipe(
        map((result) => {
          if (result.error) throw result.error;
          const event = result.data?.projectEvents;
          if (!event) throw new Error('Subscription result without an event');
          return event;
        }),
      );
  }
}
