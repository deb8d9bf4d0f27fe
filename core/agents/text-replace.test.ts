import { replaceUnique } from './text-replace';

const file = [
  'class Cart:',
  '    def total(self):',
  '        return sum(self.items)',
  '',
  '    def empty(self):',
  '        return not self.items',
  '',
].join('\n');

describe('replaceUnique', () => {
  test('replaces the one exact occurrence', () => {
    expect(replaceUnique(file, 'sum(self.items)', 'sum(i.price for i in self.items)')).toEqual({
      ok: true,
      loose: false,
      content: file.replace('sum(self.items)', 'sum(i.price for i in self.items)'),
    });
  });

  test('several occurrences are refused with their count', () => {
    expect(replaceUnique(file, 'return', 'yield')).toMatchObject({
      ok: false,
      reason: 'ambiguous',
      count: 2,
      message: expect.stringMatching(/occurs 2 times/),
    });
  });

  test('text quoted with other indentation and trailing spaces matches its lines, re-indented to the file', () => {
    const outcome = replaceUnique(
      file,
      'def total(self):  \n    return sum(self.items)\n',
      'def total(self):\n    items = self.items\n    return sum(items)\n',
    );
    expect(outcome).toEqual({
      ok: true,
      loose: true,
      content: file.replace('        return sum(self.items)', '        items = self.items\n        return sum(items)'),
    });
  });

  test('a miss names the nearest line', () => {
    expect(replaceUnique(file, '    def totals(self, tax):', 'x')).toMatchObject({
      ok: false,
      reason: 'not_found',
      nearestLine: 2,
      message: 'the text to replace was not found; the nearest line is 2: def total(self):',
    });
  });

  test('CRLF files keep CRLF; an empty old text only creates an empty file', () => {
    const crlf = file.replace(/\n/g, '\r\n');
    const outcome = replaceUnique(
      crlf,
      'def empty(self):\n        return not self.items',
      'def empty(self):\n        return len(self.items) == 0',
    );
    expect(outcome.ok && outcome.content).toBe(crlf.replace('return not self.items', 'return len(self.items) == 0'));
    expect(replaceUnique('', '', 'new\n')).toEqual({ ok: true, loose: false, content: 'new\n' });
    expect(replaceUnique(file, '  ', 'x')).toMatchObject({ ok: false, reason: 'empty' });
  });
});
