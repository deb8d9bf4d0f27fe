import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import type {
  CatalogModel,
  ModelMode,
  ModelUsage,
  ModelUsageQuery,
  ProjectModelSettings,
  ProjectModelSettingsInput,
} from '../models/model.models';
import {
  MODELS_QUERY,
  MODEL_MODE_QUERY,
  MODEL_USAGE_QUERY,
  PROJECT_MODEL_SETTINGS_QUERY,
  SET_PROJECT_MODEL_SETTINGS_MUTATION,
} from './models.documents';

/**
 * The model layer's view of the API: catalog, offline mode, usage reports and a project's role chains
 * and budgets. Every call ends in a `Result`; availability and usage change by the minute, so no cache.
 */
@Injectable({ providedIn: 'root' })
export class ModelsApi {
  private readonly apollo = inject(Apollo);

  mode(): Observable<Result<ModelMode>> {
    return toResult(
      this.apollo.query({ query: MODEL_MODE_QUERY, fetchPolicy: 'no-cache' }),
      (d) => d.modelMode,
    );
  }

  /** The catalog with what the caller can use now, and the mode it implies. */
  catalog(): Observable<Result<{ models: CatalogModel[]; mode: ModelMode }>> {
    return toResult(this.apollo.query({ query: MODELS_QUERY, fetchPolicy: 'no-cache' }), (d) => ({
      models: d.models,
      mode: d.modelMode,
    }));
  }

  usage(query: ModelUsageQuery): Observable<Result<ModelUsage>> {
    return toResult(
      this.apollo.query({
        query: MODEL_USAGE_QUERY,
        variables: { input: { ...query, groupBy: [...query.groupBy] } },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.modelUsage,
    );
  }

  /** NOT_FOUND when the caller cannot read the project. */
  projectSettings(projectId: string): Observable<Result<ProjectModelSettings>> {
    return toResult(
      this.apollo.query({
        query: PROJECT_MODEL_SETTINGS_QUERY,
        variables: { projectId },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.projectModelSettings,
    );
  }

  /** BAD_USER_INPUT carries field errors keyed like `roles.0.models` or `runTokenBudget`. */
  saveProjectSettings(input: ProjectModelSettingsInput): Observable<Result<ProjectModelSettings>> {
    return toResult(
      this.apollo.mutate({
        mutation: SET_PROJECT_MODEL_SETTINGS_MUTATION,
        variables: { input },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.setProjectModelSettings,
    );
  }
}
