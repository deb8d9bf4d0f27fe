import type { AssistChatMessage } from '../../../../core/assist/assist.entities';
import type { AssistChatMessage as AssistChatMessageView, Resolvers } from '../../generated/graphql';

/** A chat turn as the schema shows it. */
export const chatMessageView = (m: AssistChatMessage): AssistChatMessageView => ({
  id: m.id,
  role: m.role,
  content: m.content,
  status: m.status,
  citations: m.citations.map((c) => ({ path: c.path, line: c.line, endLine: c.endLine ?? null })),
  model: m.model ?? null,
  errorCode: m.errorCode ?? null,
  createdAt: m.createdAt,
});

/** The project chat (assist.graphql): ask, the viewer's thread, clear. Its answers stream through assistStream. */
export const assistChatResolvers: Resolvers = {
  Query: {
    assistChat: async (_root, { projectId, before, limit }, ctx) =>
      (await ctx.assistChat.thread(ctx.viewerId, projectId, { before, limit })).map(chatMessageView),
  },
  Mutation: {
    askAssist: async (_root, { projectId, message, roomId }, ctx) => {
      const { question, reply } = await ctx.assistChat.ask(ctx.viewerId, { projectId, message, roomId });
      return { question: chatMessageView(question), reply: chatMessageView(reply) };
    },
    clearAssistChat: (_root, { projectId }, ctx) => ctx.assistChat.clear(ctx.viewerId, projectId),
  },
};
