/** What an agent asked in a room's chat is told: its role, the question, and the project files it needs. */
import type { AgentRole } from '../contracts/roles';
import type { ModelRequest } from '../core/models/model-types';
import { roleBrief } from './agent-team/prompts';

/** An answer in chat stays short: about 6,000 characters at most. */
export const REPLY_MAX_OUTPUT_TOKENS = 1_500;

/**
 * The request for the role's answer. The question comes first in the user message (scripted providers read the
 * first user message), the project context after it.
 */
export function agentReplyRequest(role: AgentRole, question: string, context: string): Omit<ModelRequest, 'model' | 'agentRole'> {
  const system =
    `${roleBrief(role)} Here a person asks you a question in a coding room's chat, outside any task: answer it ` +
    'directly and briefly in Markdown, citing files as path:line. You cannot change files or run commands from the chat.';
  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: context ? `${question}\n\n${context}` : question },
    ],
    maxOutputTokens: REPLY_MAX_OUTPUT_TOKENS,
  };
}
