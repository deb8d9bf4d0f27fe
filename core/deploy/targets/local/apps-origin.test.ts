import { AppsOrigin, AppsOriginError } from './apps-origin';
import { slugCandidate, slugify } from './slug';

describe('AppsOrigin', () => {
  it('defaults to http://*.apps.localhost:<port> and names a project only by <slug>.<suffix> on that port', () => {
    const origin = AppsOrigin.from(undefined, 4002);
    expect(origin.pattern).toBe('http://*.apps.localhost:4002');
    expect(origin.urlFor('todo-app')).toBe('http://todo-app.apps.localhost:4002/');
    expect(origin.slugOf('Todo-App.apps.localhost:4002')).toBe('todo-app');
    for (const host of [undefined, '', 'todo-app.apps.localhost', 'todo-app.apps.localhost:4000', 'a.b.apps.localhost:4002', '-x.apps.localhost:4002', 'apps.localhost:4002', 'todo-app.apps.localhost.evil.example:4002'])
      expect(origin.slugOf(host)).toBeNull();
    expect(origin.covers('anything.apps.localhost:1234')).toBe(true);
    expect(origin.covers('localhost:4002')).toBe(false);
  });

  it('takes a production wildcard and refuses anything else', () => {
    const origin = AppsOrigin.from('https://*.apps.example.com', 4002);
    expect(origin.urlFor('shop')).toBe('https://shop.apps.example.com/');
    expect(origin.slugOf('shop.apps.example.com:443')).toBe('shop');
    for (const bad of ['https://apps.example.com', 'https://*.', 'ftp://*.example.com', 'https://*.example.com/path', 'https://*.a..b'])
      expect(() => AppsOrigin.from(bad, 4002)).toThrow(AppsOriginError);
  });
});

describe('slugify', () => {
  it('makes a host label of at most 40 characters from any name, with room for -2, -3 …', () => {
    expect(slugify('Todo App!')).toBe('todo-app');
    expect(slugify('  Crème brûlée — v2 ')).toBe('creme-brulee-v2');
    expect(slugify('日本語')).toBe('app');
    const long = slugify('a'.repeat(39) + ' b c');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith('-')).toBe(false);
    expect(slugCandidate('todo-app', 1)).toBe('todo-app');
    expect(slugCandidate('todo-app', 3)).toBe('todo-app-3');
    expect(slugCandidate('x'.repeat(40), 12)).toBe(`${'x'.repeat(37)}-12`);
  });
});
