import { z } from 'zod';
import { AGENT_ROLES, ASSIST_PURPOSES, type AgentRole, type AssistPurpose, type ModelPurpose } from './model-types';

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

/**
 * Assist's chains: project chat and editor actions on strong models, inline completions on the fastest. The
 * gateway appends the local model (ATELIER_LOCAL_MODEL) to each as the last resort, and uses it alone when no
 * vendor key exists; the offline blueprints never answer these.
 */
export const DEFAULT_PURPOSE_MODELS: Readonly<Record<AssistPurpose, readonly string[]>> = {
  chat: ['anthropic/claude-sonnet-4-6', 'openai/gpt-4.1', 'google/gemini-2.5-flash', 'openai-compatible/llama3.1:8b'],
  assist: strong,
  completion: ['openai/gpt-4.1-mini', 'google/gemini-2.5-flash', 'anthropic/claude-haiku-4-5', 'openai-compatible/llama3.1:8b'],
};

/** A partial role → chain map, as the platform (ATELIER_ROLE_MODELS), a team or a project sets it. */
export const roleModelOverrideSchema = z.partialRecord(z.enum([...AGENT_ROLES, ...ASSIST_PURPOSES]), z.array(z.string().min(3).max(160)).min(1).max(8));
export type RoleModelOverride = z.infer<typeof roleModelOverrideSchema>;

/** Where a role's chain came from, for the UI. */
export type RoleModelSource = 'project' | 'team' | 'platform' | 'default';

/** The chain for a role: the most specific scope that sets it wins. */
export function resolveRoleChain(
  role: ModelPurpose,
  scopes: { project?: RoleModelOverride | null; team?: RoleModelOverride | null; platform?: RoleModelOverride | null },
): { models: readonly string[]; source: RoleModelSource } {
  for (const source of ['project', 'team', 'platform'] as const) {
    const chain = scopes[source]?.[role];
    if (chain?.length) return { models: chain, source };
  }
  const defaults = (ASSIST_PURPOSES as readonly string[]).includes(role)
    ? DEFAULT_PURPOSE_MODELS[role as AssistPurpose]
    : DEFAULT_ROLE_MODELS[role as AgentRole];
  return { models: defaults, source: 'default' };
}
