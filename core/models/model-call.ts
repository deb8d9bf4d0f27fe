import type { FallbackAttempt } from './models.errors';
import type { ModelPurpose, ModelRequest, ModelResponse } from './model-types';

/** One model call as an agent asks for it: the role picks the model, the ids meter and budget it. */
export interface ModelCall {
  /** Stable across retries of the same logical call (workflow id + activity id): the exactly-once key. */
  callKey: string;
  /**
   * Who the call is attributed to. For a personal project (or none) also whose keys, budgets and message
   * windows it uses; for a team project those are the team's, whoever this names.
   */
  userId: string;
  projectId?: string | null;
  runId?: string | null;
  /** An agent role or an assist purpose: picks the model chain. */
  role: ModelPurpose;
  request: Omit<ModelRequest, 'model' | 'agentRole'>;
  /** Text deltas as they arrive; `segment` changes when a fallback model starts over. */
  onDelta?: (text: string, segment: number) => void;
  signal?: AbortSignal;
}

export interface ModelCallResult {
  response: ModelResponse;
  model: string;
  provider: string;
  offline: boolean;
  costUsd: number;
  costInr: number;
  /** The first model tried, when the reply came from a fallback. */
  fallbackFrom: string | null;
  attempts: FallbackAttempt[];
  /** True when the reply was recorded by an earlier attempt of the same call and returned without a vendor call. */
  replayed: boolean;
}
