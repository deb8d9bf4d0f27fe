/**
 * The model layer's shapes as the GraphQL API returns them (see api/src/graphql/models/models.graphql),
 * generated: a catalog entry and whether the caller's agents can use it now (`unavailableReason` stays a
 * string so a newer server's reasons still render); how agents reach models now; usage rows; a project's
 * role chains and budgets (RUN: the latest run's use, PROJECT: its whole life; a null limit is none).
 */
export type {
  CatalogModelFragment as CatalogModel,
  ModelBudgetFragment as ModelBudget,
  ModelModeFragment as ModelMode,
  ModelUsageFragment as ModelUsage,
  ProjectModelSettingsFragment as ProjectModelSettings,
} from '../../../generated/models';
export type { ModelUsageGroup, ModelUsageInput, ProjectModelSettingsInput } from '../../../generated/schema';
