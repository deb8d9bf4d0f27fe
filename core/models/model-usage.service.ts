import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { loadActor } from '../access/actor';
import { can } from '../access/policy';
import type { ProjectService } from '../project/project.service';
import { fromNanos } from './cost';

export type ModelUsageGroup = 'MODEL' | 'ROLE' | 'DAY';

/** Which usage to sum: one scope (project, team or user; the viewer's own by default), a window, groupings. */
export interface ModelUsageInput {
  projectId?: string | null;
  teamId?: string | null;
  userId?: string | null;
  /** Inclusive start (default: 30 days ago). */
  from?: Date | null;
  /** Exclusive end (default: now). */
  to?: Date | null;
  /** Grouping, in order; default MODEL. */
  groupBy?: readonly ModelUsageGroup[] | null;
}

export interface ModelUsageRow {
  model: string | null;
  role: string | null;
  day: string | null;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  costUsd: number;
  costInr: number;
}

const GROUP_COLUMNS: Record<ModelUsageGroup, { expr: string; as: 'model' | 'role' | 'day' }> = {
  MODEL: { expr: 'model', as: 'model' },
  ROLE: { expr: 'agent_role', as: 'role' },
  DAY: { expr: `to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')`, as: 'day' },
};

const DAY = 86_400_000;

/** Model usage from usage_logs, grouped by model, role and/or UTC day, for a project, a team or a user. */
export class ModelUsageService {
  constructor(
    private readonly em: EntityManager,
    private readonly projects: ProjectService,
  ) {}

  async usage(viewerId: string, input: ModelUsageInput): Promise<{ rows: ModelUsageRow[]; total: ModelUsageRow }> {
    const scope = await this.scope(viewerId, input);
    const to = input.to ? new Date(input.to) : new Date();
    const from = input.from ? new Date(input.from) : new Date(to.getTime() - 30 * DAY);
    if (!(from < to)) throw new ValidationError([{ field: 'from', message: 'from must be before to' }]);
    const groups = [...new Set(input.groupBy?.length ? input.groupBy : (['MODEL'] as ModelUsageGroup[]))].map((g) => GROUP_COLUMNS[g]);
    const select = groups.map((g) => `${g.expr} as ${g.as}`).join(', ');
    const sums = `count(*)::int as calls, coalesce(sum(prompt_tokens), 0)::bigint::text as prompt, coalesce(sum(completion_tokens), 0)::bigint::text as completion,
      coalesce(sum(total_tokens), 0)::bigint::text as total, coalesce(sum(cost_usd_nanos), 0)::text as usd, coalesce(sum(cost_inr_nanos), 0)::text as inr`;
    const where = `${scope.column} = ? and created_at >= ? and created_at < ?`;
    const params = [scope.id, from, to];
    const connection = this.em.getConnection();
    const [rows, [total]] = await Promise.all([
      connection.execute<Record<string, unknown>[]>(
        `select ${select}, ${sums} from usage_logs where ${where} group by ${groups.map((_, i) => i + 1).join(', ')} order by ${groups.map((_, i) => i + 1).join(', ')}`,
        params,
      ),
      connection.execute<Record<string, unknown>[]>(`select ${sums} from usage_logs where ${where}`, params),
    ]);
    return { rows: rows.map(toRow), total: toRow(total!) };
  }

  /** The column and id to filter on, once the caller may see that usage. */
  private async scope(viewerId: string, input: ModelUsageInput): Promise<{ column: string; id: string }> {
    const given = [input.projectId, input.teamId, input.userId].filter((v) => v != null);
    if (given.length > 1) throw new ValidationError([{ field: 'input', message: 'Give one of projectId, teamId or userId' }]);
    for (const field of ['projectId', 'teamId', 'userId'] as const) {
      const value = input[field];
      if (value != null && !isUuid(value)) throw new ValidationError([{ field, message: `${field} must be an id` }]);
    }
    if (input.projectId) {
      await this.projects.get(viewerId, input.projectId); // NOT_FOUND when the caller cannot read it
      return { column: 'project_id', id: input.projectId };
    }
    const actor = await loadActor(this.em, viewerId);
    if (input.teamId) {
      if (!can(actor, 'team:read', { kind: 'team', teamId: input.teamId })) throw new ForbiddenError('Only members see a team’s usage');
      return { column: 'team_id', id: input.teamId };
    }
    const userId = input.userId ?? viewerId;
    if (userId !== viewerId && !can(actor, 'platform:read-audit', { kind: 'platform' }))
      throw new ForbiddenError('You can see only your own usage');
    return { column: 'user_id', id: userId };
  }
}

function toRow(r: Record<string, unknown>): ModelUsageRow {
  return {
    model: (r.model as string | undefined) ?? null,
    role: (r.role as string | undefined) ?? null,
    day: (r.day as string | undefined) ?? null,
    calls: Number(r.calls),
    promptTokens: Number(r.prompt),
    completionTokens: Number(r.completion),
    totalTokens: Number(r.total),
    costUsd: fromNanos(r.usd as string),
    costInr: fromNanos(r.inr as string),
  };
}
