import { ProviderList, withSaved, withoutProvider } from './keyed-list';

type Entry = { readonly provider: string; readonly hint: string };
type List =
  | { ok: true; value: readonly Entry[] }
  | { ok: false; error: { message: string } }
  | null;

const loaded = (...value: Entry[]): List => ({ ok: true, value });

describe('withSaved', () => {
  it('adds a new provider and keeps the list sorted by provider', () => {
    const list = loaded({ provider: 'netlify', hint: 'a' }, { provider: 'vercel', hint: 'b' });
    expect(withSaved(list, { provider: 'render', hint: 'c' })).toEqual(
      loaded(
        { provider: 'netlify', hint: 'a' },
        { provider: 'render', hint: 'c' },
        { provider: 'vercel', hint: 'b' },
      ),
    );
  });

  it('replaces the entry of the saved provider', () => {
    const list = loaded({ provider: 'netlify', hint: 'old' });
    expect(withSaved(list, { provider: 'netlify', hint: 'new' })).toEqual(
      loaded({ provider: 'netlify', hint: 'new' }),
    );
  });

  it('leaves a list that is loading or failed as it is', () => {
    const failed: List = { ok: false, error: { message: 'down' } };
    expect(withSaved<Entry, List>(null, { provider: 'netlify', hint: 'x' })).toBeNull();
    expect(withSaved(failed, { provider: 'netlify', hint: 'x' })).toBe(failed);
  });
});

describe('withoutProvider', () => {
  it('drops the entry of the provider and keeps the others in order', () => {
    const list = loaded({ provider: 'netlify', hint: 'a' }, { provider: 'vercel', hint: 'b' });
    expect(withoutProvider(list, 'netlify')).toEqual(loaded({ provider: 'vercel', hint: 'b' }));
  });

  it('leaves a list that is loading or failed as it is', () => {
    const failed: List = { ok: false, error: { message: 'down' } };
    expect(withoutProvider<Entry, List>(null, 'netlify')).toBeNull();
    expect(withoutProvider(failed, 'netlify')).toBe(failed);
  });
});

describe('ProviderList', () => {
  it('is empty while loading, then holds what the list call answered', async () => {
    const list = new ProviderList<Entry>();
    const loading = list.load(async () => ({
      ok: true,
      value: [{ provider: 'vercel', hint: 'b' }],
    }));
    expect(list.result()).toBeNull();
    expect(list.rows()).toEqual([]);
    await loading;
    expect(list.rows()).toEqual([{ provider: 'vercel', hint: 'b' }]);
  });

  it('keeps a failed load for the reader and shows no rows', async () => {
    const list = new ProviderList<Entry>();
    await list.load(async () => ({ ok: false, error: { message: 'The server is unreachable.' } }));
    expect(list.result()).toEqual({ ok: false, error: { message: 'The server is unreachable.' } });
    expect(list.rows()).toEqual([]);
  });

  it('puts a saved entry in place, sorted by provider', async () => {
    const list = new ProviderList<Entry>();
    await list.load(async () => ({ ok: true, value: [{ provider: 'vercel', hint: 'b' }] }));
    list.saved({ provider: 'netlify', hint: 'a' });
    expect(list.rows().map((e) => e.provider)).toEqual(['netlify', 'vercel']);
  });

  it('marks the provider as deleting while the delete is in flight, then drops it', async () => {
    const list = new ProviderList<Entry>();
    await list.load(async () => ({ ok: true, value: [{ provider: 'vercel', hint: 'b' }] }));
    let during: string | null = null;
    const deleted = await list.remove('vercel', async () => {
      during = list.deleting();
      return { ok: true, value: true };
    });
    expect(deleted).toBe(true);
    expect(during).toBe('vercel');
    expect(list.deleting()).toBeNull();
    expect(list.rows()).toEqual([]);
  });

  it('keeps the entry and shows why when the delete fails, until the next delete', async () => {
    const list = new ProviderList<Entry>();
    await list.load(async () => ({ ok: true, value: [{ provider: 'vercel', hint: 'b' }] }));
    const failed = await list.remove('vercel', async () => ({
      ok: false,
      error: { message: 'Not allowed.' },
    }));
    expect(failed).toBe(false);
    expect(list.listError()).toBe('Not allowed.');
    expect(list.rows()).toHaveLength(1);
    await list.remove('vercel', async () => ({ ok: true, value: true }));
    expect(list.listError()).toBeNull();
  });
});
