import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../../../contracts/errors';

/** The size limits every operation must stay within, over HTTP and WebSocket alike. */
export interface OperationLimits {
  /** Nesting of fields below the root; the client's deepest document (the team run panel) is 5. */
  readonly maxDepth: number;
  /** Aliased fields per operation, fragments included; the client uses none. */
  readonly maxAliases: number;
  /** Estimated fields resolved (see `measureOperation`); the client's largest document costs about 360, `projectEventLog(limit: 1000)` 7,000. */
  readonly maxCost: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxCost: 10_000 };

/** A list without a `limit`/`first` argument is assumed to hold this many items when costing. */
const ASSUMED_LIST_SIZE = 10;

/** What `measureOperation` found for one operation. */
export interface OperationSize {
  depth: number;
  aliases: number;
  cost: number;
}

/** Thrown (as a validation error) when an operation is deeper, more aliased or costlier than allowed. */
export class QueryTooComplexError extends GraphQLError {
  override readonly name = 'QueryTooComplexError';
  readonly code = ErrorCode.QUERY_TOO_COMPLEX;
  constructor(
    readonly measure: keyof OperationSize,
    readonly limit: number,
    readonly actual: number,
  ) {
    super(`This operation is too complex: its ${measure} is ${actual}, the limit is ${limit}. Split it into smaller operations.`);
  }
}

/**
 * Depth, aliases and cost of every operation in `document`. Cost counts each field once per item it is
 * resolved for: a field under a list counts `listSize` times (the literal `limit`/`first` argument, or 10).
 * Introspection fields are free here: production refuses them outright, and development tools need them.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode): OperationSize[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const sizes: OperationSize[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(def.operation);
    if (!root) continue;
    const size = { depth: 0, aliases: 0, cost: 0 };
    walk(def.selectionSet, root, 1, 1, new Set(), size, schema, fragments);
    sizes.push(size);
  }
  return sizes;
}

function walk(
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  depth: number,
  multiplier: number,
  seen: Set<string>,
  size: OperationSize,
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      // A cycle is reported by graphql's own NoFragmentCycles rule; here it must only not recurse forever.
      if (!fragment || seen.has(fragment.name.value)) continue;
      const on = schema.getType(fragment.typeCondition.name.value);
      if (on && isCompositeType(on)) walk(fragment.selectionSet, on, depth, multiplier, new Set(seen).add(fragment.name.value), size, schema, fragments);
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
      if (on && isCompositeType(on)) walk(selection.selectionSet, on, depth, multiplier, seen, size, schema, fragments);
      continue;
    }
    if (selection.alias) size.aliases++;
    const name = selection.name.value;
    if (name.startsWith('__')) continue;
    size.depth = Math.max(size.depth, depth);
    size.cost += multiplier;
    const field = 'getFields' in type ? type.getFields()[name] : undefined;
    if (!field || !selection.selectionSet) continue;
    const child = getNamedType(field.type);
    if (!isCompositeType(child)) continue;
    walk(selection.selectionSet, child, depth + 1, multiplier * listSize(field.type, selection.arguments ?? []), seen, size, schema, fragments);
  }
}

function listSize(type: Parameters<typeof getNullableType>[0], args: readonly { name: { value: string }; value: { kind: string; value?: unknown } }[]): number {
  if (!isListType(getNullableType(type))) return 1;
  const bound = args.find((a) => a.name.value === 'limit' || a.name.value === 'first');
  const literal = bound?.value.kind === Kind.INT ? Number(bound.value.value) : NaN;
  return Number.isFinite(literal) && literal > 0 ? literal : ASSUMED_LIST_SIZE;
}

/** A validation rule that refuses operations over `limits` with a QueryTooComplexError. */
export function operationLimitsRule(limits: OperationLimits = DEFAULT_OPERATION_LIMITS): ValidationRule {
  return (context: ValidationContext) => ({
    Document: {
      enter(document) {
        for (const size of measureOperation(context.getSchema(), document)) {
          const over =
            size.depth > limits.maxDepth
              ? new QueryTooComplexError('depth', limits.maxDepth, size.depth)
              : size.aliases > limits.maxAliases
                ? new QueryTooComplexError('aliases', limits.maxAliases, size.aliases)
                : size.cost > limits.maxCost
                  ? new QueryTooComplexError('cost', limits.maxCost, size.cost)
                  : null;
          if (over) {
            context.reportError(over);
            return false;
          }
        }
        return undefined;
      },
    },
  });
}

/** The extra validation rules of this deployment: size limits always, no introspection in production. */
export function validationRules(options: { production: boolean; limits?: OperationLimits }): ValidationRule[] {
  return [operationLimitsRule(options.limits), ...(options.production ? [NoSchemaIntrospectionCustomRule] : [])];
}

/** Removes graphql's "Did you mean …?" hints, which would spell out the schema to a probing client. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, '');
}
