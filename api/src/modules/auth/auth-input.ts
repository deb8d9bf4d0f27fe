import { z } from 'zod';
import { ValidationError } from '../../shared/errors';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, 'Email must be at most 320 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address such as ada@example.com');
const password = z.string().min(10, 'Password must be at least 10 characters').max(128, 'Password must be at most 128 characters');

const signUpSchema = z.object({
  email,
  password,
  displayName: z.string().trim().min(1, 'Display name is required').max(80, 'Display name must be at most 80 characters'),
});

/** Parses with zod and reports every broken field as one ValidationError. */
function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
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

export const parseSignUp = (raw: unknown) => parse(signUpSchema, raw);
export const parseNewPassword = (raw: unknown) => parse(z.object({ password }), raw).password;
export const normaliseEmail = (raw: string) => raw.trim().toLowerCase();
