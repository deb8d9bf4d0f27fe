import { ApplicationFailure, Context } from '@temporalio/activity';
import { UnknownCallerError } from '../../core/models/call-context';
import {
  BudgetExceededError,
  ModelFallbackFailedError,
  ModelNotAvailableError,
  ProviderRequestError,
} from '../../core/models/models.errors';
import type { ModelCallResult } from '../../core/models/model-call';
import { agentToolSpecs, type AgentToolName } from '../../core/agents/agent-tools';
import type { ModelPurpose, ModelRequest } from '../../core/models/model-types';
import { RateLimitExceededError } from '../../core/limits/limits.errors';
import { ErrorCode } from '../../contracts/errors';
import type { ActivityDeps } from '../deps';
import { ModelStreamWriter } from './model-stream';
import { RoomStreamWriter, type RoomStreamTarget } from './room-stream';
import { AssistStreamWriter, type AssistStreamTarget } from './assist-stream';
import { EventType } from '../../contracts/events';

export interface CallModelInput {
  userId: string;
  projectId?: string | null;
  runId?: string | null;
  /** An agent role or an assist purpose (chat, assist, completion): picks the model chain. */
  role: ModelPurpose;
  request: Omit<ModelRequest, 'model' | 'agentRole'>;
  /** Agent tools to offer by name (their JSON Schemas stay out of workflow histories); added to `request.tools`. */
  toolNames?: AgentToolName[];
  /** Stream the reply's text to the project's event stream as it is written. */
  stream?: boolean;
  /** Stream the reply's text into this chat message instead (MESSAGE_STREAM events on the room's stream). */
  roomStream?: RoomStreamTarget;
  /** Stream the reply's text to an assist request's or chat reply's own stream (assist.delta events). */
  assistStream?: AssistStreamTarget;
}

export type CallModelOutput = Omit<ModelCallResult, 'attempts'> & { callKey: string };

/** Model calls: one activity per call, so each is metered, budgeted, retried and replayed on its own. */
export function createModelActivities({ models, events, roomEvents, assistEvents }: ActivityDeps) {
  return {
    async callModel(input: CallModelInput): Promise<CallModelOutput> {
      if (!models) throw ApplicationFailure.nonRetryable('This worker has no model layer configured', ErrorCode.MODEL_NOT_AVAILABLE);
      const ctx = Context.current();
      const execution = ctx.info.workflowExecution;
      if (!execution) throw ApplicationFailure.nonRetryable('callModel runs only inside a workflow', ErrorCode.BAD_USER_INPUT);
      const { workflowId, runId } = execution;
      // The same for every attempt of this activity, unique across continue-as-new: the exactly-once key.
      const callKey = `${workflowId}/${runId}/${ctx.info.activityId}`;
      if (input.roomStream && !roomEvents) throw ApplicationFailure.nonRetryable('This worker has no room event stream', ErrorCode.SERVICE_UNAVAILABLE);
      if (input.assistStream && !assistEvents) throw ApplicationFailure.nonRetryable('This worker has no assist event stream', ErrorCode.SERVICE_UNAVAILABLE);
      const writer = input.assistStream
        ? new AssistStreamWriter(assistEvents!, { ...input.assistStream, callKey, attempt: ctx.info.attempt }, (chars) => ctx.heartbeat({ chars }))
        : input.roomStream
        ? new RoomStreamWriter(roomEvents!, { ...input.roomStream, callKey, attempt: ctx.info.attempt }, (chars) => ctx.heartbeat({ chars }))
        : input.stream && input.projectId
          ? new ModelStreamWriter(
              events,
              { projectId: input.projectId, runId: input.runId ?? null, callKey, attempt: ctx.info.attempt, role: input.role },
              (chars) => ctx.heartbeat({ chars }),
            )
          : null;
      try {
        const result = await models.call({
          callKey,
          userId: input.userId,
          projectId: input.projectId,
          runId: input.runId,
          role: input.role,
          request: input.toolNames?.length
            ? { ...input.request, tools: [...(input.request.tools ?? []), ...agentToolSpecs(input.toolNames)] }
            : input.request,
          onDelta: writer ? (text, segment) => writer.delta(text, segment) : undefined,
          signal: ctx.cancellationSignal,
        });
        await writer?.close();
        // An assist answer is the asker's own: it is not announced on the project's stream, which every member reads.
        if (input.projectId && !input.assistStream) {
          await events.append({
            projectId: input.projectId,
            runId: input.runId ?? null,
            type: EventType.MODEL_COMPLETED,
            message: `${input.role} used ${result.response.usage.totalTokens} tokens on ${result.model}${result.offline ? ' (offline)' : ''}`,
            data: {
              callKey,
              role: input.role,
              model: result.model,
              offline: result.offline,
              usage: result.response.usage,
              costUsd: result.costUsd,
              costInr: result.costInr,
              fallbackFrom: result.fallbackFrom,
            },
            dedupeKey: `model:${callKey}:completed`,
          });
        }
        const { attempts: _attempts, ...rest } = result;
        return { ...rest, callKey };
      } catch (error) {
        await writer?.close().catch(() => undefined);
        throw toFailure(error);
      }
    },
  };
}

/** Business failures become typed, non-retryable failures; a failed chain is retried after the vendors' wait. */
function toFailure(error: unknown): unknown {
  if (error instanceof BudgetExceededError) {
    return ApplicationFailure.nonRetryable(error.message, error.code, {
      scope: error.scope,
      measure: error.measure,
      used: error.used,
      limit: error.limit,
    });
  }
  if (error instanceof ModelNotAvailableError)
    return ApplicationFailure.nonRetryable(error.message, error.code, { role: error.role, models: error.models });
  if (error instanceof ProviderRequestError)
    return ApplicationFailure.nonRetryable(error.message, error.code, { model: error.model, kind: error.kind });
  // The agent workflow waits out the window on a durable timer rather than burning activity attempts.
  if (error instanceof RateLimitExceededError) {
    return ApplicationFailure.nonRetryable(error.message, error.code, {
      kind: error.kind,
      limit: error.limit,
      retryAfterSeconds: error.retryAfter,
      resetAt: error.resetAt.toISOString(),
    });
  }
  if (error instanceof UnknownCallerError) return ApplicationFailure.nonRetryable(error.message, ErrorCode.NOT_FOUND);
  if (error instanceof ModelFallbackFailedError) {
    return ApplicationFailure.create({
      message: error.message,
      type: error.code,
      details: [error.attempts],
      nextRetryDelay: error.retryAfterMs,
    });
  }
  return error;
}
