/**
 * JSON Schema both ways: `checkSchema` lists why a value does not match (ajv; the providers check structured
 * replies with it, tests check tool arguments), `conformToSchema` (json-conform.ts) reshapes a value so it does
 * (the offline architect's plan into whatever plan schema the caller asked for) with the helpers below: type,
 * enum, const, properties, required, additionalProperties, items, min/max, anyOf/oneOf/allOf and local `$ref`s.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
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

const ajv = new Ajv({ allErrors: true, strict: false, logger: false, validateFormats: false });
const byObject = new WeakMap<JsonSchema, WeakMap<JsonSchema, ValidateFunction>>();
const byText = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

/** The schema compiled once: by object identity, else by its JSON (equal schemas built per call). */
function validatorOf(schema: JsonSchema, root: JsonSchema): ValidateFunction {
  const known = byObject.get(root)?.get(schema);
  if (known) return known;
  // A part of a larger schema keeps the root's definitions so its local `$ref`s resolve.
  const whole =
    schema === root
      ? schema
      : {
          ...schema,
          $defs: { ...(root.$defs as object), ...(schema.$defs as object) },
          definitions: { ...(root.definitions as object), ...(schema.definitions as object) },
        };
  const text = JSON.stringify(whole);
  let validate = byText.get(text);
  if (!validate) {
    // Without `$id` (two schemas may share one) and `$schema` (ajv's default class knows draft-07 only by name).
    const { $id: _id, $schema: _dialect, ...anonymous } = whole;
    validate = ajv.compile(anonymous);
    // Schemas built per call (tool lists, formats) would otherwise pile up; ajv keeps its own copies too.
    if (byText.size >= MAX_COMPILED) {
      byText.clear();
      ajv.removeSchema();
    }
    byText.set(text, validate);
  }
  if (!byObject.has(root)) byObject.set(root, new WeakMap());
  byObject.get(root)!.set(schema, validate);
  return validate;
}

/** `$.tasks[0].role` for ajv's `/tasks/0/role`, under `path`. */
function pathOf(path: string, instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((at, key) => (/^\d+$/.test(key) ? `${at}[${key}]` : `${at}.${key}`), path);
}

function valueAt(value: unknown, instancePath: string): unknown {
  return instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], value);
}

function describe(error: ErrorObject, value: unknown, path: string): string {
  const at = pathOf(path, error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `${at}: expected ${String(p.type).replace(/,/g, '|')}, got ${jsonTypeOf(valueAt(value, error.instancePath)) ?? 'undefined'}`;
    case 'required':
      return `${at}: missing ${String(p.missingProperty)}`;
    case 'additionalProperties':
      return `${at}: unexpected ${String(p.additionalProperty)}`;
    case 'enum':
      return `${at}: not one of ${JSON.stringify(p.allowedValues)}`;
    case 'const':
      return `${at}: expected ${JSON.stringify(p.allowedValue)}`;
    case 'anyOf':
    case 'oneOf':
      return `${at}: matches no alternative`;
    case 'minItems':
      return `${at}: fewer than ${String(p.limit)} items`;
    case 'maxItems':
      return `${at}: more than ${String(p.limit)} items`;
    case 'minLength':
      return `${at}: shorter than ${String(p.limit)}`;
    case 'maxLength':
      return `${at}: longer than ${String(p.limit)}`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${at}: below ${String(p.limit)}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${at}: above ${String(p.limit)}`;
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}

/**
 * Every reason `value` fails `schema` (ajv, all of JSON Schema draft-07 and `$defs`), each prefixed by its path
 * (`$.tasks[0].role`); [] when it matches. `root` holds the definitions a part of a schema refers to. A value
 * of the wrong type is reported once, not again for the keywords of the type it should have had, and a failed
 * `anyOf` once, not per alternative.
 */
export function checkSchema(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path = '$'): string[] {
  const validate = validatorOf(schema, root);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const kept = errors.filter(
    (e) => !alternatives.some((prefix) => e.schemaPath.startsWith(prefix)) && (e.keyword === 'type' || !mistyped.has(e.instancePath)),
  );
  return [...new Set(kept.map((e) => describe(e, value, path)))];
}
