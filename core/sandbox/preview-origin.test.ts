import { PreviewOrigin, PreviewOriginError } from './preview-origin';

const ID = '0b7f0d3e-2f7a-4c55-9a53-1f1f6e0b8a11';

describe('PreviewOrigin', () => {
  it('defaults to http://*.preview.localhost:<port>, where __Host- cookies work (browsers treat *.localhost as secure)', () => {
    const origin = PreviewOrigin.from(undefined, 4001);
    expect(origin.pattern).toBe('http://*.preview.localhost:4001');
    expect(origin.urlFor(ID)).toBe(`http://${ID}.preview.localhost:4001/`);
    expect(origin.secureCookies).toBe(true);
  });

  it('names a sandbox only for <uuid>.<suffix> with the right port', () => {
    const origin = PreviewOrigin.from(undefined, 4001);
    expect(origin.sandboxIdOf(`${ID}.preview.localhost:4001`)).toBe(ID);
    expect(origin.sandboxIdOf(`${ID.toUpperCase()}.PREVIEW.localhost:4001`)).toBe(ID);
    for (const host of [undefined, '', `${ID}.preview.localhost`, `${ID}.preview.localhost:4000`, `${ID}.preview.localhost.evil.example:4001`, `x.${ID}.preview.localhost:4001`, 'preview.localhost:4001', `${ID}.evil.example:4001`, 'rebind.attacker.example:4001']) {
      expect(origin.sandboxIdOf(host)).toBeNull();
    }
  });

  it('takes a production wildcard, with the scheme\'s default port optional in Host', () => {
    const origin = PreviewOrigin.from('https://*.preview.example-usercontent.com', 4001);
    expect(origin.urlFor(ID)).toBe(`https://${ID}.preview.example-usercontent.com/`);
    expect(origin.sandboxIdOf(`${ID}.preview.example-usercontent.com`)).toBe(ID);
    expect(origin.sandboxIdOf(`${ID}.preview.example-usercontent.com:443`)).toBe(ID);
    expect(origin.sandboxIdOf(`${ID}.preview.example-usercontent.com:4001`)).toBeNull();
    expect(origin.secureCookies).toBe(true);
    expect(PreviewOrigin.from('http://*.preview.lan:8080', 4001).secureCookies).toBe(false);
  });

  it('refuses a pattern that is not a wildcard origin', () => {
    for (const bad of ['https://preview.example.com', 'https://*.', 'ftp://*.example.com', 'https://*.example.com/path', 'https://a.*.example.com']) {
      expect(() => PreviewOrigin.from(bad, 4001)).toThrow(PreviewOriginError);
    }
  });
});
