import { EntitySchema } from '@mikro-orm/core';

/**
 * The content of a file as one agent task last read or wrote it: the common ancestor when its next write
 * meets a newer edit (a person's or another agent's), so the two can be merged three-way.
 */
export class AgentFileBase {
  runId!: string;
  taskKey!: string;
  path!: string;
  content!: string;
}

export const AgentFileBaseSchema = new EntitySchema<AgentFileBase>({
  class: AgentFileBase,
  tableName: 'agent_file_bases',
  properties: {
    runId: { type: 'uuid', primary: true },
    taskKey: { type: 'string', length: 120, primary: true },
    path: { type: 'string', length: 512, primary: true },
    content: { type: 'text' },
  },
});
