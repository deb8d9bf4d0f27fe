/**
 * The small part of JSON Schema the offline provider needs, both ways: `checkSchema` lists why a value does
 * not match (tests use it on tool arguments and structured replies), `conformToSchema` reshapes a value so it
 * does (the architect's plan into whatever plan schema the caller asked for). Supported: type, enum, const,
 * properties, required, additionalProperties, items, min/max (Items, Length, imum), anyOf/oneOf/allOf and
 * local `$ref`s; other keywords are ignored.
 */
import type { JsonSchema } from '../model-types';

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** The JSON type of a value; integers are reported as `integer`. */
export function jsonTypeOf(value: unknown): JsonType | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object') return typeof value as JsonType;
  return undefined;
}

/** Whether a value of type `actual` satisfies `wanted` (an integer is a number). */
export function typeFits(actual: JsonType | undefined, wanted: string): boolean {
  return actual === wanted || (wanted === 'number' && actual === 'integer');
}

/** Follows a local `$ref` (`#/$defs/x`, `#/definitions/x`) against the root schema. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#')) return schema;
  const target = ref
    .slice(1)
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
  return resolveRef((target as JsonSchema | undefined) ?? {}, root);
}

/** The schema's `type` as a list ([] when it names none). */
export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type as string[];
  return typeof schema.type === 'string' ? [schema.type] : [];
}

const asSchemas = (value: unknown): JsonSchema[] => (Array.isArray(value) ? (value as JsonSchema[]) : []);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Every reason `value` fails `schema`, each prefixed by its path (`$.tasks[0].role`); [] when it matches. */
export function checkSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path = '$'): string[] {
  const s = resolveRef(schema, root);
  const actual = jsonTypeOf(value);
  const types = typesOf(s);
  if (types.length > 0 && !types.some((t) => typeFits(actual, t)))
    return [`${path}: expected ${types.join('|')}, got ${actual ?? typeof value}`];
  const errors: string[] = [];
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    errors.push(`${path}: not one of ${JSON.stringify(s.enum)}`);
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
  for (const sub of asSchemas(s.allOf)) errors.push(...checkSchema(value, sub, root, path));
  const anyOf = asSchemas(s.anyOf ?? s.oneOf);
  if (anyOf.length > 0 && !anyOf.some((sub) => checkSchema(value, sub, root, path).length === 0))
    errors.push(`${path}: matches no alternative`);
  if (typeof value === 'string') {
    if (value.length < (num(s.minLength) ?? 0)) errors.push(`${path}: shorter than ${String(s.minLength)}`);
    if (value.length > (num(s.maxLength) ?? Infinity)) errors.push(`${path}: longer than ${String(s.maxLength)}`);
  }
  if (typeof value === 'number') {
    if (value < (num(s.minimum) ?? -Infinity)) errors.push(`${path}: below ${String(s.minimum)}`);
    if (value > (num(s.maximum) ?? Infinity)) errors.push(`${path}: above ${String(s.maximum)}`);
  }
  if (Array.isArray(value)) errors.push(...checkArray(value, s, root, path));
  else if (actual === 'object') errors.push(...checkObject(value as Record<string, unknown>, s, root, path));
  return errors;
}

function checkArray(value: unknown[], s: JsonSchema, root: JsonSchema, path: string): string[] {
  const errors: string[] = [];
  if (value.length < (num(s.minItems) ?? 0)) errors.push(`${path}: fewer than ${String(s.minItems)} items`);
  if (value.length > (num(s.maxItems) ?? Infinity)) errors.push(`${path}: more than ${String(s.maxItems)} items`);
  if (s.items && typeof s.items === 'object')
    value.forEach((item, i) => errors.push(...checkSchema(item, s.items as JsonSchema, root, `${path}[${i}]`)));
  return errors;
}

function checkObject(value: Record<string, unknown>, s: JsonSchema, root: JsonSchema, path: string): string[] {
  const errors: string[] = [];
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  for (const key of (s.required ?? []) as string[]) if (!(key in value)) errors.push(`${path}: missing ${key}`);
  for (const [key, item] of Object.entries(value)) {
    if (properties[key]) errors.push(...checkSchema(item, properties[key], root, `${path}.${key}`));
    else if (s.additionalProperties === false) errors.push(`${path}: unexpected ${key}`);
    else if (s.additionalProperties && typeof s.additionalProperties === 'object')
      errors.push(...checkSchema(item, s.additionalProperties as JsonSchema, root, `${path}.${key}`));
  }
  return errors;
}
