import { z } from 'zod';
import { AGENT_ROLES, type AgentRole } from './model-types';

/** A role's models: the first is preferred, the rest are tried in order when it fails transiently. */
export type RoleModelMap = Readonly<Record<AgentRole, readonly string[]>>;

const strong = ['anthropic/claude-sonnet-4-6', 'openai/gpt-4.1', 'google/gemini-2.5-pro', 'openai-compatible/llama3.1:8b'];
const reasoning = ['openai/o4-mini', 'anthropic/claude-sonnet-4-6', 'google/gemini-2.5-pro', 'openai-compatible/llama3.1:8b'];
const light = ['openai/gpt-4.1-mini', 'anthropic/claude-haiku-4-5', 'google/gemini-2.5-flash', 'openai-compatible/llama3.1:8b'];

/**
 * The design's defaults: strong code models for planning and writing code, reasoning models for debugging
 * and optimizing, cheaper fast models for tests, operations and documentation. Each chain spans vendors, so
 * one vendor's outage falls through to another; models without a key are skipped.
 */
export const DEFAULT_ROLE_MODELS: RoleModelMap = {
  architect: ['anthropic/claude-opus-4-6', ...strong],
  coder: strong,
  frontend: strong,
  backend: strong,
  debugger: reasoning,
  reviewer: ['openai/gpt-4.1', 'anthropic/claude-sonnet-4-6', 'google/gemini-2.5-pro', 'openai-compatible/llama3.1:8b'],
  devops: light,
  tester: light,
  documentation: ['google/gemini-2.5-flash', 'openai/gpt-4.1-mini', 'anthropic/claude-haiku-4-5', 'openai-compatible/llama3.1:8b'],
  optimizer: reasoning,
};

/** A partial role → chain map, as the platform (ATELIER_ROLE_MODELS), a team or a project sets it. */
export const roleModelOverrideSchema = z.partialRecord(z.enum(AGENT_ROLES), z.array(z.string().min(3).max(160)).min(1).max(8));
export type RoleModelOverride = z.infer<typeof roleModelOverrideSchema>;

/** Where a role's chain came from, for the UI. */
export type RoleModelSource = 'project' | 'team' | 'platform' | 'default';

/** The chain for a role: the most specific scope that sets it wins. */
export function resolveRoleChain(
  role: AgentRole,
  scopes: { project?: RoleModelOverride | null; team?: RoleModelOverride | null; platform?: RoleModelOverride | null },
): { models: readonly string[]; source: RoleModelSource } {
  for (const source of ['project', 'team', 'platform'] as const) {
    const chain = scopes[source]?.[role];
    if (chain?.length) return { models: chain, source };
  }
  return { models: DEFAULT_ROLE_MODELS[role], source: 'default' };
}
