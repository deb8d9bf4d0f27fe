import { ApplicationFailure } from '@temporalio/activity';
import { AssistEventType } from '../../contracts/assist';
import { ErrorCode } from '../../contracts/errors';
import { AssistChatMessage } from '../../core/assist/assist.entities';
import type { AssistEventStream } from '../../core/assist/assist-stream';
import { parseCitations } from '../../core/assist/citations';
import type { ChatMessage, ToolCall } from '../../core/models/model-types';
import { Project } from '../../core/project/project.entity';
import type { ActivityDeps } from '../deps';
import { chatMessages } from './chat-prompt';
import { runChatTool, type ChatToolResult } from './chat-tools';

/** What the answer needs, or nothing to do (the thread was cleared, or this answer already ended). */
export type ChatReplyStart =
  | {
      kind: 'answer';
      userId: string;
      projectId: string;
      messages: ChatMessage[];
      /** Characters the conversation may grow to for the first model that would answer (its context window). */
      contextChars: number;
    }
  | { kind: 'skip' };

/** The one event that ends an answer, written once however often the activity runs. */
const finalKey = (replyId: string) => `chat:${replyId}:final`;
/** Characters a token is taken to be when fitting a conversation into a window (as the assist preflight estimates). */
const CHARS_PER_TOKEN = 3.5;
const DEFAULT_CONTEXT_TOKENS = 8_192;

/** The line count of each text file of the project, read in PostgreSQL (contents never leave it). */
const LINE_COUNTS = `
select path, (length(content) - length(replace(content, chr(10), '')))
  + case when content = '' or right(content, 1) = chr(10) then 0 else 1 end as lines
from project_files where project_id = ? and not "binary"`;

/** A project chat's answer: its context, its read-only tools, and its end (complete or failed) on its own stream. */
export function createAssistChatActivities({ orm, live, models, assistEvents }: ActivityDeps) {
  const events = (): AssistEventStream => {
    if (!assistEvents) throw ApplicationFailure.nonRetryable('This worker has no assist event stream', ErrorCode.SERVICE_UNAVAILABLE);
    return assistEvents;
  };

  /** Ends the reply once: a row still streaming takes the outcome; the final event is deduplicated. */
  async function finish(replyId: string, fields: Partial<AssistChatMessage>, type: AssistEventType, data: Record<string, unknown>) {
    const em = orm.em.fork();
    const reply = await em.findOne(AssistChatMessage, { id: replyId });
    if (reply?.status === 'streaming') {
      Object.assign(reply, fields);
      await em.flush();
    }
    await events().publish(replyId, type, data, finalKey(replyId));
    await events().expire(replyId);
  }

  return {
    /** The conversation for a streaming reply: system prompt, the thread's last turns and the question. */
    async startChatReply(input: { replyId: string }): Promise<ChatReplyStart> {
      const em = orm.em.fork();
      const reply = await em.findOne(AssistChatMessage, { id: input.replyId });
      if (!reply || reply.status !== 'streaming') return { kind: 'skip' };
      const [question, ...earlier] = await em.find(
        AssistChatMessage,
        { project: reply.project.id, user: reply.user.id, createdAt: { $lt: reply.createdAt } },
        { orderBy: { createdAt: 'desc' }, limit: 40 },
      );
      if (!question || question.role !== 'user') return { kind: 'skip' };
      const project = await em.findOneOrFail(Project, { id: reply.project.id }, { fields: ['id', 'name'] });
      const paths = await em
        .getConnection()
        .execute<{ path: string }[]>('select path from project_files where project_id = ? order by path limit 81', [project.id]);
      const history = earlier
        .filter((m) => m.status === 'complete' && m.content)
        .reverse()
        .map((m) => ({ role: m.role, content: m.content }));
      const messages = chatMessages({ projectName: project.name, paths: paths.map((p) => p.path), history, question: question.content });
      const first = models ? (await models.availability({ userId: reply.user.id, projectId: project.id }, 'chat')).models[0] : undefined;
      const window = first?.contextWindow ?? DEFAULT_CONTEXT_TOKENS;
      const contextChars = Math.floor((window - Math.min(first?.maxOutputTokens ?? 1_500, 1_500) - 200) * CHARS_PER_TOKEN);
      return { kind: 'answer', userId: reply.user.id, projectId: project.id, messages, contextChars };
    },

    /**
     * One of the chat's tools (list_files, read_file, search; anything else is refused), announced on the reply's
     * stream as `assist.tool` once however often it runs (`step` names the round and call).
     */
    async runChatTool(input: { replyId: string; projectId: string; call: ToolCall; step: string }): Promise<ChatToolResult> {
      const { call } = input;
      await events().publish(input.replyId, AssistEventType.TOOL, { tool: call.name, args: call.arguments }, `chat:${input.replyId}:tool:${input.step}`);
      return runChatTool(orm.em.fork(), live ?? null, input.projectId, call);
    },

    /** The whole answer with the spots it cites: complete, `assist.ready`. */
    async completeChatReply(input: { replyId: string; text: string; model: string }): Promise<void> {
      const em = orm.em.fork();
      const reply = await em.findOne(AssistChatMessage, { id: input.replyId }, { fields: ['id', 'project'] });
      const rows = reply ? await em.getConnection().execute<{ path: string; lines: number }[]>(LINE_COUNTS, [reply.project.id]) : [];
      const citations = parseCitations(input.text, new Map(rows.map((r) => [r.path, Number(r.lines)])));
      await finish(input.replyId, { status: 'complete', content: input.text, citations, model: input.model }, AssistEventType.READY, {
        status: 'complete',
      });
    },

    /** No answer: failed, the code and a readable reason as the text, `assist.failed`. */
    async failChatReply(input: { replyId: string; code: string; message: string; model?: string | null }): Promise<void> {
      await finish(
        input.replyId,
        { status: 'failed', content: input.message, errorCode: input.code, model: input.model ?? null },
        AssistEventType.FAILED,
        { code: input.code, message: input.message },
      );
    },
  };
}
