import { z } from 'zod';
import { parseInput } from '../shared/validation';

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

export const parseSignUp = (raw: Record<string, unknown>) => parseInput(signUpSchema, raw);
export const parseNewPassword = (raw: string) => parseInput(z.object({ password }), { password: raw }).password;
export const normaliseEmail = (raw: string) => raw.trim().toLowerCase();
