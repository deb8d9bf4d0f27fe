import { applyModelEvent, compareSegments, type ModelCallView } from './model-calls';
import { toLogEntries } from './event-log-entries';

const started = (segment: string, role = 'coder') => ({
  type: 'model.started',
  data: { callKey: 'c1', segment, role },
});
const delta = (segment: string, text: string) => ({
  type: 'model.delta',
  data: { callKey: 'c1', segment, role: 'coder', text },
});
const completed = (extra: Record<string, unknown> = {}) => ({
  type: 'model.completed',
  data: {
    callKey: 'c1',
    role: 'coder',
    model: 'openai/gpt-4.1',
    offline: false,
    usage: { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 },
    costUsd: 0.006,
    costInr: 0.528,
    fallbackFrom: null,
    ...extra,
  },
});

function fold(events: { type: string; data: unknown }[]): ModelCallView {
  return events.reduce<ModelCallView | undefined>(applyModelEvent, undefined)!;
}

describe('applyModelEvent', () => {
  it('joins the deltas of a segment in order', () => {
    const call = fold([started('1.0'), delta('1.0', 'Hello, '), delta('1.0', 'world')]);
    expect(call).toMatchObject({
      callKey: 'c1',
      role: 'coder',
      segment: '1.0',
      text: 'Hello, world',
    });
  });

  it('replaces the text of an earlier segment when a retried segment starts', () => {
    const call = fold([
      started('1.0'),
      delta('1.0', 'broken hal'),
      started('2.0'),
      delta('2.0', 'whole reply'),
    ]);
    expect(call.text).toBe('whole reply');
    expect(call.segment).toBe('2.0');
  });

  it('starts afresh on a fallback segment even when its started event was missed', () => {
    const call = fold([started('1.0'), delta('1.0', 'first model'), delta('1.1', 'second model')]);
    expect(call.text).toBe('second model');
  });

  it('ignores a late delta of an older segment', () => {
    const call = fold([started('2.0'), delta('2.0', 'new'), delta('1.0', 'stale')]);
    expect(call.text).toBe('new');
  });

  it('keeps the text and records model, tokens, cost and offline on completion', () => {
    const call = fold([started('1.0'), delta('1.0', 'done'), completed({ offline: true })]);
    expect(call.text).toBe('done');
    expect(call.result).toEqual({
      model: 'openai/gpt-4.1',
      offline: true,
      totalTokens: 1500,
      costUsd: 0.006,
      costInr: 0.528,
      fallbackFrom: null,
    });
  });

  it('orders segments numerically', () => {
    expect(compareSegments('10.0', '9.3')).toBeGreaterThan(0);
    expect(compareSegments('2.1', '2.10')).toBeLessThan(0);
    expect(compareSegments('3.2', '3.2')).toBe(0);
  });
});

describe('toLogEntries', () => {
  const ev = (id: string, type: string, data?: unknown) => ({
    id,
    type,
    message: type,
    at: '2026-11-27T10:00:00.000Z',
    data,
  });

  it('folds each call into one entry where it began, between the other events', () => {
    const entries = toLogEntries([
      ev('1-0', 'run.started'),
      ev('2-0', 'model.started', started('1.0').data),
      ev('3-0', 'model.delta', delta('1.0', 'a').data),
      ev('4-0', 'file.created'),
      ev('5-0', 'model.delta', delta('1.0', 'b').data),
      ev('6-0', 'model.completed', completed().data),
    ]);
    expect(entries.map((e) => [e.kind, e.id])).toEqual([
      ['event', '1-0'],
      ['model', '2-0'],
      ['event', '4-0'],
    ]);
    const call = entries[1];
    expect(call?.kind === 'model' && call.call.text).toBe('ab');
    expect(call?.kind === 'model' && call.call.result?.totalTokens).toBe(1500);
  });

  it('keeps a model event without a call key as a plain event', () => {
    expect(toLogEntries([ev('1-0', 'model.delta', null)])[0]?.kind).toBe('event');
  });
});
