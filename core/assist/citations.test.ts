import { lineCount, MAX_CITATIONS, parseCitations } from './citations';

const files = new Map([
  ['src/a.ts', 20],
  ['README.md', 5],
  ['src/deep/b.test.ts', 8],
]);

describe('parseCitations', () => {
  it('finds lines and ranges in prose, code spans and lists, in order', () => {
    const text = 'See `src/a.ts:12` and src/deep/b.test.ts:3-6. The README (README.md:2) explains it; also src/a.ts#L4-L5.';
    expect(parseCitations(text, files)).toEqual([
      { path: 'src/a.ts', line: 12 },
      { path: 'src/deep/b.test.ts', line: 3, endLine: 6 },
      { path: 'README.md', line: 2 },
      { path: 'src/a.ts', line: 4, endLine: 5 },
    ]);
  });

  it('drops files the project does not have and lines outside the file', () => {
    expect(parseCitations('src/made-up.ts:3, src/a.ts:21, src/a.ts:0, README.md:5', files)).toEqual([{ path: 'README.md', line: 5 }]);
  });

  it('cuts a range at the end of the file and ignores a backwards range', () => {
    expect(parseCitations('src/a.ts:18-40 and README.md:4-2', files)).toEqual([
      { path: 'src/a.ts', line: 18, endLine: 20 },
      { path: 'README.md', line: 4 },
    ]);
  });

  it('reads ./ prefixes and a sentence-ending dot, and not the tail of a longer path or a URL', () => {
    const text = 'In ./src/a.ts:7. Not lib/src/a.ts:8 nor http://README.md:3 nor src/a.ts:123456.';
    expect(parseCitations(text, files)).toEqual([{ path: 'src/a.ts', line: 7 }]);
  });

  it('lists each spot once and at most MAX_CITATIONS', () => {
    expect(parseCitations('src/a.ts:1 src/a.ts:1 src/a.ts:1-1', files)).toEqual([{ path: 'src/a.ts', line: 1 }]);
    const many = new Map([['big.txt', 1000]]);
    const text = Array.from({ length: 80 }, (_, i) => `big.txt:${i + 1}`).join(' ');
    expect(parseCitations(text, many)).toHaveLength(MAX_CITATIONS);
  });
});

it('lineCount counts lines as an editor shows them', () => {
  expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n\n')]).toEqual([0, 1, 1, 2, 3]);
});
