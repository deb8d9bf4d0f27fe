import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { loadActor } from '../access/actor';
import { can } from '../access/policy';
import { recordAudit } from '../audit/audit-log';
import { asResource, type ProjectService } from '../project/project.service';
import { ProjectRun } from '../project/project.entity';
import { Team } from '../team/team.entity';
import type { Tier } from '../limits/tiers';
import type { ModelCatalog } from './catalog';
import type { ModelGateway } from './model-gateway';
import type { BudgetLimitSource } from './budget';
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

/** One budget as shown: the project's own setting (what the form edits) and the limit in force with its source. */
export interface ModelBudgetView {
  scope: string;
  tokensUsed: number;
  tokenLimit: number | null;
  costUsdUsed: number;
  costUsdLimit: number | null;
  effectiveTokenLimit: number | null;
  tokenLimitSource: Uppercase<BudgetLimitSource> | null;
  effectiveCostUsdLimit: number | null;
  costUsdLimitSource: Uppercase<BudgetLimitSource> | null;
}

export interface ProjectModelSettingsView {
  projectId: string;
  /** The paying subject's tier: the owner's, or the team owner's for a team project. */
  tier: Tier;
  roles: RoleChainView[];
  budgets: ModelBudgetView[];
}

/** Role → model chains and budgets of projects and teams, as people set them. */
export class ModelSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly projects: ProjectService,
    private readonly catalog: ModelCatalog,
    private readonly platformRoleModels: RoleModelOverride,
    /** The model gateway's budget lines: the one place budgets in force are computed. */
    private readonly budgets: Pick<ModelGateway, 'budgets'>,
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
    // The gateway's own budget lines, so what is shown is what a call is checked against, tier caps included.
    const { tier, lines } = await this.budgets.budgets({ userId: project.owner.id, projectId: project.id, runId: latestRun?.id ?? null });
    const line = (scope: 'run' | 'project') => lines.find((l) => l.scope === scope)!;
    const view = (scope: 'run' | 'project', tokenLimit: number | null, costLimitNanos: string | null | undefined) => {
      const { tokens, costUsdNanos } = line(scope);
      return {
        scope: scope.toUpperCase(),
        tokensUsed: tokens.used,
        tokenLimit,
        costUsdUsed: fromNanos(costUsdNanos.used),
        costUsdLimit: costLimitNanos == null ? null : fromNanos(costLimitNanos),
        effectiveTokenLimit: tokens.limit,
        tokenLimitSource: upper(tokens.source),
        effectiveCostUsdLimit: costUsdNanos.limit === null ? null : fromNanos(costUsdNanos.limit),
        costUsdLimitSource: upper(costUsdNanos.source),
      };
    };
    return {
      projectId: project.id,
      tier,
      roles,
      budgets: [
        view('run', own?.runTokenBudget ?? null, own?.runCostBudgetUsdNanos),
        view('project', own?.tokenBudget == null ? null : Number(own.tokenBudget), own?.costBudgetUsdNanos),
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

const upper = (source: BudgetLimitSource | null) => (source === null ? null : (source.toUpperCase() as Uppercase<BudgetLimitSource>));

/** Applies role changes; an empty chain removes the role's override. */
function mergeRoles(current: Record<string, string[]>, changes: Map<AgentRole, string[]>): Record<string, string[]> {
  const next = { ...current };
  for (const [role, models] of changes) {
    if (models.length) next[role] = models;
    else delete next[role];
  }
  return next;
}
