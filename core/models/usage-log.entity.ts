import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

/**
 * One model call, metered. `callKey` is unique and derives from the Temporal workflow and activity ids, so a
 * retried activity finds its predecessor's row (and reply) instead of calling the vendor and billing twice.
 * Costs are integers in nano-units (1e-9 USD, 1e-9 INR): sums stay exact, whatever the number of rows.
 */
export class UsageLog {
  [OptionalProps]?: 'createdAt' | 'projectId' | 'teamId' | 'runId' | 'fallbackFrom' | 'latencyMs';
  id: string = randomUUID();
  callKey!: string;
  userId!: string;
  projectId?: string | null;
  /** The project's team at call time, so team usage survives a project moving. */
  teamId?: string | null;
  runId?: string | null;
  agentRole!: string;
  /** Catalog id, `provider/model`. */
  model!: string;
  provider!: string;
  /** The model that was tried first when this reply came from a fallback. */
  fallbackFrom?: string | null;
  promptTokens!: number;
  completionTokens!: number;
  totalTokens!: number;
  costUsdNanos!: string;
  costInrNanos!: string;
  latencyMs?: number | null;
  /** The reply as returned, so a retry of the same call returns it without a second vendor call. */
  response!: Record<string, unknown>;
  createdAt: Date = new Date();
}

export const UsageLogSchema = new EntitySchema<UsageLog>({
  class: UsageLog,
  tableName: 'usage_logs',
  indexes: [
    { name: 'usage_logs_user_created_idx', properties: ['userId', 'createdAt'] },
    { name: 'usage_logs_project_created_idx', properties: ['projectId', 'createdAt'] },
    { name: 'usage_logs_team_created_idx', properties: ['teamId', 'createdAt'] },
    { name: 'usage_logs_run_idx', properties: ['runId'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    callKey: { type: 'string', length: 300, unique: 'usage_logs_call_key_unique' },
    userId: { type: 'uuid' },
    projectId: { type: 'uuid', nullable: true },
    teamId: { type: 'uuid', nullable: true },
    runId: { type: 'uuid', nullable: true },
    agentRole: { type: 'string', length: 32 },
    model: { type: 'string', length: 160 },
    provider: { type: 'string', length: 32 },
    fallbackFrom: { type: 'string', length: 160, nullable: true },
    promptTokens: { type: 'integer' },
    completionTokens: { type: 'integer' },
    totalTokens: { type: 'integer' },
    costUsdNanos: { type: 'bigint' },
    costInrNanos: { type: 'bigint' },
    latencyMs: { type: 'integer', nullable: true },
    response: { type: 'json' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
