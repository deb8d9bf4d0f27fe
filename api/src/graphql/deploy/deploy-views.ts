/** What the deploy resolvers share: the caller as the policy sees them, and per-request lookups (no N+1 on lists). */
import { DEPLOYMENT_SUCCEEDED } from '../../../../contracts/deploy';
import { loadActor } from '../../../../core/access/actor';
import type { Actor } from '../../../../core/access/policy';
import { DeployTarget, type Deployment } from '../../../../core/deploy/deploy.entities';
import type { Project } from '../../../../core/project/project.entity';
import { ValidationError } from '../../../../core/shared/domain.errors';
import type { GraphQLContext } from '../../context';

/** The parent of ProjectDeployments' fields: a project the caller may read deployments of. */
export interface ProjectDeploymentsParent {
  readonly project: Project;
  readonly actor: Actor;
}

const actors = new WeakMap<GraphQLContext, Promise<Actor>>();
const liveIds = new WeakMap<GraphQLContext, Map<string, Promise<string | null>>>();

/** The caller as the policy sees them, loaded once per request. */
export function actorOf(ctx: GraphQLContext): Promise<Actor> {
  let actor = actors.get(ctx);
  if (!actor) actors.set(ctx, (actor = loadActor(ctx.em, ctx.viewerId)));
  return actor;
}

/** The id of the live deployment of the deployment's project and target, read once per request and target. */
function liveIdOf(ctx: GraphQLContext, deployment: Deployment): Promise<string | null> {
  let byTarget = liveIds.get(ctx);
  if (!byTarget) liveIds.set(ctx, (byTarget = new Map()));
  const key = `${deployment.project.id}:${deployment.target}`;
  let id = byTarget.get(key);
  if (!id) {
    const query = ctx.em.fork().findOne(DeployTarget, { project: deployment.project.id, target: deployment.target });
    byTarget.set(key, (id = query.then((row) => row?.liveDeployment?.id ?? null)));
  }
  return id;
}

export async function isLive(ctx: GraphQLContext, deployment: Deployment): Promise<boolean> {
  return (await liveIdOf(ctx, deployment)) === deployment.id;
}

/** It went live once, its package is kept, and it is not the live one now. */
export async function canRollback(ctx: GraphQLContext, deployment: Deployment): Promise<boolean> {
  if (!DEPLOYMENT_SUCCEEDED.includes(deployment.status) || !deployment.artifactSha) return false;
  return !(await isLive(ctx, deployment));
}

/** An optional integer argument within bounds, or BAD_USER_INPUT naming it. */
export function bounded(field: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new ValidationError([{ field, message: `${field} must be between ${min} and ${max}` }]);
  return value;
}
