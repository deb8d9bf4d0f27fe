import { z } from 'zod';
import { parseInput } from '../shared/validation';
import { databaseOptions, frameworkIds, stylingOptions, visibilityOptions } from './frameworks';

const list = (values: readonly string[]): string => values.join(', ');

/** A project's name, as created or renamed. */
const projectName = z
  .string()
  .trim()
  .min(2, 'Name must be at least 2 characters')
  .max(64, 'Name must be at most 64 characters')
  // Letters of any alphabet (with their accents as separate marks or not); NFC so "é" is stored one way.
  .normalize('NFC')
  .regex(/^\p{L}/u, 'Name must start with a letter')
  .regex(/^\p{L}[\p{L}\p{M}\p{N} _-]*$/u, "Name may contain only letters, digits, spaces, '-' and '_'");

const createProjectSchema = z.object({
  name: projectName,
  description: z.string().trim().max(500, 'Description must be at most 500 characters').default(''),
  framework: z.enum(frameworkIds, { error: `Framework must be one of ${list(frameworkIds)}` }),
  features: z
    .array(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'Each feature must be lowercase letters, digits and -'))
    .max(10, 'At most 10 features')
    .default([])
    .transform((tags) => [...new Set(tags)]),
  database: z.enum(databaseOptions, { error: `Database must be one of ${list(databaseOptions)}` }).default('none'),
  styling: z.enum(stylingOptions, { error: `Styling must be one of ${list(stylingOptions)}` }).default('none'),
  visibility: z.enum(visibilityOptions, { error: `Visibility must be one of ${list(visibilityOptions)}` }).default('private'),
  teamId: z.uuid({ error: 'Choose one of your teams' }).optional(),
  buildMode: z.enum(['starter', 'team'], { error: 'Build mode must be starter or team' }).default('starter'),
  autoApprovePlan: z.boolean().default(false),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'Idempotency key must be 8 to 128 letters, digits or _.:-')
    .optional(),
});

export type CreateProjectValues = z.infer<typeof createProjectSchema>;

/** Raw GraphQL input; nulls mean "not given". */
export interface CreateProjectRawInput {
  name: string;
  description?: string | null;
  framework: string;
  features?: readonly string[] | null;
  database?: string | null;
  styling?: string | null;
  visibility?: string | null;
  idempotencyKey?: string | null;
  teamId?: string | null;
  buildMode?: string | null;
  autoApprovePlan?: boolean | null;
}

/** Validates createProject input, reporting every broken field at once. */
export function parseCreateProjectInput(raw: CreateProjectRawInput): CreateProjectValues {
  return parseInput(createProjectSchema, { ...raw });
}

/** Validates a new name for an existing project (renameProject): the createProject rules, field `name`. */
export function parseProjectName(raw: string): string {
  return parseInput(z.object({ name: projectName }), { name: raw }).name;
}
