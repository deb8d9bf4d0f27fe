/**
 * A fake Anthropic Messages API (`POST /v1/messages`): JSON replies, and the SSE event sequence of a streamed
 * message (message_start, then per content block content_block_start / content_block_delta… / content_block_stop,
 * message_delta with the stop reason and usage, message_stop; a ping after the first block opens).
 */
import type http from 'node:http';
import {
  FakeVendor,
  jsonFragments,
  type RecordedRequest,
  replyUsage,
  type ScriptedReply,
  sendJson,
  SseWriter,
  textChunks,
} from './fake-vendor';

type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown };

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const STOP_REASONS = { stop: 'end_turn', length: 'max_tokens', content_filter: 'refusal' } as const;

export class AnthropicFake extends FakeVendor {
  get baseURL(): string {
    return this.url;
  }

  protected serves(method: string, path: string): boolean {
    return method === 'POST' && path === '/v1/messages';
  }

  protected errorBody(status: number, message: string): unknown {
    return {
      type: 'error',
      error: { type: ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'), message },
      request_id: 'req_fake',
    };
  }

  protected async respond(req: RecordedRequest, reply: ScriptedReply, res: http.ServerResponse, n: number): Promise<void> {
    const model = reply.model ?? String(req.body.model);
    const id = `msg_fake${n}`;
    const blocks = this.blocks(req, reply, n);
    const stopReason = blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : STOP_REASONS[reply.finishReason ?? 'stop'];
    const u = replyUsage(reply, req);
    const usage = {
      input_tokens: u.inputTokens - u.cachedInputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: u.cachedInputTokens,
      output_tokens: u.outputTokens,
      service_tier: 'standard',
    };

    if (req.body.stream !== true) {
      sendJson(res, 200, {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: blocks,
        stop_reason: stopReason,
        stop_sequence: null,
        usage,
      });
      return;
    }

    const sse = new SseWriter(res, reply.chunkDelayMs);
    const send = (type: string, data: Record<string, unknown>) => sse.send({ type, ...data }, type);
    await send('message_start', {
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    });
    for (const [index, block] of blocks.entries()) {
      if (block.type === 'text') {
        await send('content_block_start', { index, content_block: { type: 'text', text: '' } });
        if (index === 0) await sse.send({ type: 'ping' }, 'ping');
        for (const piece of textChunks(reply, block.text))
          await send('content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
      } else {
        await send('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
        if (index === 0) await sse.send({ type: 'ping' }, 'ping');
        await send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } });
        for (const fragment of jsonFragments(JSON.stringify(block.input))) {
          await send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: fragment } });
        }
      }
      await send('content_block_stop', { index });
    }
    if (reply.streamError) {
      const status = reply.streamError.status;
      await send('error', { error: { type: ERROR_TYPES[status] ?? 'api_error', message: reply.streamError.message ?? 'Overloaded' } });
      sse.end();
      return;
    }
    if (reply.truncate) {
      sse.end();
      return;
    }
    await send('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: usage.output_tokens } });
    await send('message_stop', {});
    sse.end();
  }

  /** The content blocks of a reply; structured output answers the tool the request forced, as Claude does. */
  private blocks(req: RecordedRequest, reply: ScriptedReply, n: number): Block[] {
    const blocks: Block[] = [];
    const forced = req.body.tool_choice as { type?: string; name?: string } | undefined;
    if (reply.json !== undefined && forced?.type === 'tool' && forced.name) {
      return [{ type: 'tool_use', id: `toolu_fake${n}_format`, name: forced.name, input: reply.json }];
    }
    const text = reply.json !== undefined ? JSON.stringify(reply.json) : reply.text;
    if (text) blocks.push({ type: 'text', text });
    for (const [i, c] of (reply.toolCalls ?? []).entries())
      blocks.push({ type: 'tool_use', id: c.id ?? `toolu_fake${n}_${i}`, name: c.name, input: c.arguments });
    return blocks;
  }
}
