import type { EntityManager } from '@mikro-orm/postgresql';
import type { CallContext } from './call-context';
import type { ModelInfo } from './model-info';
import type { ModelCall } from './model-call';
import type { ModelResponse } from './model-types';
import { LIFETIME } from './usage-total.entity';

// One statement: the row and the running totals move together, or (a repeated call key) neither does.
const INSERT = `
with row as (
  insert into usage_logs (id, call_key, user_id, project_id, team_id, run_id, agent_role, model, provider, fallback_from,
    prompt_tokens, completion_tokens, total_tokens, cost_usd_nanos, cost_inr_nanos, latency_ms, response)
  values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (call_key) do nothing
  returning id, user_id, project_id, team_id, run_id, total_tokens, cost_usd_nanos, created_at
), totals as (
  insert into usage_totals (scope, scope_id, period, tokens, cost_usd_nanos)
  select t.scope, t.scope_id, t.period, row.total_tokens, row.cost_usd_nanos
  from row, lateral (values
    ('run', row.run_id, date '${LIFETIME}'),
    ('project', row.project_id, date '${LIFETIME}'),
    -- A team project's spend is the team's month, not its caller's.
    ('user', case when row.team_id is null then row.user_id end, date_trunc('month', row.created_at at time zone 'UTC')::date),
    ('team', row.team_id, date_trunc('month', row.created_at at time zone 'UTC')::date)
  ) as t(scope, scope_id, period)
  where t.scope_id is not null
  on conflict (scope, scope_id, period) do update
    set tokens = usage_totals.tokens + excluded.tokens, cost_usd_nanos = usage_totals.cost_usd_nanos + excluded.cost_usd_nanos
)
select id from row`;

const EXISTING = `select response, model, provider, fallback_from, cost_usd_nanos::text, cost_inr_nanos::text from usage_logs where call_key = ?`;

/**
 * Meters a completed call: one row per call key. Returns null when this insert won, or the row an earlier
 * or concurrent attempt of the same call recorded, which then is the call's answer.
 */
export async function recordUsage(
  em: EntityManager,
  entry: {
    call: Pick<ModelCall, 'callKey' | 'userId' | 'projectId' | 'runId' | 'role'>;
    teamId: string | null;
    model: ModelInfo;
    response: ModelResponse;
    cost: { usdNanos: bigint; inrNanos: bigint };
    fallbackFrom: string | null;
    latencyMs: number;
  },
): Promise<CallContext['replay']> {
  const { call, model, response, cost } = entry;
  const connection = em.getConnection();
  const inserted = await connection.execute<{ id: string }[]>(INSERT, [
    call.callKey,
    call.userId,
    call.projectId ?? null,
    entry.teamId,
    call.runId ?? null,
    call.role,
    model.id,
    model.provider,
    entry.fallbackFrom,
    response.usage.inputTokens,
    response.usage.outputTokens,
    response.usage.totalTokens,
    cost.usdNanos.toString(),
    cost.inrNanos.toString(),
    entry.latencyMs,
    JSON.stringify(response),
  ]);
  if (inserted.length) return null;
  const [row] = await connection.execute<Record<string, unknown>[]>(EXISTING, [call.callKey]);
  return {
    response: row!.response as Record<string, unknown>,
    model: String(row!.model),
    provider: String(row!.provider),
    fallbackFrom: (row!.fallback_from as string | null) ?? null,
    costUsdNanos: String(row!.cost_usd_nanos),
    costInrNanos: String(row!.cost_inr_nanos),
  };
}
