import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';
import type { ModelInfo } from './model-info';
import { readGgufInfo } from './providers/local/local-protocol';

/** The small model `npm start` and the tests fetch into `<tools>/models/` (infra/src/services/local-model.ts). */
export const DEFAULT_LOCAL_MODEL_FILE = 'SmolLM2-135M-Instruct.Q4_1.gguf';

/** The context a local model gets unless ATELIER_LOCAL_MODEL_CONTEXT says otherwise (and its training allows). */
export const DEFAULT_LOCAL_CONTEXT = 8192;

/** The local GGUF model a process serves: its catalog id, its file and the context it runs with. */
export interface LocalModelFile {
  /** `local/<file name>`. */
  id: string;
  path: string;
  contextWindow: number;
}

export interface LocalModelEnv {
  ATELIER_LOCAL_MODEL?: string;
  ATELIER_LOCAL_MODEL_CONTEXT?: number;
}

/**
 * The local model from configuration: ATELIER_LOCAL_MODEL (a .gguf path; `off` disables it), else the fetched
 * SmolLM2 in `<toolsDir>/models/` when it is there, else none. Reads the file's header only (the trained
 * context length); a configured file that is missing or not a GGUF is a ConfigError.
 */
export async function localModelOf(env: LocalModelEnv, toolsDir: string): Promise<LocalModelFile | null> {
  const setting = env.ATELIER_LOCAL_MODEL?.trim();
  if (setting === 'off') return null;
  const file = setting ? path.resolve(setting) : path.join(toolsDir, 'models', DEFAULT_LOCAL_MODEL_FILE);
  if (!fs.existsSync(file)) {
    if (setting) throw new ConfigError([`ATELIER_LOCAL_MODEL: no file at ${file}`]);
    return null;
  }
  let trained: number;
  try {
    trained = (await readGgufInfo(file)).contextLength;
  } catch (error) {
    throw new ConfigError([`ATELIER_LOCAL_MODEL: ${file} is not a readable GGUF model (${error instanceof Error ? error.message : String(error)})`]);
  }
  const cap = env.ATELIER_LOCAL_MODEL_CONTEXT ?? DEFAULT_LOCAL_CONTEXT;
  const contextWindow = Number.isFinite(trained) && trained > 0 ? Math.min(trained, cap) : cap;
  return { id: `local/${path.basename(file)}`, path: file, contextWindow };
}

/** The catalog entry of a local model: free, streaming, tools through a grammar. */
export function localCatalogEntry(local: LocalModelFile): ModelInfo {
  const name = path.basename(local.path);
  return {
    id: local.id,
    provider: 'local',
    vendorModel: name,
    displayName: `${name.replace(/\.gguf$/i, '')} (local)`,
    contextWindow: local.contextWindow,
    maxOutputTokens: Math.min(2048, local.contextWindow),
    streaming: true,
    vision: false,
    functionCalling: true,
    reasoning: false,
    pricing: { inputPer1kUsd: 0, outputPer1kUsd: 0, inputPer1kInr: 0, outputPer1kInr: 0 },
  };
}
