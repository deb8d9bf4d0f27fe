/**
 * A team's provider keys and model budgets. Read by `npm run codegen` only: it writes each operation as a
 * typed document (`TeamProviderKeysDocument`, …) into `../../../generated/team-settings.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  # A team's key: the same fields as the viewer's (ProviderKey in account-settings.documents.ts).
  fragment TeamProviderKey on ProviderKey {
    provider
    hint
    baseUrl
    createdAt
    updatedAt
    lastUsedAt
  }

  query TeamProviderKeys($teamId: ID!) {
    teamProviderKeys(teamId: $teamId) {
      ...TeamProviderKey
    }
  }

  mutation SetTeamProviderKey($teamId: ID!, $provider: String!, $key: String!, $baseUrl: String) {
    setTeamProviderKey(teamId: $teamId, provider: $provider, key: $key, baseUrl: $baseUrl) {
      ...TeamProviderKey
    }
  }

  mutation DeleteTeamProviderKey($teamId: ID!, $provider: String!) {
    deleteTeamProviderKey(teamId: $teamId, provider: $provider)
  }

  fragment TeamModelBudgets on TeamModelBudgets {
    teamId
    runTokenBudget
    runCostBudgetUsd
    monthlyTokenBudget
    monthlyCostBudgetUsd
    monthTokensUsed
    monthCostUsdUsed
    ownerTier
    tierCap {
      runTokens
      runCostUsd
      monthlyTokens
      monthlyCostUsd
    }
  }

  query TeamModelBudgets($teamId: ID!) {
    teamModelBudgets(teamId: $teamId) {
      ...TeamModelBudgets
    }
  }

  mutation SetTeamModelBudgets($input: TeamModelBudgetsInput!) {
    setTeamModelBudgets(input: $input) {
      ...TeamModelBudgets
    }
  }
`;
