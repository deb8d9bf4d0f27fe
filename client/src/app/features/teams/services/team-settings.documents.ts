import { gql } from 'apollo-angular';
import type { ProviderKey } from '../../account/models/provider-key.models';
import type { TeamBudgetInput, TeamModelBudgets } from '../models/team-budgets';

const KEY_FIELDS = `provider hint baseUrl createdAt updatedAt lastUsedAt`;
const BUDGET_FIELDS = `
  teamId runTokenBudget runCostBudgetUsd monthlyTokenBudget monthlyCostBudgetUsd
  monthTokensUsed monthCostUsdUsed ownerTier
  tierCap { runTokens runCostUsd monthlyTokens monthlyCostUsd }
`;

export const TEAM_PROVIDER_KEYS_QUERY = gql<
  { teamProviderKeys: ProviderKey[] },
  { teamId: string }
>`
  query TeamProviderKeys($teamId: ID!) {
    teamProviderKeys(teamId: $teamId) { ${KEY_FIELDS} }
  }
`;

export const SET_TEAM_PROVIDER_KEY_MUTATION = gql<
  { setTeamProviderKey: ProviderKey },
  { teamId: string; provider: string; key: string; baseUrl: string | null }
>`
  mutation SetTeamProviderKey($teamId: ID!, $provider: String!, $key: String!, $baseUrl: String) {
    setTeamProviderKey(teamId: $teamId, provider: $provider, key: $key, baseUrl: $baseUrl) {
      ${KEY_FIELDS}
    }
  }
`;

export const DELETE_TEAM_PROVIDER_KEY_MUTATION = gql<
  { deleteTeamProviderKey: boolean },
  { teamId: string; provider: string }
>`
  mutation DeleteTeamProviderKey($teamId: ID!, $provider: String!) {
    deleteTeamProviderKey(teamId: $teamId, provider: $provider)
  }
`;

export const TEAM_MODEL_BUDGETS_QUERY = gql<
  { teamModelBudgets: TeamModelBudgets },
  { teamId: string }
>`
  query TeamModelBudgets($teamId: ID!) {
    teamModelBudgets(teamId: $teamId) { ${BUDGET_FIELDS} }
  }
`;

export const SET_TEAM_MODEL_BUDGETS_MUTATION = gql<
  { setTeamModelBudgets: TeamModelBudgets },
  { input: TeamBudgetInput & { teamId: string } }
>`
  mutation SetTeamModelBudgets($input: TeamModelBudgetsInput!) {
    setTeamModelBudgets(input: $input) { ${BUDGET_FIELDS} }
  }
`;
