import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import type {
  CatalogModel,
  ModelMode,
  ModelUsage,
  ModelUsageInput,
  ProjectModelSettings,
  ProjectModelSettingsInput,
} from '../models/model.models';
import {
  ModelModeDocument,
  ModelUsageDocument,
  ModelsDocument,
  ProjectModelSettingsDocument,
  SetProjectModelSettingsDocument,
} from '../../../generated/models';

/**
 * The model layer's view of the API: catalog, offline mode, usage reports and a project's role chains
 * and budgets. Every call ends in a `Result`; availability and usage change by the minute, so no cache.
 */
@Injectable({ providedIn: 'root' })
export class ModelsApi {
  private readonly apollo = inject(Apollo);

  mode(): Observable<Result<ModelMode>> {
    return toResult(
      this.apollo.query({ query: ModelModeDocument, fetchPolicy: 'no-cache' }),
      (d) => d.modelMode,
    );
  }

  /** The catalog with what the caller can use now, and the mode it implies. */
  catalog(): Observable<Result<{ models: readonly CatalogModel[]; mode: ModelMode }>> {
    return toResult(this.apollo.query({ query: ModelsDocument, fetchPolicy: 'no-cache' }), (d) => ({
      models: d.models,
      mode: d.modelMode,
    }));
  }

  usage(query: ModelUsageInput): Observable<Result<ModelUsage>> {
    return toResult(
      this.apollo.query({
        query: ModelUsageDocument,
        variables: { input: query },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.modelUsage,
    );
  }

  /** NOT_FOUND when the caller cannot read the project. */
  projectSettings(projectId: string): Observable<Result<ProjectModelSettings>> {
    return toResult(
      this.apollo.query({
        query: ProjectModelSettingsDocument,
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
        mutation: SetProjectModelSettingsDocument,
        variables: { input },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.setProjectModelSettings,
    );
  }
}
