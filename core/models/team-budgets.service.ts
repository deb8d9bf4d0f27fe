import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { loadActor } from '../access/actor';
import { can, type TeamAction } from '../access/policy';
import { recordAudit } from '../audit/audit-log';
import { higherTier } from '../../contracts/billing';
import type { Tier } from '../limits/tiers';
import { Team, TeamMember } from '../team/team.entity';
import { DEFAULT_MODEL_BUDGETS, type TierModelBudget } from './budget';
import { fromNanos, toNanos } from './cost';
import { ModelSettings } from './model-settings.entity';
import { UsageTotal } from './usage-total.entity';

/** A change to a team's model budgets; a field left out stays as it is. */
export interface TeamModelBudgetsInput {
  teamId: string;
  runTokenBudget?: number | null;
  runCostBudgetUsd?: number | null;
  monthlyTokenBudget?: number | null;
  monthlyCostBudgetUsd?: number | null;
}

export interface TeamModelBudgetsView {
  teamId: string;
  runTokenBudget: number | null;
  runCostBudgetUsd: number | null;
  monthlyTokenBudget: number | null;
  monthlyCostBudgetUsd: number | null;
  monthTokensUsed: number;
  monthCostUsdUsed: number;
  ownerTier: string;
  tierCap: TierModelBudget;
}

/** NotFoundError unless the viewer is in the team; ForbiddenError unless their role allows `action`. */
export async function requireTeamAction(
  em: EntityManager,
  viewerId: string,
  teamId: string,
  action: TeamAction,
  refusal: string,
): Promise<Team> {
  const team = isUuid(teamId) ? await em.findOne(Team, { id: teamId }) : null;
  const actor = await loadActor(em, viewerId);
  if (!team || !can(actor, 'team:read', { kind: 'team', teamId })) throw new NotFoundError('Team', teamId);
  if (!can(actor, action, { kind: 'team', teamId })) throw new ForbiddenError(refusal);
  return team;
}

/**
 * A team's model budgets (a `team` row of model_settings): per run of its projects and per calendar month
 * over all of them. The gateway applies them to every call of a team project, capped by the team owner's tier.
 */
export class TeamBudgetsService {
  constructor(private readonly em: EntityManager) {}

  async get(viewerId: string, teamId: string): Promise<TeamModelBudgetsView> {
    await requireTeamAction(this.em, viewerId, teamId, 'team:read', 'Only team members see its budgets');
    return this.view(teamId);
  }

  async set(viewerId: string, input: TeamModelBudgetsInput): Promise<TeamModelBudgetsView> {
    const team = await requireTeamAction(
      this.em,
      viewerId,
      input.teamId,
      'team:manage-settings',
      'Only team owners and admins change its budgets',
    );
    const problems: FieldError[] = [];
    const check = (field: keyof TeamModelBudgetsInput, integer: boolean) => {
      const value = input[field] as number | null | undefined;
      if (value == null) return;
      if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value)) || value > 1e12)
        problems.push({ field, message: 'Must be a non-negative number (or null for no budget)' });
    };
    check('runTokenBudget', true);
    check('monthlyTokenBudget', true);
    check('runCostBudgetUsd', false);
    check('monthlyCostBudgetUsd', false);
    if (problems.length) throw new ValidationError(problems);
    const row =
      (await this.em.findOne(ModelSettings, { scope: 'team', scopeId: team.id })) ??
      this.em.create(ModelSettings, { scope: 'team', scopeId: team.id });
    const nanos = (usd: number | null) => (usd === null ? null : toNanos(usd).toString());
    if (input.runTokenBudget !== undefined) row.runTokenBudget = input.runTokenBudget;
    if (input.runCostBudgetUsd !== undefined) row.runCostBudgetUsdNanos = nanos(input.runCostBudgetUsd);
    if (input.monthlyTokenBudget !== undefined) row.tokenBudget = input.monthlyTokenBudget;
    if (input.monthlyCostBudgetUsd !== undefined) row.costBudgetUsdNanos = nanos(input.monthlyCostBudgetUsd);
    recordAudit(this.em, { actorId: viewerId, action: 'models.team-budgets', target: `team:${team.id}`, data: { ...input } });
    await this.em.flush();
    return this.view(team.id);
  }

  private async view(teamId: string, now = new Date()): Promise<TeamModelBudgetsView> {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
    const [row, spent, owner, team] = await Promise.all([
      this.em.findOne(ModelSettings, { scope: 'team', scopeId: teamId }),
      this.em.findOne(UsageTotal, { scope: 'team', scopeId: teamId, period: month }),
      this.em.findOne(TeamMember, { team: teamId, role: 'owner' }, { populate: ['user'] }),
      this.em.findOne(Team, { id: teamId }),
    ]);
    // The gateway caps a team's budgets by the higher of the team's and its owner's tier (call-context.ts), so the
    // page shows that cap.
    const ownerTier = higherTier(team?.tier ?? 'free', owner?.user.getEntity().tier ?? 'free');
    const usd = (nanos: string | null | undefined) => (nanos == null ? null : fromNanos(nanos));
    return {
      teamId,
      runTokenBudget: row?.runTokenBudget ?? null,
      runCostBudgetUsd: usd(row?.runCostBudgetUsdNanos),
      monthlyTokenBudget: row?.tokenBudget == null ? null : Number(row.tokenBudget),
      monthlyCostBudgetUsd: usd(row?.costBudgetUsdNanos),
      monthTokensUsed: Number(spent?.tokens ?? 0),
      monthCostUsdUsed: fromNanos(spent?.costUsdNanos ?? '0'),
      ownerTier,
      tierCap: DEFAULT_MODEL_BUDGETS[ownerTier as Tier] ?? DEFAULT_MODEL_BUDGETS.free,
    };
  }
}
