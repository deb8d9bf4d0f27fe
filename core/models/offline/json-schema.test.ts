import { AGENT_TOOLS, FINISH_OUTCOMES, type AgentToolName } from '../../agents/agent-tools';
import { AGENT_ROLES, type JsonSchema } from '../model-types';
import { OfflineProvider, OFFLINE_MODEL } from '../providers/offline.provider';
import { TASK_TYPES } from './blueprint';
import { conformToSchema } from './json-conform';
import { checkSchema } from './json-schema';
import { selectBlueprint } from './select-blueprint';

// A plan schema shaped differently from the blueprint's own: other names, a priority enum, a $ref, no extras.
const stepSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'kind', 'agent', 'dependsOn', 'priority', 'acceptance', 'estimateHours'],
  properties: {
    name: { type: 'string', minLength: 1 },
    kind: { enum: [...TASK_TYPES] },
    agent: { type: 'string', enum: [...AGENT_ROLES] },
    dependsOn: { type: 'array', items: { type: 'string' } },
    priority: { type: 'string', enum: ['high', 'medium', 'low'] },
    acceptance: { type: 'array', items: { type: 'string' } },
    estimateHours: { type: 'number', minimum: 0.5 },
  },
};
const otherPlanSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['overview', 'steps'],
  properties: { overview: { type: 'string' }, steps: { type: 'array', minItems: 1, items: { $ref: '#/$defs/step' } } },
  $defs: { step: stepSchema },
};

describe('checkSchema', () => {
  const schema = AGENT_TOOLS.finish.parameters;

  it('accepts matching values and reports each mismatch by path', () => {
    expect(checkSchema({ summary: 'ok', outcome: 'approved' }, schema)).toEqual([]);
    expect(checkSchema({ outcome: 'maybe', extra: 1 }, schema)).toEqual([
      '$: missing summary',
      '$: unexpected extra',
      '$.outcome: not one of ' + JSON.stringify(FINISH_OUTCOMES),
    ]);
    expect(checkSchema({ summary: 3 }, schema)).toEqual(['$.summary: expected string, got integer']);
    expect(checkSchema([], schema)).toEqual(['$: expected object, got array']);
    expect(checkSchema({ steps: [{}] }, otherPlanSchema)[0]).toBe('$: missing overview');
    expect(checkSchema({ overview: '', steps: [] }, otherPlanSchema)).toEqual(['$.steps: fewer than 1 items']);
    expect(checkSchema({ command: 'ls', timeoutSeconds: 0.5 }, AGENT_TOOLS.run_command.parameters)).toEqual([
      '$.timeoutSeconds: expected integer, got number',
    ]);
  });

  it('checks what the old hand-written checker ignored (ajv): patterns, unique items, exclusive bounds, oneOf', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        id: { type: 'string', pattern: '^t[0-9]+$' },
        tags: { type: 'array', uniqueItems: true, items: { type: 'string' } },
        ratio: { type: 'number', exclusiveMaximum: 1 },
        pick: { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] },
      },
    };
    expect(checkSchema({ id: 't1', tags: ['a', 'b'], ratio: 0.5, pick: -1 }, schema)).toEqual([]);
    expect(checkSchema({ id: 'x1', tags: ['a', 'a'], ratio: 1, pick: 2 }, schema)).toEqual([
      '$.id: must match pattern "^t[0-9]+$"',
      expect.stringMatching(/^\$\.tags: must NOT have duplicate items/),
      '$.ratio: above 1',
      '$.pick: matches no alternative',
    ]);
  });

  it('checks a part of a schema against its root definitions, under a given path', () => {
    const step = (otherPlanSchema.properties as { steps: { items: JsonSchema } }).steps.items;
    expect(checkSchema({ name: 'n' }, step, otherPlanSchema, '$.steps[3]')).toContain('$.steps[3]: missing kind');
  });
});

describe('agent tool specs', () => {
  it.each(Object.entries(AGENT_TOOLS))('%s is a closed object schema whose required fields are declared', (name, spec) => {
    expect(spec.name).toBe(name);
    expect(spec.description.length).toBeGreaterThan(10);
    const params = spec.parameters as {
      type: string;
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(params.type).toBe('object');
    expect(params.additionalProperties).toBe(false);
    for (const key of params.required) expect(Object.keys(params.properties)).toContain(key);
    expect(checkSchema({}, params)).toEqual(params.required.map((key) => `$: missing ${key}`));
    expect(checkSchema({ bogus: 1 }, params)).toContain('$: unexpected bogus');
  });

  it('handoff only accepts agent roles', () => {
    const handoff: AgentToolName = 'handoff';
    expect(checkSchema({ toRole: 'debugger', reason: 'r', context: 'c' }, AGENT_TOOLS[handoff].parameters)).toEqual([]);
    expect(checkSchema({ toRole: 'manager', reason: 'r', context: 'c' }, AGENT_TOOLS[handoff].parameters)).toHaveLength(1);
  });
});

describe('conformToSchema', () => {
  const plan = selectBlueprint('a todo REST API in Express').plan;

  it('maps the blueprint plan onto a differently named plan schema', () => {
    const json = conformToSchema(plan, otherPlanSchema) as { overview: string; steps: Record<string, unknown>[] };
    expect(checkSchema(json, otherPlanSchema)).toEqual([]);
    expect(json.overview).toBe(plan.summary);
    expect(json.steps.map((s) => s.name)).toEqual(plan.tasks.map((t) => t.title));
    expect(json.steps.map((s) => s.dependsOn)).toEqual(plan.tasks.map((t) => t.dependencies));
    expect(json.steps.map((s) => s.agent)).toEqual(plan.tasks.map((t) => t.role));
    expect(json.steps.map((s) => s.priority)).toEqual(plan.tasks.map((t) => ['high', 'medium', 'low'][Math.min(t.priority, 3) - 1]));
    expect(json.steps[0]!.estimateHours).toBe(0.5);
  });

  it('keeps a value that already fits and picks the fitting anyOf branch', () => {
    const schema = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'integer', maximum: 3 } }] };
    expect(conformToSchema([1, 2], schema)).toEqual([1, 2]);
    expect(conformToSchema([1, 9], schema)).toEqual([1, 3]);
    expect(conformToSchema({ a: 1 }, { type: 'string' })).toBe('{"a":1}');
  });

  it('lets the offline architect answer that schema through the provider', async () => {
    const res = await new OfflineProvider().generate({
      model: OFFLINE_MODEL,
      messages: [{ role: 'user', content: 'a todo REST API in Express with tests' }],
      agentRole: 'architect',
      responseFormat: { name: 'plan', schema: otherPlanSchema },
    });
    expect(checkSchema(res.json, otherPlanSchema)).toEqual([]);
    expect(JSON.parse(res.text)).toEqual(res.json);
  });

  it('answers other roles with their summary in the requested shape', async () => {
    const schema = {
      type: 'object',
      required: ['summary', 'outcome', 'files'],
      properties: {
        summary: { type: 'string' },
        outcome: { enum: [...FINISH_OUTCOMES] },
        files: { type: 'array', items: { type: 'string' } },
      },
    };
    const res = await new OfflineProvider().generate({
      model: OFFLINE_MODEL,
      messages: [{ role: 'user', content: 'a todo REST API in Express' }],
      agentRole: 'tester',
      responseFormat: { name: 'report', schema },
    });
    expect(checkSchema(res.json, schema)).toEqual([]);
    expect((res.json as { files: string[] }).files).toEqual(['test/store.test.js', 'test/todos.test.js']);
  });
});
