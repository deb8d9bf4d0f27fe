import { safeReturnUrl } from './log-in-url';

describe('safeReturnUrl', () => {
  it('keeps paths inside the app', () => {
    expect(safeReturnUrl('/projects/p1?tab=files')).toBe('/projects/p1?tab=files');
    expect(safeReturnUrl('/invitations/tok-1')).toBe('/invitations/tok-1');
  });

  it('refuses other origins, backslashes, control characters, auth pages and server routes', () => {
    for (const bad of [
      '//evil.example/steal',
      'https://evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      '/log-in',
      '/preview/0b7f0d3e-2f7a-4c55-9a53-1f1f6e0b8a11/',
      '/PREVIEW/x',
      '/terminal/x',
      '/graphql',
      '/auth/oauth/github/start',
      null,
      undefined,
    ]) {
      expect(safeReturnUrl(bad)).toBe('/projects');
    }
  });
});
