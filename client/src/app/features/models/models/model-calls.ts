/**
 * Turns the `model.*` events of a project's stream into one entry per model call. A call's text is the
 * deltas of the latest segment seen (an attempt × a model of the fallback chain): a newer `model.started`
 * or delta resets it, an older one is ignored, so a retry or a fallback never shows text twice.
 */
import { EventType } from '@contracts/events';

/** What a finished call used; tokens and costs as the server computed them. */
export interface ModelCallResult {
  readonly model: string;
  readonly offline: boolean;
  readonly totalTokens: number;
  readonly costUsd: number;
  readonly costInr: number;
  readonly fallbackFrom: string | null;
}

/** One model call as the log shows it. */
export interface ModelCallView {
  readonly callKey: string;
  readonly role: string;
  /** `<attempt>.<segment>` of the text shown; null before any. */
  readonly segment: string | null;
  readonly text: string;
  readonly result: ModelCallResult | null;
}

/** The part of a project event the reducer reads. */
export interface ModelEventLike {
  readonly type: string;
  readonly data?: unknown;
}

/** Whether the event belongs to a model call (and carries its key). */
export function modelCallKey(event: ModelEventLike): string | null {
  if (!event.type.startsWith('model.')) return null;
  const key = record(event.data)['callKey'];
  return typeof key === 'string' && key ? key : null;
}

/** The call after one more of its events; `call` is undefined for the first one. */
export function applyModelEvent(
  call: ModelCallView | undefined,
  event: ModelEventLike,
): ModelCallView {
  const data = record(event.data);
  const base: ModelCallView = call ?? {
    callKey: String(data['callKey'] ?? ''),
    role: '',
    segment: null,
    text: '',
    result: null,
  };
  const role = typeof data['role'] === 'string' ? data['role'] : base.role;
  if (event.type === EventType.MODEL_COMPLETED) return { ...base, role, result: resultOf(data) };
  const segment = typeof data['segment'] === 'string' ? data['segment'] : null;
  if (segment === null || (event.type !== EventType.MODEL_STARTED && event.type !== EventType.MODEL_DELTA))
    return { ...base, role };
  const order = base.segment === null ? 1 : compareSegments(segment, base.segment);
  if (order < 0) return base;
  const text = order > 0 ? '' : base.text;
  const delta =
    event.type === EventType.MODEL_DELTA && typeof data['text'] === 'string' ? data['text'] : '';
  return { ...base, role, segment, text: text + delta };
}

/** Orders `<attempt>.<segment>` numerically (so `10.0` is after `9.3`). */
export function compareSegments(a: string, b: string): number {
  const [aAttempt = 0, aSeg = 0] = a.split('.').map(Number);
  const [bAttempt = 0, bSeg = 0] = b.split('.').map(Number);
  return aAttempt - bAttempt || aSeg - bSeg;
}

function resultOf(data: Record<string, unknown>): ModelCallResult {
  const usage = record(data['usage']);
  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  return {
    model: typeof data['model'] === 'string' ? data['model'] : 'unknown model',
    offline: data['offline'] === true,
    totalTokens:
      num(usage['totalTokens']) || num(usage['inputTokens']) + num(usage['outputTokens']),
    costUsd: num(data['costUsd']),
    costInr: num(data['costInr']),
    fallbackFrom: typeof data['fallbackFrom'] === 'string' ? data['fallbackFrom'] : null,
  };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
