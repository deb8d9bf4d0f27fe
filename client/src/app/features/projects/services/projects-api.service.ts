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
  CREATE_PROJECT_MUTATION,
  FRAMEWORKS_QUERY,
  OWNER_TEAMS_QUERY,
  PROJECTS_QUERY,
  PROJECT_EVENTS_SUBSCRIPTION,
  PROJECT_EVENT_LOG_QUERY,
  PROJECT_FILE_QUERY,
  PROJECT_QUERY,
} from './project.documents';

/**
 * The project feature's view of the GraphQL API. Every call ends in a `Result`: failures arrive as
 * user-facing errors, never as thrown exceptions (except the live event stream, whose errors drive retry).
 */
@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly apollo = inject(Apollo);

  list(): Observable<Result<ProjectSummary[]>> {
    return toResult(
      this.apollo.query({ query: PROJECTS_QUERY, fetchPolicy: 'network-only' }),
      (d) => d.projects,
    );
  }

  /** The project, or a NOT_FOUND error when the server does not know the id. */
  get(id: string): Observable<Result<ProjectDetail>> {
    return toResult(
      this.apollo.query({ query: PROJECT_QUERY, variables: { id }, fetchPolicy: 'network-only' }),
      (d) => d.project,
    );
  }

  file(projectId: string, path: string): Observable<Result<ProjectFile>> {
    return toResult(
      this.apollo.query({
        query: PROJECT_FILE_QUERY,
        variables: { id: projectId, path },
        fetchPolicy: 'network-only',
      }),
      (d) => d.project?.file,
    );
  }

  frameworks(): Observable<Result<FrameworkOption[]>> {
    return toResult(this.apollo.query({ query: FRAMEWORKS_QUERY }), (d) => d.frameworks);
  }

  /** The caller's teams, the owners a new project may have besides the caller. */
  ownerTeams(): Observable<Result<OwnerTeam[]>> {
    return toResult(
      this.apollo.query({ query: OWNER_TEAMS_QUERY, fetchPolicy: 'network-only' }),
      (d) => d.teams,
    );
  }

  create(input: CreateProjectInput): Observable<Result<{ id: string }>> {
    return toResult(
      this.apollo.mutate({ mutation: CREATE_PROJECT_MUTATION, variables: { input: { ...input } } }),
      (d) => d.createProject,
    );
  }

  /** Events recorded so far, oldest first. */
  eventLog(projectId: string, after: string | null = null): Observable<Result<ProjectEvent[]>> {
    return toResult(
      this.apollo.query({
        query: PROJECT_EVENT_LOG_QUERY,
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
        query: PROJECT_EVENTS_SUBSCRIPTION,
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
