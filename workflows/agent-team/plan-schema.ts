/** The JSON Schema the architect's plan must follow (structured output). */
import { PLAN_TASK_TYPES, type Plan } from './plan';

export const PLAN_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'tasks'],
  properties: {
    summary: { type: 'string' },
    tasks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'type', 'description', 'priority', 'dependencies', 'files', 'acceptanceCriteria'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          type: { type: 'string', enum: [...PLAN_TASK_TYPES] },
          description: { type: 'string' },
          priority: { type: 'integer' },
          dependencies: { type: 'array', items: { type: 'string' } },
          files: { type: 'array', items: { type: 'string' } },
          acceptanceCriteria: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The model's JSON as a Plan, with defaults for what a model may leave out; null when it is not a plan at all. */
export function toPlan(json: unknown): Plan | null {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { tasks?: unknown }).tasks)) return null;
  const raw = json as { summary?: unknown; tasks: Record<string, unknown>[] };
  return {
    summary: typeof raw.summary === 'string' ? raw.summary : '',
    tasks: raw.tasks.map((t, i) => ({
      id: typeof t.id === 'string' && t.id ? t.id : `task-${i + 1}`,
      title: typeof t.title === 'string' ? t.title : `Task ${i + 1}`,
      type: t.type as Plan['tasks'][number]['type'],
      description: typeof t.description === 'string' ? t.description : '',
      priority: typeof t.priority === 'number' && Number.isFinite(t.priority) ? t.priority : 3,
      dependencies: strings(t.dependencies),
      files: strings(t.files),
      acceptanceCriteria: strings(t.acceptanceCriteria),
    })),
  };
}
