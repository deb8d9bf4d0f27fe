/**
 * A fake Gemini API: `POST /v1beta/models/{model}:generateContent` (JSON) and
 * `:streamGenerateContent?alt=sse` (SSE, each event a whole GenerateContentResponse, CRLF-separated as Google
 * sends them, no closing sentinel: the last event carries the finishReason and the final usageMetadata).
 * Function calls carry no id; errors are `{error: {code, message, status, details}}`, a rate limit's delay in a
 * `google.rpc.RetryInfo` detail.
 */
import type http from 'node:http';
import {
  FakeVendor,
  type RecordedRequest,
  replyText,
  replyUsage,
  type ScriptedReply,
  sendJson,
  SseWriter,
  textChunks,
} from './fake-vendor';

const ROUTE = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

const STATUSES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const FINISH_REASONS = { stop: 'STOP', length: 'MAX_TOKENS', content_filter: 'SAFETY' } as const;

/** The body Gemini answers a wrong key with: a 400, not a 401. */
export function invalidKeyBody(): unknown {
  return {
    error: {
      code: 400,
      message: 'API key not valid. Please pass a valid API key.',
      status: 'INVALID_ARGUMENT',
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }],
    },
  };
}

export class GoogleFake extends FakeVendor {
  get baseURL(): string {
    return this.url;
  }

  protected serves(method: string, path: string): boolean {
    return method === 'POST' && ROUTE.test(path);
  }

  protected errorBody(status: number, message: string, reply: ScriptedReply): unknown {
    const details: unknown[] = [];
    if (status === 429) {
      details.push({
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests' }],
      });
      if (reply.error?.retryAfter !== undefined)
        details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${reply.error.retryAfter}s` });
    }
    return {
      error: {
        code: status,
        message,
        status: STATUSES[status] ?? (status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION'),
        ...(details.length ? { details } : {}),
      },
    };
  }

  protected async respond(req: RecordedRequest, reply: ScriptedReply, res: http.ServerResponse, n: number): Promise<void> {
    const [, pathModel, method] = ROUTE.exec(req.path) ?? [];
    const modelVersion = reply.model ?? pathModel;
    const responseId = `fake-response-${n}`;
    const calls = (reply.toolCalls ?? []).map((c) => ({
      functionCall: { ...(c.id ? { id: c.id } : {}), name: c.name, args: c.arguments },
      ...(c.signature ? { thoughtSignature: c.signature } : {}),
    }));
    const text = replyText(reply);
    const finishReason = calls.length ? 'STOP' : FINISH_REASONS[reply.finishReason ?? 'stop'];
    const u = replyUsage(reply, req);
    const usageMetadata = {
      promptTokenCount: u.inputTokens,
      candidatesTokenCount: u.outputTokens - u.reasoningTokens,
      totalTokenCount: u.inputTokens + u.outputTokens,
      ...(u.cachedInputTokens ? { cachedContentTokenCount: u.cachedInputTokens } : {}),
      ...(u.reasoningTokens ? { thoughtsTokenCount: u.reasoningTokens } : {}),
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: u.inputTokens }],
    };
    const usageFields = reply.omitUsage ? {} : { usageMetadata };

    if (method === 'generateContent') {
      const parts = [...(text ? [{ text }] : []), ...calls];
      sendJson(res, 200, {
        candidates: [{ content: { parts, role: 'model' }, finishReason, index: 0 }],
        ...usageFields,
        modelVersion,
        responseId,
      });
      return;
    }

    const sse = new SseWriter(res, reply.chunkDelayMs, '\r\n\r\n');
    const runningUsage = reply.omitUsage ? {} : { usageMetadata: { promptTokenCount: u.inputTokens, totalTokenCount: u.inputTokens } };
    const pieces: object[][] = textChunks(reply, text).map((t) => [{ text: t }]);
    if (calls.length) pieces.push(calls);
    for (const [i, parts] of pieces.entries()) {
      const last = i === pieces.length - 1 && !reply.streamError && !reply.truncate;
      await sse.send({
        candidates: [{ content: { parts, role: 'model' }, ...(last ? { finishReason } : {}), index: 0 }],
        ...(last ? usageFields : runningUsage),
        modelVersion,
        responseId,
      });
    }
    if (pieces.length === 0 && !reply.truncate && !reply.streamError) {
      await sse.send({
        candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason, index: 0 }],
        ...usageFields,
        modelVersion,
        responseId,
      });
    }
    if (reply.streamError) {
      const status = reply.streamError.status;
      await sse.send({
        error: {
          code: status,
          message: reply.streamError.message ?? 'The model is overloaded. Please try again later.',
          status: STATUSES[status] ?? 'INTERNAL',
        },
      });
    }
    sse.end();
  }
}
