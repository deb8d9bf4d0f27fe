import { ancestorsOf, isWithin, likeUnder, parseProjectPath, pathProblem, safeProjectPath } from './file-path';
import { bodyOf, textBody } from './file-content';
import { PathInvalidError } from './file.errors';

describe('project paths', () => {
  it.each([
    'a',
    'src/app.ts',
    '.gitignore',
    'a b/ç/日本.md',
    '...',
    'a/.hidden/x',
    `${'x'.repeat(255)}/y`,
    `${'x'.repeat(255)}/${'y'.repeat(254)}/z`,
  ])('accepts %#: %s', (path) => {
    expect(pathProblem(path)).toBeNull();
    expect(parseProjectPath(path)).toBe(path);
  });

  it.each([
    ['', /required/],
    ['/etc/passwd', /leading "\/"/],
    ['../secret', /"\.\."/],
    ['a/../../b', /"\.\."/],
    ['./a', /"\."/],
    ['a/./b', /"\."/],
    ['a//b', /empty folder name/],
    ['a/', /empty folder name/],
    ['a\0b', /NUL/],
    ['a\\b', /not "\\"/],
    ['a\nb', /control characters/],
    ['a\u007fb', /control characters/],
    ['a\u0085b', /control characters/],
    ['x'.repeat(513), /512 characters/],
    [`${'x'.repeat(256)}/y`, /255 characters/],
  ])('refuses %#: %j with a clear reason', (path, reason) => {
    expect(pathProblem(path)).toMatch(reason);
    expect(() => parseProjectPath(path)).toThrow(PathInvalidError);
    try {
      parseProjectPath(path);
    } catch (error) {
      expect(error).toMatchObject({ code: 'PATH_INVALID', path });
    }
  });

  it('keeps the agents’ leniency (spaces, a leading ./) and their refusals', () => {
    expect(safeProjectPath('  ./src/a.ts ')).toBe('src/a.ts');
    expect(safeProjectPath('.//src/a.ts')).toBe('src/a.ts');
    for (const bad of [42, null, '', '/abs', '../up', 'a/../b', 'a\\b', 'a\0b', 'x'.repeat(600), 'a//b'])
      expect(safeProjectPath(bad)).toBeNull();
  });

  it('relates paths to folders', () => {
    expect(ancestorsOf('a/b/c.ts')).toEqual(['a', 'a/b']);
    expect(ancestorsOf('c.ts')).toEqual([]);
    expect(isWithin('a/b', 'a')).toBe(true);
    expect(isWithin('a', 'a')).toBe(true);
    expect(isWithin('ab/c', 'a')).toBe(false);
    expect(likeUnder('a_b%c')).toBe('a\\_b\\%c/%');
  });
});

describe('file bodies', () => {
  it('stores UTF-8 without NUL as text, byte size, byte-order mark kept', () => {
    expect(bodyOf(Buffer.from('héllo'))).toEqual({ content: 'héllo', binary: false, data: null, size: 6 });
    expect(bodyOf(Buffer.from('\ufeffx')).content).toBe('\ufeffx');
    expect(textBody('日本')).toMatchObject({ size: 6, binary: false });
  });

  it('stores bytes with NUL, or that are not UTF-8, as binary', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bodyOf(png)).toEqual({ content: '', binary: true, data: png, size: 8 });
    expect(bodyOf(Buffer.from('a\0b')).binary).toBe(true);
    expect(bodyOf(Buffer.from([0xc3, 0x28])).binary).toBe(true);
  });
});
