import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export type AgentTaskStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * One task of a run's plan, with its assignment (role, supporting roles, the routing's reasoning), how it
 * went (outcome, summary, turns, tokens, cost) and, for follow-ups, the task that handed over to it.
 * Per-agent metrics are aggregates of these rows by role.
 */
export class AgentTask {
  [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt' | 'turns' | 'tokens' | 'costUsdNanos';
  id: string = randomUUID();
  runId!: string;
  projectId!: string;
  /** The plan's id for the task, unique in its run. */
  taskKey!: string;
  type!: string;
  title!: string;
  description!: string;
  priority!: number;
  dependencies!: string[];
  files!: string[];
  acceptanceCriteria!: string[];
  role!: string;
  supporting!: string[];
  reasoning!: string;
  /** The task whose agent handed over to this one. */
  handoffFrom?: string | null;
  status: AgentTaskStatus = 'pending';
  outcome?: string | null;
  summary?: string | null;
  turns = 0;
  tokens = 0;
  costUsdNanos = '0';
  startedAt?: Date | null;
  finishedAt?: Date | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const AgentTaskSchema = new EntitySchema<AgentTask>({
  class: AgentTask,
  tableName: 'agent_tasks',
  uniques: [{ name: 'agent_tasks_run_task_key_unique', properties: ['runId', 'taskKey'] }],
  indexes: [{ name: 'agent_tasks_project_idx', properties: ['projectId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    runId: { type: 'uuid' },
    projectId: { type: 'uuid' },
    taskKey: { type: 'string', length: 120 },
    type: { type: 'string', length: 16 },
    title: { type: 'string', length: 200 },
    description: { type: 'text' },
    priority: { type: 'integer' },
    dependencies: { type: 'json' },
    files: { type: 'json' },
    acceptanceCriteria: { type: 'json' },
    role: { type: 'string', length: 32 },
    supporting: { type: 'json' },
    reasoning: { type: 'text' },
    handoffFrom: { type: 'string', length: 120, nullable: true },
    status: { type: 'string', length: 16, default: 'pending' },
    outcome: { type: 'string', length: 32, nullable: true },
    summary: { type: 'text', nullable: true },
    turns: { type: 'integer', default: 0 },
    tokens: { type: 'integer', default: 0 },
    costUsdNanos: { type: 'bigint', default: 0 },
    startedAt: { type: 'datetime', nullable: true },
    finishedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
