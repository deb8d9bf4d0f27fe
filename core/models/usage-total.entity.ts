import { EntitySchema } from '@mikro-orm/core';

/**
 * Where a running total applies: one run, one project over its life, or one user's personal projects (and
 * calls without a project) or one team's projects in one calendar month.
 */
export type UsageTotalScope = 'run' | 'project' | 'user' | 'team';

/** The period of lifetime totals (runs, projects). */
export const LIFETIME = '1970-01-01';

/**
 * Running totals of usage_logs, kept in the same statement that inserts a usage row, so the budget check
 * before every call reads at most three rows by key instead of summing a growing table.
 */
export class UsageTotal {
  scope!: UsageTotalScope;
  scopeId!: string;
  /** `1970-01-01` for run and project totals; the first day of the month (UTC) for user and team totals. */
  period!: string;
  tokens!: string;
  costUsdNanos!: string;
}

export const UsageTotalSchema = new EntitySchema<UsageTotal>({
  class: UsageTotal,
  tableName: 'usage_totals',
  properties: {
    scope: { type: 'string', length: 16, primary: true },
    scopeId: { type: 'uuid', primary: true },
    period: { type: 'date', primary: true },
    tokens: { type: 'bigint' },
    costUsdNanos: { type: 'bigint' },
  },
});
