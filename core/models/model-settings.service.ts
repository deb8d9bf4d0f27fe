import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { loadActor } from '../access/actor';
import { can } from '../access/policy';
import { recordAudit } from '../audit/audit-log';
import { asResource, type ProjectService } from '../project/project.service';
import { ProjectRun } from '../project/project.entity';
import { Team } from '../team/team.entity';
import type { ModelCatalog } from './catalog';
import { fromNanos, toNanos } from './cost';
import { ModelSettings, type SettingsScope } from './model-settings.entity';
import { AGENT_ROLES, type AgentRole } from './model-types';
import { resolveRoleChain, type RoleModelOverride } from './role-models';

/** One role's models for a scope, preferred first; an empty list removes the scope's override. */
export interface RoleModelInput {
  /** One of AGENT_ROLES; anything else is refused with a field error. */
  role: string;
  models: readonly string[];
}

/** A change to a project's model settings: role chains and budgets; a field left out stays as it is. */
export interface ProjectModelSettingsInput {
  projectId: string;
  roles?: readonly RoleModelInput[] | null;
  tokenBudget?: number | null;
  costBudgetUsd?: number | null;
  runTokenBudget?: number | null;
  runCostBudgetUsd?: number | null;
}

export interface RoleChainView {
  role: AgentRole;
  models: string[];
  source: string;
}

export interface ProjectModelSettingsView {
  projectId: string;
  roles: RoleChainView[];
  budgets: { scope: string; tokensUsed: number; tokenLimit: number | null; costUsdUsed: number; costUsdLimit: number | null }[];
}

const SPENT = `select coalesce(sum(total_tokens), 0)::bigint::text as tokens, coalesce(sum(cost_usd_nanos), 0)::text as cost from usage_logs where `;

/** Role → model chains and budgets of projects and teams, as people set them. */
export class ModelSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly projects: ProjectService,
    private readonly catalog: ModelCatalog,
    private readonly platformRoleModels: RoleModelOverride,
  ) {}

  async forProject(viewerId: string | null, projectId: string): Promise<ProjectModelSettingsView> {
    const project = await this.projects.get(viewerId, projectId);
    const teamId = project.ownerTeam?.id ?? null;
    const rows = await this.em.find(ModelSettings, {
      $or: [{ scope: 'project', scopeId: project.id }, ...(teamId ? [{ scope: 'team' as const, scopeId: teamId }] : [])],
    });
    const own = rows.find((r) => r.scope === 'project') ?? null;
    const team = rows.find((r) => r.scope === 'team') ?? null;
    const roles = AGENT_ROLES.map((role) => {
      const chain = resolveRoleChain(role, {
        project: own?.roleModels as RoleModelOverride,
        team: team?.roleModels as RoleModelOverride,
        platform: this.platformRoleModels,
      });
      return { role, models: [...chain.models], source: chain.source.toUpperCase() };
    });
    const latestRun = await this.em.findOne(ProjectRun, { project: project.id }, { orderBy: { createdAt: 'desc' } });
    const connection = this.em.getConnection();
    const [[run], [total]] = await Promise.all([
      latestRun
        ? connection.execute<{ tokens: string; cost: string }[]>(`${SPENT} run_id = ?`, [latestRun.id])
        : Promise.resolve([{ tokens: '0', cost: '0' }]),
      connection.execute<{ tokens: string; cost: string }[]>(`${SPENT} project_id = ?`, [project.id]),
    ]);
    const usd = (nanos: string | null | undefined) => (nanos == null ? null : fromNanos(nanos));
    return {
      projectId: project.id,
      roles,
      budgets: [
        {
          scope: 'RUN',
          tokensUsed: Number(run!.tokens),
          tokenLimit: own?.runTokenBudget ?? null,
          costUsdUsed: fromNanos(run!.cost),
          costUsdLimit: usd(own?.runCostBudgetUsdNanos),
        },
        {
          scope: 'PROJECT',
          tokensUsed: Number(total!.tokens),
          tokenLimit: own?.tokenBudget == null ? null : Number(own.tokenBudget),
          costUsdUsed: fromNanos(total!.cost),
          costUsdLimit: usd(own?.costBudgetUsdNanos),
        },
      ],
    };
  }

  async setProject(viewerId: string, input: ProjectModelSettingsInput): Promise<ProjectModelSettingsView> {
    if (!isUuid(input.projectId)) throw new NotFoundError('Project', input.projectId);
    const project = await this.projects.get(viewerId, input.projectId);
    if (!can(await loadActor(this.em, viewerId), 'project:update', asResource(project)))
      throw new ForbiddenError('Only the project’s editors change its models');
    const problems: FieldError[] = [];
    const roles = input.roles ? await this.parseRoles(input.roles, problems) : null;
    const budget = (field: string, value: number | null | undefined, integer: boolean) => {
      if (value == null) return;
      if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value)) || value > 1e12)
        problems.push({ field, message: 'Must be a non-negative number (or null for no budget)' });
    };
    budget('runTokenBudget', input.runTokenBudget, true);
    budget('tokenBudget', input.tokenBudget, true);
    budget('runCostBudgetUsd', input.runCostBudgetUsd, false);
    budget('costBudgetUsd', input.costBudgetUsd, false);
    if (problems.length) throw new ValidationError(problems);
    const row = await this.row('project', project.id);
    if (roles) row.roleModels = mergeRoles(row.roleModels, roles);
    if (input.runTokenBudget !== undefined) row.runTokenBudget = input.runTokenBudget;
    if (input.tokenBudget !== undefined) row.tokenBudget = input.tokenBudget;
    if (input.runCostBudgetUsd !== undefined)
      row.runCostBudgetUsdNanos = input.runCostBudgetUsd === null ? null : toNanos(input.runCostBudgetUsd).toString();
    if (input.costBudgetUsd !== undefined)
      row.costBudgetUsdNanos = input.costBudgetUsd === null ? null : toNanos(input.costBudgetUsd).toString();
    recordAudit(this.em, { actorId: viewerId, action: 'models.project-settings', target: `project:${project.id}`, data: { ...input } });
    await this.em.flush();
    return this.forProject(viewerId, project.id);
  }

  async setTeam(viewerId: string, teamId: string, raw: readonly RoleModelInput[]): Promise<RoleChainView[]> {
    const team = isUuid(teamId) ? await this.em.findOne(Team, { id: teamId }) : null;
    const actor = await loadActor(this.em, viewerId);
    if (!team || !can(actor, 'team:read', { kind: 'team', teamId })) throw new NotFoundError('Team', teamId);
    if (!can(actor, 'team:manage-settings', { kind: 'team', teamId }))
      throw new ForbiddenError('Only team owners and admins change its models');
    const problems: FieldError[] = [];
    const roles = await this.parseRoles(raw, problems);
    if (problems.length) throw new ValidationError(problems);
    const row = await this.row('team', team.id);
    row.roleModels = mergeRoles(row.roleModels, roles);
    recordAudit(this.em, { actorId: viewerId, action: 'models.team-settings', target: `team:${team.id}`, data: { roles: raw } });
    await this.em.flush();
    return AGENT_ROLES.map((role) => {
      const chain = resolveRoleChain(role, { team: row.roleModels as RoleModelOverride, platform: this.platformRoleModels });
      return { role, models: [...chain.models], source: chain.source.toUpperCase() };
    });
  }

  private async parseRoles(raw: readonly RoleModelInput[], problems: FieldError[]): Promise<Map<AgentRole, string[]>> {
    const known = new Set((await this.catalog.list()).map((m) => m.id));
    const roles = new Map<AgentRole, string[]>();
    raw.forEach(({ role, models }, i) => {
      if (!(AGENT_ROLES as readonly string[]).includes(role))
        problems.push({ field: `roles.${i}.role`, message: `Role must be one of ${AGENT_ROLES.join(', ')}` });
      const unknown = models.filter((m) => !known.has(m));
      if (unknown.length) problems.push({ field: `roles.${i}.models`, message: `Not in the catalog: ${unknown.join(', ')}` });
      if (models.length > 8) problems.push({ field: `roles.${i}.models`, message: 'At most 8 models per chain' });
      if (new Set(models).size !== models.length) problems.push({ field: `roles.${i}.models`, message: 'A model appears twice' });
      roles.set(role as AgentRole, [...models]);
    });
    return roles;
  }

  private async row(scope: SettingsScope, scopeId: string): Promise<ModelSettings> {
    return (await this.em.findOne(ModelSettings, { scope, scopeId })) ?? this.em.create(ModelSettings, { scope, scopeId });
  }
}

/** Applies role changes; an empty chain removes the role's override. */
function mergeRoles(current: Record<string, string[]>, changes: Map<AgentRole, string[]>): Record<string, string[]> {
  const next = { ...current };
  for (const [role, models] of changes) {
    if (models.length) next[role] = models;
    else delete next[role];
  }
  return next;
}
