import { SaveTracker, saveState } from './save-tracker';

describe('SaveTracker', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const timing = { debounceMs: 300, maxWaitMs: 1500, retryDelayMs: (n: number) => 1000 * n };

  function tracker(answers: boolean[] = []) {
    const sent: string[][] = [];
    let ready = true;
    const t = new SaveTracker(
      async (ids) => {
        sent.push(ids);
        return answers.shift() ?? true;
      },
      () => ready,
      timing,
    );
    return { t, sent, setReady: (value: boolean) => (ready = value) };
  }

  it('tells the server once the edits have been quiet for the debounce, with every file edited', async () => {
    const { t, sent } = tracker();
    t.edited('f1');
    await jest.advanceTimersByTimeAsync(200);
    t.edited('f2');
    t.edited('f1');
    await jest.advanceTimersByTimeAsync(299);
    expect(sent).toEqual([]);
    expect(t.unsaved()).toBe(true);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([['f1', 'f2']]);
    expect(t.unsaved()).toBe(false);
  });

  it('does not wait forever for someone who types without pause', async () => {
    const { t, sent } = tracker();
    for (let i = 0; i < 20; i++) {
      t.edited('f1');
      await jest.advanceTimersByTimeAsync(100);
    }
    expect(sent.length).toBeGreaterThanOrEqual(1);
  });

  it('waits until the edits reached the room before telling the server', async () => {
    const { t, sent, setReady } = tracker();
    setReady(false);
    t.edited('f1');
    await jest.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([]);
    setReady(true);
    t.syncChanged();
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([['f1']]);
  });

  it('retries a refused or failed note until it is accepted, keeping later edits', async () => {
    const { t, sent } = tracker([false, false]);
    t.edited('f1');
    await jest.advanceTimersByTimeAsync(300);
    expect(sent).toEqual([['f1']]);
    t.edited('f2');
    await jest.advanceTimersByTimeAsync(300);
    await jest.advanceTimersByTimeAsync(2000);
    expect(sent.at(-1)).toEqual(['f1', 'f2']);
    expect(t.unsaved()).toBe(false);
  });

  it('stops when disposed', async () => {
    const { t, sent } = tracker();
    t.edited('f1');
    t.dispose();
    await jest.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([]);
  });
});

describe('saveState', () => {
  it('says offline only while something is unsaved, then saving, else saved', () => {
    expect(saveState(false, false, false)).toBe('saved');
    expect(saveState(true, false, false)).toBe('offline');
    expect(saveState(false, true, false)).toBe('offline');
    expect(saveState(false, true, true)).toBe('saving');
    expect(saveState(true, false, true)).toBe('saving');
    expect(saveState(false, false, true)).toBe('saved');
  });
});
