/** What the project chat's model is told: who it is, how to cite, the project's files, the thread and the question. */
import { ASSIST_LIMITS } from '../../contracts/assist';
import type { ChatMessage } from '../../core/models/model-types';

/** An answer stays readable in a side panel: about 6,000 characters at most. */
export const CHAT_MAX_OUTPUT_TOKENS = 1_500;
/** Earlier turns are cut to this many characters each, and to this many in all (the newest kept). */
const HISTORY_MESSAGE_CHARS = 2_000;
const HISTORY_CHARS = 8_000;
/** Paths listed up front, so a small model can open the right file without listing first. */
const LISTED_PATHS = 80;

export interface ChatPromptInput {
  projectName: string;
  paths: string[];
  /** Earlier turns of the thread, oldest first, complete ones only. */
  history: { role: 'user' | 'assistant'; content: string }[];
  question: string;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function chatMessages(input: ChatPromptInput): ChatMessage[] {
  const listed = input.paths.slice(0, LISTED_PATHS);
  const files = listed.length
    ? `Some of its files:\n${listed.join('\n')}${input.paths.length > listed.length ? '\n… (list_files shows all)' : ''}`
    : 'The project has no files yet.';
  const system =
    `You answer questions about the code of the project "${input.projectName}". Look before you answer: ` +
    'use list_files, read_file and search to read the code, and do not guess what a file says. ' +
    'Cite the code you mean as path:line or path:start-end (for example src/app.ts:12-18), with paths as the tools show them. ' +
    'Answer briefly in Markdown. You cannot change files or run commands.\n\n' +
    files;
  let budget = HISTORY_CHARS;
  const history: ChatMessage[] = [];
  for (const turn of input.history.slice(-ASSIST_LIMITS.chatHistoryMessages).reverse()) {
    const content = cut(turn.content, HISTORY_MESSAGE_CHARS);
    if (content.length > budget) break;
    budget -= content.length;
    history.unshift({ role: turn.role, content });
  }
  // A thread must not start with the assistant's turn (some vendors refuse it).
  while (history[0]?.role === 'assistant') history.shift();
  return [{ role: 'system', content: system }, ...history, { role: 'user', content: input.question }];
}
