/**
 * What the offline provider reads from a conversation: the project description, what was asked, and every
 * tool call made so far with its result. Role scripts decide their next step from this alone.
 */
import type { ChatMessage } from '../model-types';
import { normalizePath } from './blueprint';

/** One tool call from an earlier assistant turn and, once the tool ran, its result. */
export interface ToolExchange {
  name: string;
  args: Record<string, unknown>;
  result?: string;
}

export interface Conversation {
  /** The first user message: the project description blueprints are chosen by. */
  description: string;
  /** Every user message, in order (task assignments arrive here). */
  userTexts: string[];
  exchanges: ToolExchange[];
  /** Assistant turns so far; keeps generated tool call ids unique within a conversation. */
  turn: number;
}

/** Reads a request's messages; tool results are matched to their calls by id. */
export function readConversation(messages: readonly ChatMessage[]): Conversation {
  const userTexts: string[] = [];
  const exchanges: ToolExchange[] = [];
  const byId = new Map<string, ToolExchange>();
  let turn = 0;
  for (const message of messages) {
    if (message.role === 'user') userTexts.push(message.content);
    if (message.role === 'assistant') {
      turn += 1;
      for (const call of message.toolCalls ?? []) {
        const exchange: ToolExchange = { name: call.name, args: call.arguments };
        exchanges.push(exchange);
        byId.set(call.id, exchange);
      }
    }
    if (message.role === 'tool') {
      const exchange = byId.get(message.toolCallId);
      if (exchange) exchange.result = message.content;
    }
  }
  return { description: userTexts[0] ?? '', userTexts, exchanges, turn };
}

const pathArg = (e: ToolExchange): string | undefined => (typeof e.args.path === 'string' ? normalizePath(e.args.path) : undefined);

/** Index of the last exchange that called `name` (on `path`, when given); -1 when none did. */
export function lastCall(conversation: Conversation, name: string, path?: string): number {
  const { exchanges } = conversation;
  for (let i = exchanges.length - 1; i >= 0; i -= 1) {
    if (exchanges[i]!.name === name && (path === undefined || pathArg(exchanges[i]!) === path)) return i;
  }
  return -1;
}

/** Paths written by write_file or apply_patch so far. */
export function writtenPaths(conversation: Conversation): Set<string> {
  return new Set(
    conversation.exchanges
      .filter((e) => e.name === 'write_file' || e.name === 'apply_patch')
      .map(pathArg)
      .filter((p): p is string => p !== undefined),
  );
}

/**
 * Whether a run_tests (or run_command) result says the tests passed. The tool answers JSON
 * `{ passed, exitCode, output }` (agent-tools.ts); plain text from other runners is read by its summary lines.
 */
export function testsPassed(result: string | undefined): boolean | undefined {
  if (result === undefined) return undefined;
  try {
    const parsed = JSON.parse(result) as { passed?: unknown; exitCode?: unknown };
    if (typeof parsed.passed === 'boolean') return parsed.passed;
    if (typeof parsed.exitCode === 'number') return parsed.exitCode === 0;
  } catch {
    // Not JSON: fall through to the text forms below.
  }
  // node --test, jest, pytest and mocha summaries, and a shell's exit status.
  if (/# fail [1-9]|\b[1-9]\d* (failed|failing)\b|exit code [1-9]|^FAIL\b/im.test(result)) return false;
  if (/# fail 0|\b\d+ pass(ed|ing)\b|exit code 0|^PASS\b/im.test(result)) return true;
  return undefined;
}

/** Whether a read_file result says the file is not there (only its start is read: code says "not found" too). */
export function isMissingFile(result: string | undefined): boolean {
  return result === undefined || /^\s*(\{\s*"error"|error\b|ENOENT|no such file|(file )?not found)/i.test(result);
}

/** A run_command (or run_tests) result: exit code and output from its JSON; plain text is all output, exit code unknown. */
export function commandResult(result: string | undefined): { exitCode?: number; output: string } {
  if (result === undefined) return { output: '' };
  try {
    const parsed = JSON.parse(result) as { exitCode?: unknown; output?: unknown };
    const output = typeof parsed.output === 'string' ? parsed.output : '';
    return typeof parsed.exitCode === 'number' ? { exitCode: parsed.exitCode, output } : { output };
  } catch {
    return { output: result };
  }
}

/** The last non-empty line of some output, trimmed; '' when there is none. */
export function lastLine(output: string): string {
  return output.trim().split('\n').at(-1)?.trim() ?? '';
}
