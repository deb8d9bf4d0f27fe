import type { z } from 'zod';
import { ValidationError } from './domain.errors';

/**
 * Parses caller input with a zod object schema. Nulls count as "not given" (GraphQL sends them for
 * omitted optional fields); every broken field is reported once, with its first message, in one
 * ValidationError that the API turns into BAD_USER_INPUT with `fieldErrors`.
 */
export function parseInput<T>(schema: z.ZodType<T>, raw: Record<string, unknown>): T {
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null && v !== undefined));
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  const seen = new Set<string>();
  throw new ValidationError(
    parsed.error.issues.flatMap((issue) => {
      const field = String(issue.path[0] ?? 'input');
      if (seen.has(field)) return [];
      seen.add(field);
      return [{ field, message: issue.message }];
    }),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id can name a row at all; anything else is answered as not found without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
