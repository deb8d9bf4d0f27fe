import { once } from 'node:events';
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { CallOptions, FinishReason, ModelProvider, ModelRequest, ModelResponse } from '../model-types';
import { ProviderError } from '../provider.errors';
import { badReply, type CallScope, errorMessage, parseStructuredOutput, usageOf, withCallScope } from './provider-support';
import { partialAnswer, planOf, readToolReply, type LocalPlan } from './local/local-prompt';
import { startModelThread, type FromThread, type ThreadFailure, type ToThread } from './local/local-protocol';

export interface LocalProviderOptions {
  /** The GGUF file. */
  path: string;
  /** CPU threads for evaluation; default {@link defaultThreads} (half the cores). */
  threads?: number;
  /** Tokens of context per sequence (capped by the model's trained context). */
  contextSize: number;
  /** Calls served at once; more wait for a free sequence. Default 2. */
  sequences?: number;
  /** Default per-call timeout (queueing and loading included); CallOptions.timeoutMs overrides it. */
  timeoutMs?: number;
}

/** How long a closing model thread may take to free the model before it is terminated. */
const CLOSE_GRACE_MS = 30_000;

interface Pending {
  delta(text: string): void;
  done(message: Extract<FromThread, { type: 'done' }>): void;
  fail(failure: ThreadFailure, message: string): void;
}

/**
 * A GGUF model run in this process by node-llama-cpp, on a thread of its own (local/local-llama.worker.ts).
 * The thread starts and the model loads on the first call, so a process that never calls it pays nothing.
 *
 * Per call a fresh chat history is rendered with the chat template the file names. `responseFormat` and tools
 * are enforced by a JSON-schema grammar: with tools the reply is `{"tool", "arguments"}` (one branch per tool)
 * or, when the tool choice allows, `{"answer"}`, whose text is what streams. Usage is counted in real tokens:
 * the rendered prompt through the model's tokenizer, and each generated token.
 */
export class LocalProvider implements ModelProvider {
  readonly id = 'local' as const;
  private thread: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Tool call ids go on from a time-based start, so a restarted process does not reuse a conversation's ids. */
  private callIds = Date.now() % 1_000_000_000;

  constructor(private readonly options: LocalProviderOptions) {}

  generate(request: ModelRequest, options: CallOptions = {}): Promise<ModelResponse> {
    const plan = planOf(request);
    return withCallScope(
      'local',
      request.model,
      options.signal,
      options.timeoutMs ?? this.options.timeoutMs,
      (scope) => this.run(request, plan, scope, options.onDelta),
      (error) => (error instanceof ProviderError ? error : new ProviderError('server', 'local', request.model, errorMessage(error))),
    );
  }

  /**
   * Stops the model thread (a later call starts it again). The thread frees the model and ends by itself:
   * terminating it while native work runs (a model still loading) would abort the whole process.
   */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    for (const p of [...this.pending.values()]) p.fail('failed', 'the local model was closed');
    if (!thread) return;
    const exited = once(thread, 'exit');
    thread.postMessage({ type: 'close' } satisfies ToThread);
    const timer = setTimeout(() => void thread.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  private run(request: ModelRequest, plan: LocalPlan, scope: CallScope, onDelta?: (text: string) => void): Promise<ModelResponse> {
    const thread = this.ensureThread();
    const id = ++this.nextId;
    return new Promise<ModelResponse>((resolve, reject) => {
      let raw = '';
      let shown = '';
      const settle = () => {
        scope.signal.removeEventListener('abort', onAbort);
        this.pending.delete(id);
        if (!this.pending.size) this.thread?.unref();
      };
      const onAbort = () => {
        // Rejected at once; the thread stops generating and frees the sequence on its own time.
        thread.postMessage({ type: 'abort', id } satisfies ToThread);
        settle();
        reject(scope.signal.reason);
      };
      scope.signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        delta: (text) => {
          raw += text;
          if (!onDelta || !text) return;
          if (plan.mode !== 'tools') return onDelta(text);
          // A tools reply streams only its answer's text, decoded, never the JSON around it.
          const answer = partialAnswer(raw);
          if (answer && answer.length > shown.length) {
            onDelta(answer.slice(shown.length));
            shown = answer;
          }
        },
        done: (m) => {
          settle();
          try {
            resolve(this.response(request, plan, m));
          } catch (error) {
            reject(error);
          }
        },
        fail: (failure, message) => {
          settle();
          reject(failureError(failure, request.model, message));
        },
      });
      thread.ref();
      thread.postMessage({ type: 'generate', id, plan } satisfies ToThread);
    });
  }

  private response(request: ModelRequest, plan: LocalPlan, m: Extract<FromThread, { type: 'done' }>): ModelResponse {
    const usage = usageOf(m.inputTokens, m.outputTokens);
    const cut = m.stop === 'maxTokens';
    const finishReason: FinishReason = cut ? 'length' : 'stop';
    if (plan.mode === 'tools') {
      const reply = readToolReply(m.text, cut, () => `local_call_${++this.callIds}`);
      if (!reply) throw badReply('local', request.model, 'reply is neither a tool call nor an answer');
      return { text: reply.text, toolCalls: reply.toolCalls, usage, finishReason: reply.finishReason, model: request.model };
    }
    const response: ModelResponse = { text: m.text, toolCalls: [], usage, finishReason, model: request.model };
    if (plan.mode === 'json') response.json = parseStructuredOutput('local', request.model, m.text, finishReason);
    return response;
  }

  private ensureThread(): Worker {
    if (this.thread) return this.thread;
    const thread = startModelThread();
    thread.on('message', (m: FromThread) => {
      const p = 'id' in m ? this.pending.get(m.id) : undefined;
      if (!p) return;
      if (m.type === 'delta') p.delta(m.text);
      else if (m.type === 'done') p.done(m);
      else if (m.type === 'error') p.fail(m.failure, m.message);
    });
    const lost = (why: string) => {
      if (this.thread !== thread) return;
      this.thread = null;
      for (const p of [...this.pending.values()]) p.fail('failed', why);
    };
    thread.on('error', (error) => lost(`the local model thread failed: ${error.message}`));
    thread.on('exit', (code) => lost(`the local model thread exited (${code})`));
    const { path, contextSize } = this.options;
    const settings = { path, contextSize, threads: this.options.threads ?? defaultThreads(), sequences: this.options.sequences ?? 2 };
    thread.postMessage({ type: 'load', settings } satisfies ToThread);
    this.thread = thread;
    return thread;
  }
}

function failureError(failure: ThreadFailure, model: string, message: string): ProviderError {
  switch (failure) {
    case 'load':
      // The file is unreadable or not a model: no retry can help.
      return new ProviderError('model_not_found', 'local', model, `local: ${message}`);
    case 'too_long':
      return new ProviderError('invalid_request', 'local', model, `local: ${message}`);
    default:
      return new ProviderError('server', 'local', model, `local: ${message}`);
  }
}

/**
 * Half the cores, at least one: llama.cpp's threads spin-wait for each other, so on a machine busy with other work
 * every core collapses (measured on 2 cores at load 10: 0.8 tokens/s with 2 threads, 13.9 with 1) while on a quiet
 * one half is nearly as fast (68 against 74 tokens/s).
 */
export function defaultThreads(): number {
  return Math.max(1, Math.floor(os.availableParallelism() / 2));
}
