/** The documents the Railway target sends, as in Railway's public API docs (integrations/api). */

const PROJECT_FIELDS = `id name description
  environments { edges { node { id name } } }
  services { edges { node { id name } } }`;

export const ME = `query me { me { id name email } }`;

export const PROJECTS = `query projects($workspaceId: String) {
  projects(workspaceId: $workspaceId) { edges { node { ${PROJECT_FIELDS} } } }
}`;

export const PROJECT = `query project($id: String!) { project(id: $id) { ${PROJECT_FIELDS} } }`;

export const PROJECT_CREATE = `mutation projectCreate($input: ProjectCreateInput!) { projectCreate(input: $input) { ${PROJECT_FIELDS} } }`;

export const SERVICE_CREATE = `mutation serviceCreate($input: ServiceCreateInput!) { serviceCreate(input: $input) { id name } }`;

export const VARIABLES_UPSERT = `mutation variableCollectionUpsert($input: VariableCollectionUpsertInput!) {
  variableCollectionUpsert(input: $input)
}`;

export const DEPLOYMENTS = `query deployments($input: DeploymentListInput!, $first: Int) {
  deployments(input: $input, first: $first) { edges { node { id status createdAt meta canRollback } } }
}`;

export const DEPLOYMENT = `query deployment($id: String!) { deployment(id: $id) { id status staticUrl url serviceId environmentId projectId } }`;

export const DEPLOY = `mutation serviceInstanceDeployV2($serviceId: String!, $environmentId: String!, $commitSha: String) {
  serviceInstanceDeployV2(serviceId: $serviceId, environmentId: $environmentId, commitSha: $commitSha)
}`;

export const DOMAINS = `query domains($projectId: String!, $environmentId: String!, $serviceId: String!) {
  domains(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId) { serviceDomains { id domain } }
}`;

export const DOMAIN_CREATE = `mutation serviceDomainCreate($input: ServiceDomainCreateInput!) { serviceDomainCreate(input: $input) { id domain } }`;

export const BUILD_LOGS = `query buildLogs($deploymentId: String!, $limit: Int) { buildLogs(deploymentId: $deploymentId, limit: $limit) { timestamp message severity } }`;

export const DEPLOYMENT_LOGS = `query deploymentLogs($deploymentId: String!, $limit: Int) {
  deploymentLogs(deploymentId: $deploymentId, limit: $limit) { timestamp message severity }
}`;

export const CANCEL = `mutation deploymentCancel($id: String!) { deploymentCancel(id: $id) }`;
export const REMOVE = `mutation deploymentRemove($id: String!) { deploymentRemove(id: $id) }`;
export const ROLLBACK = `mutation deploymentRollback($id: String!) { deploymentRollback(id: $id) }`;

export interface RailwayProject {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly environments: { readonly edges: readonly { readonly node: { readonly id: string; readonly name: string } }[] };
  readonly services: { readonly edges: readonly { readonly node: { readonly id: string; readonly name: string } }[] };
}

export interface RailwayDeployment {
  readonly id: string;
  readonly status: string;
  readonly createdAt?: string;
  readonly meta?: { readonly commitHash?: string } | null;
  readonly canRollback?: boolean;
  readonly staticUrl?: string | null;
  readonly url?: string | null;
  readonly serviceId?: string;
  readonly environmentId?: string;
  readonly projectId?: string;
}

export interface RailwayLog {
  readonly timestamp: string;
  readonly message: string;
  readonly severity?: string | null;
}
