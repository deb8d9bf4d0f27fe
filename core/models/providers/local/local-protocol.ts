/**
 * Messages between the local provider and its model thread (local-llama.worker.ts), and how the thread is
 * started. node-llama-cpp is an ES module with top-level await: the thread loads it with a real `import()`,
 * which also works where the caller's own module system cannot (jest's CommonJS sandbox), and keeps the
 * model's per-token work off the API's event loop.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LocalPlan } from './local-prompt';

export interface LoadSettings {
  path: string;
  threads: number;
  contextSize: number;
  sequences: number;
}

export type ToThread =
  | { type: 'info'; id: number; path: string }
  | { type: 'load'; settings: LoadSettings }
  | { type: 'generate'; id: number; plan: LocalPlan }
  | { type: 'abort'; id: number }
  /** Stop generating, free the model and let the thread end (terminating it while native work runs aborts the process). */
  | { type: 'close' };

/** What went wrong on the thread, as the provider maps it to a ProviderError kind. */
export type ThreadFailure = 'load' | 'too_long' | 'aborted' | 'failed';

export interface GgufInfo {
  /** The model's trained context length (`<architecture>.context_length`). */
  contextLength: number;
  architecture: string;
  name: string | null;
}

export type FromThread =
  | { type: 'info'; id: number; info: GgufInfo }
  | { type: 'delta'; id: number; text: string }
  | {
      type: 'done';
      id: number;
      text: string;
      inputTokens: number;
      outputTokens: number;
      stop: 'eos' | 'maxTokens' | 'other';
    }
  | { type: 'error'; id: number; failure: ThreadFailure; message: string };

/**
 * Starts a model thread. Under tsx (the API, the worker, tests) the thread registers tsx itself to read the
 * TypeScript file; a compiled build runs the sibling .js.
 */
export function startModelThread(): Worker {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `local-llama.worker${ext}`);
  const code = `${ext === '.ts' ? "require('tsx/cjs/api').register();" : ''}require(${JSON.stringify(file)});`;
  return new Worker(code, { eval: true, name: 'atelier-local-model' });
}

/** Reads a GGUF file's header on a short-lived model thread (the model is not loaded). */
export async function readGgufInfo(file: string): Promise<GgufInfo> {
  const thread = startModelThread();
  try {
    return await new Promise<GgufInfo>((resolve, reject) => {
      thread.on('message', (m: FromThread) => {
        if (m.type === 'info') resolve(m.info);
        else if (m.type === 'error') reject(new Error(m.message));
      });
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new Error(`the model thread exited (${code}) before reading ${file}`)));
      thread.postMessage({ type: 'info', id: 0, path: file } satisfies ToThread);
    });
  } finally {
    await thread.terminate();
  }
}
