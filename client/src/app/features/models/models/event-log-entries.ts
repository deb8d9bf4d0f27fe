import { type ModelCallView, applyModelEvent, modelCallKey } from './model-calls';

/** An event as the log needs it; `data` carries the model events' payload. */
export interface LogEvent {
  readonly id: string;
  readonly type: string;
  readonly message: string;
  readonly at: string;
  readonly data?: unknown;
}

/** A row of the event log: a plain event, or every event of one model call folded into one. */
export type LogEntry<E extends LogEvent = LogEvent> =
  | { readonly kind: 'event'; readonly id: string; readonly event: E }
  | {
      readonly kind: 'model';
      readonly id: string;
      readonly at: string;
      readonly call: ModelCallView;
    };

/**
 * Folds the `model.*` events of each call into one entry, placed where the call's first event was;
 * other events stay as they are. Pure, so the page recomputes it from the events it holds.
 */
export function toLogEntries<E extends LogEvent>(events: readonly E[]): LogEntry<E>[] {
  const entries: LogEntry<E>[] = [];
  const calls = new Map<string, number>();
  for (const event of events) {
    const key = modelCallKey(event);
    if (key === null) {
      entries.push({ kind: 'event', id: event.id, event });
      continue;
    }
    const index = calls.get(key);
    if (index === undefined) {
      calls.set(key, entries.length);
      entries.push({
        kind: 'model',
        id: event.id,
        at: event.at,
        call: applyModelEvent(undefined, event),
      });
      continue;
    }
    const entry = entries[index];
    if (entry?.kind === 'model')
      entries[index] = { ...entry, call: applyModelEvent(entry.call, event) };
  }
  return entries;
}
