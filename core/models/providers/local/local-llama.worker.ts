/**
 * The local model's thread: loads the GGUF once (on the provider's first call), keeps one context with a few
 * sequences, and runs each call on a free sequence with a fresh chat history; calls beyond the sequences wait.
 * Started by local-protocol.ts; speaks its messages.
 */
import { parentPort } from 'node:worker_threads';
import type {
  ChatHistoryItem,
  GbnfJsonSchema,
  Llama,
  LlamaContext,
  LlamaContextSequence,
  LlamaGrammar,
  LlamaModel,
} from 'node-llama-cpp' with { 'resolution-mode': 'import' };
import type { FromThread, LoadSettings, ThreadFailure, ToThread } from './local-protocol';
import type { LocalPlan } from './local-prompt';

// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- the module's type, for its one dynamic import
type LlamaModule = typeof import('node-llama-cpp', { with: { 'resolution-mode': 'import' } });

const port = parentPort!;
const send = (m: FromThread) => port.postMessage(m);

let lib: Promise<LlamaModule> | null = null;
const llamaModule = () => (lib ??= import('node-llama-cpp'));

interface Loaded {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  free: LlamaContextSequence[];
  waiting: Array<(sequence: LlamaContextSequence) => void>;
  grammars: Map<string, Promise<LlamaGrammar>>;
}

let loaded: Promise<Loaded> | null = null;
const aborts = new Map<number, AbortController>();

async function load(settings: LoadSettings): Promise<Loaded> {
  const { getLlama } = await llamaModule();
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: 'error' as never, progressLogs: false });
  const model = await llama.loadModel({ modelPath: settings.path });
  const context = await model.createContext({
    contextSize: Math.min(settings.contextSize, model.trainContextSize),
    sequences: settings.sequences,
    threads: settings.threads,
  });
  const free = Array.from({ length: settings.sequences }, () => context.getSequence());
  return { llama, model, context, free, waiting: [], grammars: new Map() };
}

function acquire(l: Loaded): Promise<LlamaContextSequence> {
  const sequence = l.free.pop();
  return sequence ? Promise.resolve(sequence) : new Promise((resolve) => l.waiting.push(resolve));
}

function release(l: Loaded, sequence: LlamaContextSequence): void {
  const next = l.waiting.shift();
  if (next) next(sequence);
  else l.free.push(sequence);
}

function grammarOf(l: Loaded, schema: LocalPlan['grammar']): Promise<LlamaGrammar> | undefined {
  if (!schema) return undefined;
  const key = JSON.stringify(schema);
  let grammar = l.grammars.get(key);
  if (!grammar) {
    // The schema is already narrowed to the grammar subset (local-prompt.ts); its shape is not known statically.
    const create = l.llama.createGrammarForJsonSchema.bind(l.llama) as (schema: GbnfJsonSchema) => Promise<LlamaGrammar>;
    grammar = create(schema as GbnfJsonSchema);
    grammar.catch(() => l.grammars.delete(key));
    if (l.grammars.size > 64) l.grammars.delete(l.grammars.keys().next().value!);
    l.grammars.set(key, grammar);
  }
  return grammar;
}

async function generate(id: number, plan: LocalPlan, controller: AbortController): Promise<void> {
  if (!loaded) throw Object.assign(new Error('the model was not loaded'), { failure: 'load' });
  const l = await loaded.catch((error: unknown) => {
    throw Object.assign(new Error(`cannot load the model: ${messageOf(error)}`), { failure: 'load' });
  });
  const { LlamaChat } = await llamaModule();
  const grammar = await grammarOf(l, plan.grammar);
  const sequence = await acquire(l);
  const chat = new LlamaChat({ contextSequence: sequence, autoDisposeSequence: false });
  try {
    if (controller.signal.aborted) throw Object.assign(new Error('aborted'), { failure: 'aborted' });
    const history = plan.history as ChatHistoryItem[];
    const inputTokens = chat.chatWrapper.generateContextState({ chatHistory: history }).contextText.tokenize(l.model.tokenizer).length;
    const room = l.context.contextSize - inputTokens;
    if (room < 1)
      throw Object.assign(new Error(`the prompt is ${inputTokens} tokens; the context holds ${l.context.contextSize}`), { failure: 'too_long' });
    let outputTokens = 0;
    const result = await chat.generateResponse(history, {
      maxTokens: Math.min(plan.maxTokens ?? room, room),
      temperature: plan.temperature,
      grammar,
      // Small models fall into broken-record loops in prose; DRY forbids verbatim repeats. Grammar-bound JSON repeats
      // its keys on purpose, so it goes without.
      dryRepeatPenalty: grammar ? undefined : { strength: 0.8, base: 1.75, allowedLength: 2 },
      signal: controller.signal,
      stopOnAbortSignal: false,
      onTextChunk: (text) => send({ type: 'delta', id, text }),
      onToken: (tokens) => (outputTokens += tokens.length),
    });
    const reason = result.metadata.stopReason;
    send({
      type: 'done',
      id,
      text: result.response,
      inputTokens,
      outputTokens,
      stop: reason === 'maxTokens' ? 'maxTokens' : reason === 'eogToken' || reason === 'stopGenerationTrigger' ? 'eos' : 'other',
    });
  } finally {
    chat.dispose({ disposeSequence: false });
    release(l, sequence);
  }
}

async function info(id: number, path: string): Promise<void> {
  const { readGgufFileInfo } = await llamaModule();
  const gguf = await readGgufFileInfo(path, { readTensorInfo: false });
  const arch = gguf.metadata.general.architecture as string;
  const contextLength = Number((gguf.architectureMetadata as { context_length?: number }).context_length);
  send({ type: 'info', id, info: { contextLength, architecture: arch, name: gguf.metadata.general.name ?? null } });
}

port.on('message', (m: ToThread) => {
  switch (m.type) {
    case 'load':
      loaded ??= load(m.settings);
      loaded.catch(() => undefined);
      return;
    case 'info':
      info(m.id, m.path).catch((error: unknown) => send({ type: 'error', id: m.id, failure: 'load', message: messageOf(error) }));
      return;
    case 'generate': {
      const controller = new AbortController();
      aborts.set(m.id, controller);
      generate(m.id, m.plan, controller)
        .catch((error: unknown) => {
          const failure: ThreadFailure = controller.signal.aborted ? 'aborted' : ((error as { failure?: ThreadFailure }).failure ?? 'failed');
          send({ type: 'error', id: m.id, failure, message: messageOf(error) });
        })
        .finally(() => aborts.delete(m.id));
      return;
    }
    case 'abort':
      aborts.get(m.id)?.abort();
      return;
    case 'close':
      void close();
      return;
  }
});

async function close(): Promise<void> {
  for (const controller of aborts.values()) controller.abort();
  const l = await loaded?.catch(() => null);
  await l?.context.dispose();
  await l?.model.dispose();
  await l?.llama.dispose();
  port.close();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
