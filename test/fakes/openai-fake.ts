/**
 * A fake OpenAI chat completions server (`POST /v1/chat/completions`), also standing in for OpenAI-compatible
 * servers (Ollama, vLLM, …): JSON replies, and SSE streams of `chat.completion.chunk` objects ending in
 * `data: [DONE]`, with the usage chunk (`choices: []`) when `stream_options.include_usage` asks for it.
 */
import type http from 'node:http';
import {
  FakeVendor,
  jsonFragments,
  type RecordedRequest,
  replyText,
  replyUsage,
  type ScriptedReply,
  sendJson,
  SseWriter,
  textChunks,
} from './fake-vendor';

export class OpenAIFake extends FakeVendor {
  get baseURL(): string {
    return `${this.url}/v1`;
  }

  protected serves(method: string, path: string): boolean {
    return method === 'POST' && path.endsWith('/chat/completions');
  }

  protected errorBody(status: number, message: string): unknown {
    const [type, code] =
      status === 401
        ? ['invalid_request_error', 'invalid_api_key']
        : status === 404
          ? ['invalid_request_error', 'model_not_found']
          : status === 429
            ? ['requests', 'rate_limit_exceeded']
            : status >= 500
              ? ['server_error', null]
              : ['invalid_request_error', null];
    return { error: { message, type, param: null, code } };
  }

  protected async respond(req: RecordedRequest, reply: ScriptedReply, res: http.ServerResponse, n: number): Promise<void> {
    const model = reply.model ?? String(req.body.model);
    const id = `chatcmpl-fake${n}`;
    const created = Math.floor(Date.now() / 1000);
    const calls = (reply.toolCalls ?? []).map((c, i) => ({ ...c, id: c.id ?? `call_fake${n}_${i}` }));
    const text = replyText(reply);
    const finish = calls.length ? 'tool_calls' : (reply.finishReason ?? 'stop');
    const usage = reply.omitUsage ? undefined : usageBody(replyUsage(reply, req));

    if (req.body.stream !== true) {
      sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: text || (calls.length ? null : ''),
              refusal: null,
              annotations: [],
              ...(calls.length
                ? {
                    tool_calls: calls.map((c) => ({
                      id: c.id,
                      type: 'function',
                      function: { name: c.name, arguments: JSON.stringify(c.arguments) },
                    })),
                  }
                : {}),
            },
            logprobs: null,
            finish_reason: finish,
          },
        ],
        ...(usage ? { usage } : {}),
        service_tier: 'default',
        system_fingerprint: 'fp_fake',
      });
      return;
    }

    const includeUsage =
      (req.body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true && usage !== undefined;
    const sse = new SseWriter(res, reply.chunkDelayMs);
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_fake',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    });
    await sse.send(chunk({ role: 'assistant', content: '', refusal: null }));
    for (const piece of textChunks(reply, text)) await sse.send(chunk({ content: piece }));
    for (const [index, c] of calls.entries()) {
      await sse.send(chunk({ tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } }] }));
      for (const fragment of jsonFragments(JSON.stringify(c.arguments))) {
        await sse.send(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }));
      }
    }
    if (reply.streamError) {
      await sse.send({
        error: {
          message: reply.streamError.message ?? 'The server had an error while processing your request.',
          type: 'server_error',
          param: null,
          code: null,
        },
      });
      sse.end();
      return;
    }
    if (reply.truncate) {
      sse.end();
      return;
    }
    await sse.send(chunk({}, finish));
    if (includeUsage)
      await sse.send({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [], usage });
    await sse.send('[DONE]');
    sse.end();
  }
}

function usageBody(u: ReturnType<typeof replyUsage>) {
  return {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
    prompt_tokens_details: { cached_tokens: u.cachedInputTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: u.reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
