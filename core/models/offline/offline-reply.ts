/**
 * The offline provider's decision for one request: a tool call from the role's script, a JSON reply for
 * structured output, or text. Everything is derived from the request, so equal requests get equal replies.
 */
import type { AgentRole, ModelRequest, ToolCall } from '../model-types';
import { ProviderError } from '../provider.errors';
import { readConversation } from './conversation';
import { conformToSchema } from './json-conform';
import { checkSchema } from './json-schema';
import { planText, ROLE_SCRIPTS } from './role-scripts';
import { filesOf, label, roleTasks, type ScriptContext } from './script-kit';
import { selectBlueprint } from './select-blueprint';

/** What the provider answers before usage and streaming are added. */
export interface OfflineReply {
  text: string;
  toolCalls: ToolCall[];
  json?: unknown;
}

/** Tool names the model may call under the request's toolChoice. */
function offeredTools(request: ModelRequest): Set<string> {
  const names = (request.tools ?? []).map((t) => t.name);
  const choice = request.toolChoice;
  if (choice === 'none') return new Set();
  if (typeof choice === 'object') return new Set(names.filter((n) => n === choice.name));
  return new Set(names);
}

/** A short account of what the role would do with this blueprint, for replies that cannot call tools. */
function describe(ctx: ScriptContext): string {
  if (ctx.role === 'architect') return planText(ctx);
  const tasks = roleTasks(ctx);
  if (tasks.length === 0) return `The ${ctx.role} has no task in the ${label(ctx)}.`;
  return `The ${ctx.role}'s tasks in the ${label(ctx)}: ${tasks.map((t) => `${t.title} (${t.files.join(', ') || 'no files'})`).join('; ')}.`;
}

function structured(ctx: ScriptContext, format: NonNullable<ModelRequest['responseFormat']>, model: string): OfflineReply {
  const tasks = roleTasks(ctx);
  const source =
    ctx.role === 'architect'
      ? ctx.blueprint.plan
      : { summary: describe(ctx), outcome: 'done', role: ctx.role, blueprint: ctx.blueprint.id, files: filesOf(tasks), tasks };
  const json = conformToSchema(source, format.schema);
  const problems = checkSchema(json, format.schema);
  if (problems.length > 0) {
    throw new ProviderError(
      'invalid_request',
      'offline',
      model,
      `The offline provider cannot fill schema ${format.name}: ${problems.slice(0, 3).join('; ')}`,
    );
  }
  return { text: JSON.stringify(json), toolCalls: [], json };
}

/** Decides the reply; throws ProviderError(invalid_request) only for a response schema it cannot fill. */
export function offlineReply(request: ModelRequest): OfflineReply {
  const conversation = readConversation(request.messages);
  const role: AgentRole = request.agentRole ?? 'architect';
  const ctx: ScriptContext = { blueprint: selectBlueprint(conversation.description), role, conversation, offered: offeredTools(request) };
  if (request.responseFormat) return structured(ctx, request.responseFormat, request.model);
  if (ctx.offered.size === 0) return { text: describe(ctx), toolCalls: [] };
  const step = ROLE_SCRIPTS[role](ctx);
  if ('text' in step) return { text: step.text, toolCalls: [] };
  if (!ctx.offered.has(step.tool)) {
    // A loop that withholds `finish` ends on text; any other missing tool is reported rather than faked.
    if (step.tool === 'finish') return { text: String(step.args.summary), toolCalls: [] };
    const target = typeof step.args.path === 'string' ? ` on ${step.args.path}` : '';
    return {
      text: `The ${role}'s next step in the ${label(ctx)} is ${step.tool}${target}, but this request does not offer that tool.`,
      toolCalls: [],
    };
  }
  return { text: '', toolCalls: [{ id: `call_offline_${conversation.turn}`, name: step.tool, arguments: step.args }] };
}
