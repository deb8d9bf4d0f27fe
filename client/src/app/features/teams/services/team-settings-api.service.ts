import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import type { ProviderKey } from '../../account/models/provider-key.models';
import type { TeamBudgetInput, TeamModelBudgets } from '../models/team-budgets';
import {
  DeleteTeamProviderKeyDocument,
  SetTeamModelBudgetsDocument,
  SetTeamProviderKeyDocument,
  TeamModelBudgetsDocument,
  TeamProviderKeysDocument,
} from '../../../generated/team-settings';

/**
 * A team's model keys and budgets (owners and admins). Nothing is cached: a key's hint and a
 * budget's spend are read fresh each time the page opens.
 */
@Injectable({ providedIn: 'root' })
export class TeamSettingsApi {
  private readonly apollo = inject(Apollo);

  providerKeys(teamId: string): Observable<Result<readonly ProviderKey[]>> {
    return toResult(
      this.apollo.query({
        query: TeamProviderKeysDocument,
        variables: { teamId },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.teamProviderKeys,
    );
  }

  setProviderKey(
    teamId: string,
    provider: string,
    key: string,
    baseUrl: string | null,
  ): Observable<Result<ProviderKey>> {
    return toResult(
      this.apollo.mutate({
        mutation: SetTeamProviderKeyDocument,
        variables: { teamId, provider, key, baseUrl },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.setTeamProviderKey,
    );
  }

  deleteProviderKey(teamId: string, provider: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({
        mutation: DeleteTeamProviderKeyDocument,
        variables: { teamId, provider },
      }),
      (d) => d.deleteTeamProviderKey,
    );
  }

  budgets(teamId: string): Observable<Result<TeamModelBudgets>> {
    return toResult(
      this.apollo.query({
        query: TeamModelBudgetsDocument,
        variables: { teamId },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.teamModelBudgets,
    );
  }

  setBudgets(teamId: string, budgets: TeamBudgetInput): Observable<Result<TeamModelBudgets>> {
    return toResult(
      this.apollo.mutate({
        mutation: SetTeamModelBudgetsDocument,
        variables: { input: { teamId, ...budgets } },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.setTeamModelBudgets,
    );
  }
}
