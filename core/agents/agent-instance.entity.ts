import { randomUUID } from 'node:crypto';
import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/core';

/** The durable part of an agent's status; what it is doing this second stays in the workflow's query. */
export type AgentInstanceStatus = 'idle' | 'working' | 'done';

/**
 * One agent of a run: a role that was assigned at least one task, with running totals over its finished
 * tasks. The coordinator's record activities keep it in step with `agent_tasks`, adding a task's counts
 * exactly once (see recordTaskFinished), so reading an agent's metrics never aggregates its tasks.
 */
export class AgentInstance {
  [OptionalProps]?:
    | 'status'
    | 'tasksDone'
    | 'tasksFailed'
    | 'turns'
    | 'tokens'
    | 'costUsdNanos'
    | 'timeMs'
    | 'createdAt'
    | 'updatedAt';
  id: string = randomUUID();
  runId!: string;
  projectId!: string;
  role!: string;
  status: AgentInstanceStatus = 'idle';
  /** The task it was given last, while it works on one. */
  currentTaskKey?: string | null;
  tasksDone = 0;
  tasksFailed = 0;
  turns = 0;
  tokens = 0;
  costUsdNanos = 0n;
  /** Wall time of its finished tasks, summed, in ms. */
  timeMs = 0;
  firstActiveAt?: Date | null;
  lastActiveAt?: Date | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const AgentInstanceSchema = new EntitySchema<AgentInstance>({
  class: AgentInstance,
  tableName: 'agent_instances',
  uniques: [{ name: 'agent_instances_run_role_unique', properties: ['runId', 'role'] }],
  indexes: [{ name: 'agent_instances_project_idx', properties: ['projectId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    runId: { type: 'uuid' },
    projectId: { type: 'uuid' },
    role: { type: 'string', length: 32 },
    status: { type: 'string', length: 16, default: 'idle' },
    currentTaskKey: { type: 'string', length: 120, nullable: true },
    tasksDone: { type: 'integer', default: 0 },
    tasksFailed: { type: 'integer', default: 0 },
    turns: { type: 'integer', default: 0 },
    tokens: { type: 'integer', default: 0 },
    costUsdNanos: { type: 'bigint', default: 0 },
    timeMs: { type: new BigIntType('number'), default: 0 },
    firstActiveAt: { type: 'datetime', nullable: true },
    lastActiveAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
