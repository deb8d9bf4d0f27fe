import { gql } from 'apollo-angular';
import type {
  CatalogModel,
  ModelMode,
  ModelUsage,
  ProjectModelSettings,
  ProjectModelSettingsInput,
} from '../models/model.models';

const USAGE_ROW = `model role day calls promptTokens completionTokens totalTokens costUsd costInr`;
const SETTINGS_FIELDS = `
  projectId
  roles { role models source }
  budgets { scope tokensUsed tokenLimit costUsdUsed costUsdLimit }
`;

export const MODEL_MODE_QUERY = gql<{ modelMode: ModelMode }, Record<string, never>>`
  query ModelMode {
    modelMode {
      offline
      message
    }
  }
`;

export const MODELS_QUERY = gql<
  { models: CatalogModel[]; modelMode: ModelMode },
  Record<string, never>
>`
  query Models {
    models {
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
    modelMode {
      offline
      message
    }
  }
`;

export const MODEL_USAGE_QUERY = gql<
  { modelUsage: ModelUsage },
  { input: Record<string, unknown> }
>`
  query ModelUsage($input: ModelUsageInput!) {
    modelUsage(input: $input) {
      rows { ${USAGE_ROW} }
      total { ${USAGE_ROW} }
    }
  }
`;

export const PROJECT_MODEL_SETTINGS_QUERY = gql<
  { projectModelSettings: ProjectModelSettings },
  { projectId: string }
>`
  query ProjectModelSettings($projectId: ID!) {
    projectModelSettings(projectId: $projectId) { ${SETTINGS_FIELDS} }
  }
`;

export const SET_PROJECT_MODEL_SETTINGS_MUTATION = gql<
  { setProjectModelSettings: ProjectModelSettings },
  { input: ProjectModelSettingsInput }
>`
  mutation SetProjectModelSettings($input: ProjectModelSettingsInput!) {
    setProjectModelSettings(input: $input) { ${SETTINGS_FIELDS} }
  }
`;
