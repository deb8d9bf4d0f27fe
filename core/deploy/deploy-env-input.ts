/**
 * What people type into a project's deployment settings, checked before anything is stored: env var keys, values
 * and targets (DEPLOY_ENV_LIMITS), and provider tokens. Every refusal is a BAD_USER_INPUT naming its field.
 */
import { z } from 'zod';
import { DEPLOY_ENV_ANY_TARGET, DEPLOY_ENV_LIMITS, DEPLOY_TARGETS, DEPLOY_TOKEN_PROVIDERS } from '../../contracts/deploy';
import { parseInput } from '../shared/validation';

const envTargets = [DEPLOY_ENV_ANY_TARGET, ...DEPLOY_TARGETS] as const;

const envInput = z.object({
  target: z.enum(envTargets, { error: `Target must be * or one of ${DEPLOY_TARGETS.join(', ')}` }),
  key: z
    .string({ error: 'Key is required' })
    .regex(DEPLOY_ENV_LIMITS.keyPattern, 'Key: letters, digits and _, not starting with a digit, at most 128 characters'),
  value: z
    .string({ error: 'Value is required' })
    .refine((v) => Buffer.byteLength(v, 'utf8') <= DEPLOY_ENV_LIMITS.maxValueBytes, `Value must be at most ${DEPLOY_ENV_LIMITS.maxValueBytes / 1024} KiB`),
  secret: z.boolean().default(true),
});
export type EnvInput = z.infer<typeof envInput>;

export function parseEnvInput(raw: { target: string; key: string; value: string; secret?: boolean | null }): EnvInput {
  return parseInput(envInput, { ...raw });
}

/** Only a target name or `*` names env vars; anything else answers BAD_USER_INPUT. */
export function parseEnvTarget(target: string): string {
  return parseInput(envInput.pick({ target: true }), { target }).target;
}

const tokenInput = z.object({
  provider: z.enum(DEPLOY_TOKEN_PROVIDERS, { error: `Provider must be one of ${DEPLOY_TOKEN_PROVIDERS.join(', ')}` }),
  token: z.string({ error: 'Token is required' }).trim().min(8, 'The token looks too short').max(4096, 'The token is too long'),
  scope: z.string().trim().min(1, 'Scope must not be empty').max(255, 'Scope must be at most 255 characters').optional(),
});
export type TokenInput = z.infer<typeof tokenInput>;

export function parseTokenInput(raw: { provider: string; token: string; scope?: string | null }): TokenInput {
  return parseInput(tokenInput, { ...raw });
}

/** Only a known provider names a token; anything else answers BAD_USER_INPUT. */
export function parseTokenProvider(provider: string): TokenInput['provider'] {
  return parseInput(tokenInput.pick({ provider: true }), { provider }).provider;
}

/** A secret's hint: bullets and its last two characters, or bullets alone when it is too short to show any. */
export function secretHint(value: string): string {
  return value.length < 6 ? '••••' : `••••${value.slice(-2)}`;
}
