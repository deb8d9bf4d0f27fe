import { withSaved, withoutProvider } from './keyed-list';

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
