/**
 * The base of the fake model vendors (openai-fake.ts, anthropic-fake.ts, google-fake.ts): a plain node:http
 * server on a free port answering from a queue of scripted replies in one shape shared by the three, and a
 * record of what each request carried (parsed body, headers) so tests can assert what an SDK sent.
 *
 * Nothing waits unless a reply says so (`delayMs`, `chunkDelayMs`), so the fakes also serve latency benchmarks
 * (set `defaultReply` to answer any number of requests, and `record = false` to keep no history).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
  /** The vendor's call id; generated when absent (Google never sends one). */
  id?: string;
  name: string;
  arguments: Record<string, unknown>;
  /** Google only: a `thoughtSignature` on the functionCall part. */
  signature?: string;
}

export interface ScriptedUsage {
  /** Everything the model read, cached tokens included. */
  inputTokens: number;
  /** Everything it wrote, reasoning tokens included. */
  outputTokens: number;
  /** Of inputTokens, read from the prompt cache. */
  cachedInputTokens?: number;
  /** Of outputTokens, spent thinking. */
  reasoningTokens?: number;
}

/** One reply, described once and rendered in each vendor's wire format. */
export interface ScriptedReply {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /**
   * Structured output: rendered as JSON text (OpenAI, Google), or as the input of the tool Anthropic was forced
   * to call (`tool_choice: {type: 'tool'}`), the way a real model answers a forced tool.
   */
  json?: unknown;
  /** Default: estimated from the request and reply sizes. */
  usage?: ScriptedUsage;
  /** Send no usage at all (OpenAI-compatible servers that report none). */
  omitUsage?: boolean;
  /** Why the reply ended; replies with tool calls end in the vendor's tool-call reason regardless. */
  finishReason?: 'stop' | 'length' | 'content_filter';
  /** The model the vendor says served it (default: the one asked for). */
  model?: string;
  /** Wait this long before the response headers. */
  delayMs?: number;
  /** Wait this long between streamed events. */
  chunkDelayMs?: number;
  /** The streamed text deltas (default: the text cut after each space). */
  chunks?: string[];
  /** Stream only: stop after the content, without the vendor's closing events. */
  truncate?: boolean;
  /** Stream only: after the content, an error event in the vendor's format (e.g. 529/503 overloaded). */
  streamError?: { status: number; message?: string };
  /** Non-streamed only: answer 200 with exactly this body, for replies the fields above cannot express. */
  rawBody?: unknown;
  /** Answer with this HTTP error instead (body in the vendor's format unless given). */
  error?: { status: number; message?: string; retryAfter?: string; retryAfterMs?: string; body?: unknown };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body. */
  body: Record<string, unknown>;
  /** performance.now() when the request arrived (benchmarks time agent steps by it). */
  at: number;
}

export abstract class FakeVendor {
  /** Every request received, in order (unless `record` is false). */
  readonly requests: RecordedRequest[] = [];
  /** Requests whose client closed the connection before the reply ended (an aborted call), in order. */
  readonly disconnected: RecordedRequest[] = [];
  /** Used when the queue is empty; without one an unscripted request gets a 500 naming the problem. */
  defaultReply?: ScriptedReply;
  /** Chooses a reply from the request when the queue is empty (before `defaultReply`). */
  replyFor?: (request: RecordedRequest) => ScriptedReply | undefined;
  record = true;
  private readonly queue: ScriptedReply[] = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private port = 0;
  private counter = 0;

  /** The server's origin, `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What the vendor's SDK takes as its base URL. */
  abstract get baseURL(): string;

  /** Queues replies, answered in order. */
  script(...replies: ScriptedReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  get pending(): number {
    return this.queue.length;
  }

  get lastRequest(): RecordedRequest {
    const last = this.requests[this.requests.length - 1];
    if (!last) throw new Error('the fake has received no request');
    return last;
  }

  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
    this.disconnected.length = 0;
    this.defaultReply = undefined;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers one request whose reply was taken from the queue; the path is already known to be the vendor's. */
  protected abstract respond(req: RecordedRequest, reply: ScriptedReply, res: http.ServerResponse, n: number): Promise<void>;

  /** Whether the path (and method) is one this vendor serves. */
  protected abstract serves(method: string, path: string): boolean;

  /** The vendor's error body for a status. */
  protected abstract errorBody(status: number, message: string, reply: ScriptedReply): unknown;

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.once('close', () => closedResponses.add(res));
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
        at: performance.now(),
      };
      if (this.record) this.requests.push(recorded);
      res.once('close', () => !res.writableEnded && this.disconnected.push(recorded));
      if (!this.serves(recorded.method, recorded.path)) {
        sendJson(res, 404, this.errorBody(404, `fake: no route ${recorded.method} ${recorded.path}`, {}));
        return;
      }
      const reply = this.queue.shift() ?? this.replyFor?.(recorded) ?? this.defaultReply;
      if (!reply) {
        sendJson(res, 500, this.errorBody(500, 'fake: no scripted reply left', {}));
        return;
      }
      if (reply.delayMs) await waitUnlessClosed(res, reply.delayMs);
      if (isClosed(res)) return;
      if (reply.error) {
        const { status, retryAfter, retryAfterMs, body, message } = reply.error;
        const headers: Record<string, string> = {};
        if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
        if (retryAfterMs !== undefined) headers['retry-after-ms'] = retryAfterMs;
        sendJson(res, status, body ?? this.errorBody(status, message ?? `fake error ${status}`, reply), headers);
        return;
      }
      if (reply.rawBody !== undefined) {
        sendJson(res, 200, reply.rawBody);
        return;
      }
      await this.respond(recorded, reply, res, ++this.counter);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake failed: ${String(error)}` } });
      else res.destroy();
    }
  }
}

const closedResponses = new WeakSet<http.ServerResponse>();

/** Whether the response is finished or its client gone. */
function isClosed(res: http.ServerResponse): boolean {
  return closedResponses.has(res) || res.destroyed || res.writableEnded;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** An SSE response: `send` writes one event (after the reply's chunk delay), `end` closes it. */
export class SseWriter {
  private first = true;

  constructor(
    private readonly res: http.ServerResponse,
    private readonly chunkDelayMs = 0,
    private readonly separator = '\n\n',
  ) {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  }

  get closed(): boolean {
    return isClosed(this.res);
  }

  async send(data: unknown, event?: string): Promise<void> {
    if (!this.first && this.chunkDelayMs) await waitUnlessClosed(this.res, this.chunkDelayMs);
    this.first = false;
    if (this.closed) return;
    const payload = typeof data === 'string' ? data : JSON.stringify(data);
    this.res.write(`${event ? `event: ${event}\n` : ''}data: ${payload}${this.separator}`);
  }

  end(): void {
    if (!this.closed) this.res.end();
  }
}

/** Sleeps, waking early when the client has gone (an aborted request), at once when it already has. */
export function waitUnlessClosed(res: http.ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (isClosed(res)) return resolve();
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.on('close', done);
  });
}

/** The text deltas a reply is streamed in: as scripted, else the text cut after each space. */
export function textChunks(reply: ScriptedReply, text: string): string[] {
  if (reply.chunks) return reply.chunks;
  if (!text) return [];
  return text.match(/[^ ]+ */g) ?? [text];
}

/** The text a reply carries: its structured output as JSON, else its text. */
export function replyText(reply: ScriptedReply): string {
  return reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
}

/** The usage a reply reports: as scripted, else ~4 characters a token of the request and the reply. */
export function replyUsage(reply: ScriptedReply, request: RecordedRequest): Required<ScriptedUsage> {
  const outputChars =
    replyText(reply).length + (reply.toolCalls ?? []).reduce((n, c) => n + c.name.length + JSON.stringify(c.arguments).length, 0);
  const usage = reply.usage ?? {
    inputTokens: Math.ceil(JSON.stringify(request.body).length / 4),
    outputTokens: Math.max(1, Math.ceil(outputChars / 4)),
  };
  return { cachedInputTokens: 0, reasoningTokens: 0, ...usage };
}

/** Splits a JSON string into a few pieces, the way vendors stream tool arguments. */
export function jsonFragments(json: string, pieces = 3): string[] {
  const size = Math.max(1, Math.ceil(json.length / pieces));
  const out: string[] = [];
  for (let i = 0; i < json.length; i += size) out.push(json.slice(i, i + size));
  return out.length ? out : [''];
}
