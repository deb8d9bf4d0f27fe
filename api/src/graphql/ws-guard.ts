import type { IncomingMessage } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import type { GraphQLContext } from '../context';
import { ErrorCode } from '../../../contracts/errors';
import { withoutSuggestions } from './limits';

/** Thrown when a socket or a user already holds as many live subscriptions as allowed. */
export class SubscriptionLimitExceededError extends Error {
  override readonly name = 'SubscriptionLimitExceededError';
  readonly code = ErrorCode.SUBSCRIPTION_LIMIT_EXCEEDED;
  constructor(
    readonly scope: 'socket' | 'user',
    readonly limit: number,
  ) {
    super(`At most ${limit} live subscriptions per ${scope === 'socket' ? 'connection' : 'user'}; end one before starting another`);
  }
}

export interface WsGuardOptions {
  schema: GraphQLSchema;
  /** Extra validation rules (size limits, no introspection in production), as over HTTP. */
  rules: ValidationRule[];
  production: boolean;
  caps: { perSocket: number; perUser: number };
  /** The caller's context for one operation (authenticates the upgrade request's cookie). */
  contextFor(request: IncomingMessage): Promise<GraphQLContext>;
  /** Counts the operation in the GraphQL request windows; throws when they are used up. */
  requestWindow(ctx: GraphQLContext): Promise<unknown>;
}

type WsContext = Context<Record<string, unknown> | undefined, { request: IncomingMessage }>;

/**
 * The graphql-ws hooks that give a WebSocket operation the same checks as an HTTP one: the request
 * window, validation with the same rules (graphql-ws's own validation would skip them), suggestions
 * removed in production, and caps on live subscriptions per socket and per user in this process.
 */
export function createWsGuard(options: WsGuardOptions) {
  const perUser = new Map<string, number>();
  const bySocket = new WeakMap<object, Map<string, string>>();
  const refuse = (error: GraphQLError | Error, code?: string): GraphQLError[] => {
    const message = options.production ? withoutSuggestions(error.message) : error.message;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    return [new GraphQLError(message, { nodes: error instanceof GraphQLError ? error.nodes : undefined, originalError: original, extensions: code ? { code } : {} })];
  };
  const release = (ctx: object, id: string) => {
    const held = bySocket.get(ctx);
    const user = held?.get(id);
    if (!held || user === undefined) return;
    held.delete(id);
    const left = (perUser.get(user) ?? 1) - 1;
    if (left > 0) perUser.set(user, left);
    else perUser.delete(user);
  };

  return {
    onSubscribe: async (ctx: WsContext, id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
      const contextValue = await options.contextFor(ctx.extra.request);
      try {
        await options.requestWindow(contextValue);
      } catch (error) {
        return refuse(error as Error);
      }
      let document;
      try {
        document = parse(payload.query);
      } catch (error) {
        return refuse(error as GraphQLError, 'GRAPHQL_PARSE_FAILED');
      }
      const invalid = validate(options.schema, document, [...specifiedRules, ...options.rules]);
      if (invalid.length) return invalid.flatMap((error) => refuse(error, 'GRAPHQL_VALIDATION_FAILED'));
      if (getOperationAST(document, payload.operationName)?.operation === 'subscription') {
        const held = bySocket.get(ctx) ?? new Map<string, string>();
        bySocket.set(ctx, held);
        const user = contextValue.viewerId ?? `ip:${contextValue.meta.ip}`;
        if (held.size >= options.caps.perSocket) return refuse(new SubscriptionLimitExceededError('socket', options.caps.perSocket));
        if ((perUser.get(user) ?? 0) >= options.caps.perUser) return refuse(new SubscriptionLimitExceededError('user', options.caps.perUser));
        held.set(id, user);
        perUser.set(user, (perUser.get(user) ?? 0) + 1);
      }
      return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
    },
    onComplete: (ctx: WsContext, id: string) => release(ctx, id),
    onClose: (ctx: WsContext) => {
      for (const id of [...(bySocket.get(ctx)?.keys() ?? [])]) release(ctx, id);
    },
  };
}
