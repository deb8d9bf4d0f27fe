/**
 * The model catalog, usage and a project's model settings. Read by `npm run codegen` only: it writes each
 * operation as a typed document (`ModelsDocument`, …) into `../../../generated/models.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment ModelMode on ModelMode {
    offline
    message
  }

  query ModelMode {
    modelMode {
      ...ModelMode
    }
  }

  fragment CatalogModel on Model {
    id
    provider
    displayName
    contextWindow
    maxOutputTokens
    streaming
    vision
    functionCalling
    reasoning
    pricing {
      inputPer1kUsd
      outputPer1kUsd
      inputPer1kInr
      outputPer1kInr
    }
    offline
    available
    unavailableReason
    keySource
    circuit
    circuitRetryAt
  }

  query Models {
    models {
      ...CatalogModel
    }
    modelMode {
      ...ModelMode
    }
  }

  fragment ModelUsageRow on ModelUsageRow {
    model
    role
    day
    calls
    promptTokens
    completionTokens
    totalTokens
    costUsd
    costInr
  }

  fragment ModelUsage on ModelUsage {
    rows {
      ...ModelUsageRow
    }
    total {
      ...ModelUsageRow
    }
  }

  query ModelUsage($input: ModelUsageInput!) {
    modelUsage(input: $input) {
      ...ModelUsage
    }
  }

  fragment ModelBudget on ModelBudget {
    scope
    tokensUsed
    tokenLimit
    costUsdUsed
    costUsdLimit
    effectiveTokenLimit
    tokenLimitSource
    effectiveCostUsdLimit
    costUsdLimitSource
  }

  fragment ProjectModelSettings on ProjectModelSettings {
    projectId
    tier
    roles {
      role
      models
      source
    }
    budgets {
      ...ModelBudget
    }
  }

  query ProjectModelSettings($projectId: ID!) {
    projectModelSettings(projectId: $projectId) {
      ...ProjectModelSettings
    }
  }

  mutation SetProjectModelSettings($input: ProjectModelSettingsInput!) {
    setProjectModelSettings(input: $input) {
      ...ProjectModelSettings
    }
  }
`;
