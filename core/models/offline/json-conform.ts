/**
 * Reshapes a value to fit a JSON Schema the provider did not write: the offline architect knows its plan in
 * one shape (blueprint.ts) and the caller may ask for another (`dependsOn` for `dependencies`, a priority
 * enum for a number, fewer fields). Missing required values get a neutral default so the reply still parses.
 */
import type { JsonSchema } from '../model-types';
import { checkSchema, jsonTypeOf, resolveRef, typeFits, typesOf } from './json-schema';

// Names that mean the same field in plan schemas; a wanted key falls back to the others in its group.
const SYNONYMS: readonly string[][] = [
  ['title', 'name'],
  ['dependencies', 'dependsOn', 'depends_on', 'deps'],
  ['acceptanceCriteria', 'acceptance_criteria', 'acceptance', 'criteria'],
  ['role', 'agentRole', 'agent_role', 'assignee', 'agent'],
  ['summary', 'overview'],
  ['files', 'paths'],
  ['tasks', 'steps', 'subtasks'],
  ['type', 'kind'],
];

function pick(source: Record<string, unknown>, key: string): unknown {
  if (source[key] !== undefined) return source[key];
  const group = SYNONYMS.find((g) => g.includes(key)) ?? [];
  return group.map((k) => source[k]).find((v) => v !== undefined);
}

/** `value` reshaped to satisfy `schema` as far as the supported keywords go (see json-schema.ts). */
export function conformToSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema): unknown {
  const s = resolveRef(schema, root);
  if ('const' in s) return s.const;
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const fitting = alternatives.find((alt) => checkSchema(value, alt, root).length === 0);
    if (fitting) return value;
    const sameType = alternatives.find((alt) => typesOf(resolveRef(alt, root)).some((t) => typeFits(jsonTypeOf(value), t)));
    return conformToSchema(value, sameType ?? alternatives[0]!, root);
  }
  if (Array.isArray(s.enum)) return conformEnum(value, s.enum);
  const types = typesOf(s);
  const type = types.find((t) => typeFits(jsonTypeOf(value), t)) ?? types.find((t) => t !== 'null') ?? jsonTypeOf(value);
  switch (type) {
    case 'object':
      return conformObject(value, s, root);
    case 'array':
      return conformArray(value, s, root);
    case 'string':
      return conformString(value, s);
    case 'number':
    case 'integer':
      return conformNumber(value, s, type === 'integer');
    case 'boolean':
      return typeof value === 'boolean' ? value : Boolean(value);
    case 'null':
      return null;
    default:
      return value;
  }
}

function conformEnum(value: unknown, options: unknown[]): unknown {
  if (options.includes(value)) return value;
  const text = typeof value === 'string' ? value.toLowerCase() : undefined;
  const byText = options.find((o) => typeof o === 'string' && o.toLowerCase() === text);
  if (byText !== undefined) return byText;
  // A 1-based rank (priority 1) maps onto an ordered enum (['high', 'medium', 'low']).
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return options[Math.min(value, options.length) - 1];
  return options[0];
}

function conformObject(value: unknown, s: JsonSchema, root: JsonSchema): Record<string, unknown> {
  const source = jsonTypeOf(value) === 'object' ? (value as Record<string, unknown>) : {};
  const properties = s.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return { ...source };
  const required = new Set((s.required ?? []) as string[]);
  const out: Record<string, unknown> = {};
  for (const [key, propSchema] of Object.entries(properties)) {
    const picked = pick(source, key);
    if (picked !== undefined || required.has(key)) out[key] = conformToSchema(picked, propSchema, root);
  }
  return out;
}

function conformArray(value: unknown, s: JsonSchema, root: JsonSchema): unknown[] {
  const items = (s.items && typeof s.items === 'object' ? s.items : {}) as JsonSchema;
  const source = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out = source.slice(0, typeof s.maxItems === 'number' ? s.maxItems : undefined).map((item) => conformToSchema(item, items, root));
  while (out.length < (typeof s.minItems === 'number' ? s.minItems : 0)) out.push(conformToSchema(undefined, items, root));
  return out;
}

function conformString(value: unknown, s: JsonSchema): string {
  let text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.join(', ')
        : value === undefined || value === null
          ? ''
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value as number | boolean);
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  if (text.length < min) text = (text || 'n/a').padEnd(min, '.');
  return typeof s.maxLength === 'number' ? text.slice(0, s.maxLength) : text;
}

function conformNumber(value: unknown, s: JsonSchema, integer: boolean): number {
  const parsed = typeof value === 'number' ? value : Number(value);
  const min = typeof s.minimum === 'number' ? s.minimum : -Infinity;
  const max = typeof s.maximum === 'number' ? s.maximum : Infinity;
  const n = Number.isFinite(parsed) ? parsed : Number.isFinite(min) ? min : 0;
  const clamped = Math.min(max, Math.max(min, n));
  return integer ? Math.round(clamped) : clamped;
}
