import type { EntityManager } from '@mikro-orm/postgresql';
import { TIERS, type Tier } from '../limits/tiers';
import type { Spent } from './budget';
import type { ModelSettings } from './model-settings.entity';
import { LIFETIME } from './usage-total.entity';

/** Everything a model call needs from PostgreSQL before it goes out, read in one round trip by primary keys. */
export interface CallContext {
  /** The paying subject's tier: the user's for a personal project (or no project); for a team project the higher of the team's and its owner's. */
  tier: Tier;
  /** The project's team: the call is the team's (its keys, budgets and message windows), never the member's. */
  teamId: string | null;
  /** The stored reply when this call key already completed (a retried activity). */
  replay: {
    response: Record<string, unknown>;
    model: string;
    provider: string;
    fallbackFrom: string | null;
    costUsdNanos: string;
    costInrNanos: string;
  } | null;
  settings: { project: ModelSettings | null; team: ModelSettings | null; user: ModelSettings | null };
  spent: Spent;
}

// A team project's calls are the team's: the tier is the higher of the team's and its owner's, the monthly spend and the month budget are
// the team's (usage_totals scope 'team'), and the caller's own settings and spend do not apply.
const rank = (tier: string) => `(case ${tier} when 'enterprise' then 3 when 'team' then 2 when 'pro' then 1 else 0 end)`;
const CONTEXT = `
with subject as (
  select u.id as user_id, p.id as project_id, p.owner_team_id as team_id,
    coalesce((select case when ${rank('t.tier')} > ${rank('o.tier')} then t.tier else o.tier end
              from teams t join team_members tm on tm.team_id = t.id and tm.role = 'owner' join users o on o.id = tm.user_id
              where p.owner_team_id is not null and t.id = p.owner_team_id limit 1), u.tier) as tier
  from users u left join projects p on p.id = ?::uuid where u.id = ?::uuid
)
select s.tier, s.team_id,
  (select row_to_json(l) from (select response, model, provider, fallback_from, cost_usd_nanos::text, cost_inr_nanos::text from usage_logs where call_key = ?) l) as replay,
  (select json_agg(json_build_object('scope', m.scope, 'roleModels', m.role_models, 'runTokenBudget', m.run_token_budget,
     'runCostBudgetUsdNanos', m.run_cost_budget_usd_nanos::text, 'tokenBudget', m.token_budget, 'costBudgetUsdNanos', m.cost_budget_usd_nanos::text))
   from model_settings m
   where (m.scope = 'project' and m.scope_id = s.project_id) or (m.scope = 'team' and m.scope_id = s.team_id)
      or (m.scope = 'user' and m.scope_id = s.user_id and s.team_id is null)) as settings,
  spent.*
from subject s, lateral (
  select
    coalesce(sum(tokens) filter (where scope = 'run'), 0)::text as run_tokens,
    coalesce(sum(cost_usd_nanos) filter (where scope = 'run'), 0)::text as run_cost,
    coalesce(sum(tokens) filter (where scope = 'project'), 0)::text as project_tokens,
    coalesce(sum(cost_usd_nanos) filter (where scope = 'project'), 0)::text as project_cost,
    coalesce(sum(tokens) filter (where scope in ('user', 'team')), 0)::text as user_tokens,
    coalesce(sum(cost_usd_nanos) filter (where scope in ('user', 'team')), 0)::text as user_cost
  from usage_totals
  where (scope = 'run' and scope_id = ?::uuid and period = date '${LIFETIME}')
     or (scope = 'project' and scope_id = s.project_id and period = date '${LIFETIME}')
     or (scope = 'user' and scope_id = s.user_id and s.team_id is null and period = ?::date)
     or (scope = 'team' and scope_id = s.team_id and period = ?::date)
) spent`;

/** Thrown when the call names a user who does not exist (deleted mid-run). */
export class UnknownCallerError extends Error {
  override readonly name = 'UnknownCallerError';
  constructor(readonly userId: string) {
    super(`User ${userId} does not exist`);
  }
}

/** Reads the caller's tier, the project's team, a stored reply, the settings rows and spending so far. */
export async function loadCallContext(
  em: EntityManager,
  call: { callKey: string; userId: string; projectId?: string | null; runId?: string | null },
  now = new Date(),
): Promise<CallContext> {
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const run = call.runId ?? null;
  const monthDay = month.toISOString().slice(0, 10);
  const rows = await em
    .getConnection()
    .execute<Record<string, unknown>[]>(CONTEXT, [call.projectId ?? null, call.userId, call.callKey, run, monthDay, monthDay]);
  const row = rows[0];
  if (!row) throw new UnknownCallerError(call.userId);
  const settings = (row.settings ?? []) as (ModelSettings & { scope: string })[];
  const pick = (scope: string) => settings.find((s) => s.scope === scope) ?? null;
  const replay = row.replay as Record<string, unknown> | null;
  return {
    tier: (TIERS as readonly string[]).includes(String(row.tier)) ? (row.tier as Tier) : 'free',
    teamId: (row.team_id as string | null) ?? null,
    replay: replay
      ? {
          response: replay.response as Record<string, unknown>,
          model: String(replay.model),
          provider: String(replay.provider),
          fallbackFrom: (replay.fallback_from as string | null) ?? null,
          costUsdNanos: String(replay.cost_usd_nanos),
          costInrNanos: String(replay.cost_inr_nanos),
        }
      : null,
    settings: { project: pick('project'), team: pick('team'), user: pick('user') },
    spent: {
      runTokens: Number(row.run_tokens),
      runCostNanos: BigInt(row.run_cost as string),
      projectTokens: Number(row.project_tokens),
      projectCostNanos: BigInt(row.project_cost as string),
      userTokens: Number(row.user_tokens),
      userCostNanos: BigInt(row.user_cost as string),
    },
  };
}
