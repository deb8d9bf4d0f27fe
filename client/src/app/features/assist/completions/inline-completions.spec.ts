import { TestBed } from '@angular/core/testing';
import {
  COMPLETE_URL,
  COMPLETION_DEBOUNCE_MS,
  COMPLETION_FETCH,
  InlineCompletions,
} from './inline-completions';

interface Call {
  readonly url: string;
  readonly body: Record<string, unknown>;
  readonly signal: AbortSignal;
  answer(status: number, body: unknown): void;
}

describe('InlineCompletions', () => {
  let calls: Call[];
  let completions: InlineCompletions;
  const query = {
    path: 'src/a.ts',
    language: 'typescript',
    prefix: 'const sum = (a, b) => ',
    suffix: '\n',
  };

  beforeEach(() => {
    jest.useFakeTimers();
    calls = [];
    const fakeFetch = (url: string, init: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const signal = init.signal!;
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        calls.push({
          url,
          body: JSON.parse(String(init.body)) as Record<string, unknown>,
          signal,
          answer: (status, body) =>
            resolve({ ok: status < 400, status, json: async () => body } as Response),
        });
      });
    TestBed.configureTestingModule({
      providers: [
        { provide: COMPLETION_FETCH, useValue: fakeFetch },
        { provide: COMPLETION_DEBOUNCE_MS, useValue: 250 },
      ],
    });
    completions = TestBed.inject(InlineCompletions);
  });
  afterEach(() => jest.useRealTimers());

  it('asks after the debounce and gives the ghost text', async () => {
    const source = completions.source('p1');
    const answer = source(query, new AbortController().signal);
    await jest.advanceTimersByTimeAsync(249);
    expect(calls).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(COMPLETE_URL);
    expect(calls[0]!.body).toEqual({ projectId: 'p1', ...query });
    calls[0]!.answer(200, { text: 'a + b;', model: 'local/x.gguf' });
    await expect(answer).resolves.toBe('a + b;');
  });

  it('never asks when the person types on during the debounce', async () => {
    const typing = new AbortController();
    const answer = completions.source('p1')(query, typing.signal);
    await jest.advanceTimersByTimeAsync(100);
    typing.abort();
    await jest.advanceTimersByTimeAsync(1000);
    await expect(answer).resolves.toBeNull();
    expect(calls).toHaveLength(0);
  });

  it('aborts the request in flight when a new keystroke comes', async () => {
    const source = completions.source('p1');
    const first = new AbortController();
    const answer = source(query, first.signal);
    await jest.advanceTimersByTimeAsync(250);
    expect(calls).toHaveLength(1);
    // Monaco cancels the first request's token on the next keystroke and asks again.
    first.abort();
    const second = source({ ...query, prefix: `${query.prefix}a` }, new AbortController().signal);
    expect(calls[0]!.signal.aborted).toBe(true);
    await expect(answer).resolves.toBeNull();
    await jest.advanceTimersByTimeAsync(250);
    expect(calls).toHaveLength(2);
    calls[1]!.answer(200, { text: ' + b;' });
    await expect(second).resolves.toBe(' + b;');
  });

  it('reports a refusal (rate limit) and clears it once one is answered', async () => {
    const heard: unknown[] = [];
    const source = completions.source('p1', (why) => heard.push(why));
    const refused = source(query, new AbortController().signal);
    await jest.advanceTimersByTimeAsync(250);
    calls[0]!.answer(429, {
      error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many completions this hour.' },
    });
    await expect(refused).resolves.toBeNull();
    const ok = source(query, new AbortController().signal);
    await jest.advanceTimersByTimeAsync(250);
    calls[1]!.answer(200, { text: 'x' });
    await expect(ok).resolves.toBe('x');
    expect(heard).toEqual([
      { status: 429, code: 'RATE_LIMIT_EXCEEDED', message: 'Too many completions this hour.' },
      null,
    ]);
  });

  it('sends at most the limits of prefix and suffix', async () => {
    const long = { ...query, prefix: 'p'.repeat(10_000), suffix: 's'.repeat(5_000) };
    void completions.source('p1')(long, new AbortController().signal);
    await jest.advanceTimersByTimeAsync(250);
    expect((calls[0]!.body['prefix'] as string).length).toBe(6_000);
    expect((calls[0]!.body['suffix'] as string).length).toBe(2_000);
  });
});
