import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

/** The most of a handoff's context kept, in characters; the follow-up task's description carries it whole. */
export const HANDOFF_CONTEXT_MAX = 4000;

/**
 * An agent passing its task on: a tester to the debugger when tests fail, say. One per finishing task at
 * most (unique on the run and the task), so a retried record inserts it once. `toTaskKey` is filled in
 * when the coordinator assigns the follow-up it created.
 */
export class AgentHandoff {
  [OptionalProps]?: 'createdAt';
  id: string = randomUUID();
  runId!: string;
  projectId!: string;
  fromTaskKey!: string;
  fromRole!: string;
  toRole!: string;
  toTaskKey?: string | null;
  reason!: string;
  context!: string;
  createdAt: Date = new Date();
}

export const AgentHandoffSchema = new EntitySchema<AgentHandoff>({
  class: AgentHandoff,
  tableName: 'agent_handoffs',
  uniques: [{ name: 'agent_handoffs_run_from_task_unique', properties: ['runId', 'fromTaskKey'] }],
  indexes: [{ name: 'agent_handoffs_project_idx', properties: ['projectId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    runId: { type: 'uuid' },
    projectId: { type: 'uuid' },
    fromTaskKey: { type: 'string', length: 120 },
    fromRole: { type: 'string', length: 32 },
    toRole: { type: 'string', length: 32 },
    toTaskKey: { type: 'string', length: 120, nullable: true },
    reason: { type: 'text' },
    context: { type: 'text' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
