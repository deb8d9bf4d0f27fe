import { editApplyStats, proposalFromReply, type ProposalInput } from './model-edit';

const base = ['export function add(a, b) {', '  return a + b;', '}', '', 'export function sub(a, b) {', '  return a - b;', '}', ''].join(
  '\n',
);
const propose = (reply: string, extra: Partial<ProposalInput> = {}) => proposalFromReply({ action: 'refactor', base, reply, ...extra });

describe('proposalFromReply', () => {
  beforeEach(() => editApplyStats({ reset: true }));

  test('one fenced block without a selection is the whole file; the prose around it is the note', () => {
    const reply = 'Here it is:\n\n```ts\nexport const add = (a, b) => a + b;\n```\n\nShorter now.';
    expect(propose(reply)).toEqual({
      ok: true,
      tool: 'whole_file',
      content: 'export const add = (a, b) => a + b;\n',
      note: 'Here it is:\n\nShorter now.',
    });
    // A base without a final newline keeps not having one.
    expect(proposalFromReply({ action: 'docs', base: 'x = 1', reply: '```py\n# one\nx = 1\n```' })).toMatchObject({
      content: '# one\nx = 1',
    });
  });

  test('bare code ended by a lone closing fence is the block, with any prose after it as the note', () => {
    const newFile = (reply: string) => proposalFromReply({ action: 'new_file', base: '', reply });
    expect(newFile('def f(x):\n    return x\n```\n')).toEqual({ ok: true, tool: 'whole_file', content: 'def f(x):\n    return x\n', note: '' });
    expect(newFile('def f(x):\n    return x\n```\nThat is it.')).toEqual({
      ok: true,
      tool: 'whole_file',
      content: 'def f(x):\n    return x\n',
      note: 'That is it.',
    });
    // Prose before a lone fence is not code: no edit is taken from it.
    expect(newFile('Sure, here you go\n```\n')).toMatchObject({ ok: false });
  });

  test('with a selection the block replaces the selected lines, moved back to their indentation', () => {
    const reply = '```js\nconst sum = a + b;\nreturn sum;\n```';
    const proposal = propose(reply, { selection: { startLine: 2, endLine: 2 } });
    expect(proposal).toMatchObject({ ok: true, tool: 'fenced_block' });
    expect(proposal.ok && proposal.content).toBe(base.replace('  return a + b;', '  const sum = a + b;\n  return sum;'));
  });

  test('a reply that rewrote the whole file for a selection is taken as the whole file', () => {
    const whole = base.replace('a - b', 'b - a');
    const proposal = propose('```js\n' + whole + '```', { selection: { startLine: 6, endLine: 6 } });
    expect(proposal).toMatchObject({ ok: true, tool: 'whole_file', content: whole });
  });

  test('tests and new_file take the block as the whole new file, whatever the selection', () => {
    const reply = 'Tests:\n```js\ntest("adds", () => expect(add(1, 2)).toBe(3));\n```';
    for (const action of ['tests', 'new_file'] as const) {
      expect(proposalFromReply({ action, base: '', selection: { startLine: 1, endLine: 1 }, reply })).toEqual({
        ok: true,
        tool: 'whole_file',
        content: 'test("adds", () => expect(add(1, 2)).toBe(3));\n',
        note: 'Tests:',
      });
    }
  });

  test('an unclosed fence (the model ran out of tokens) and bare code are still code', () => {
    expect(proposalFromReply({ action: 'new_file', base: '', reply: '```python\ndef f():\n    return 1\n' })).toMatchObject({
      ok: true,
      content: 'def f():\n    return 1\n',
    });
    expect(proposalFromReply({ action: 'new_file', base: '', reply: 'def f():\n    return 1' })).toMatchObject({
      ok: true,
      tool: 'whole_file',
    });
  });

  test('a unified diff applies to the base even with wrong line numbers and counts', () => {
    const reply =
      'Change:\n```diff\n--- a/m.js\n+++ b/m.js\n@@ -9,2 +9,2 @@\n export function sub(a, b) {\n-  return a - b;\n+  return b - a;\n```';
    expect(propose(reply)).toEqual({ ok: true, tool: 'unified_diff', content: base.replace('a - b', 'b - a'), note: 'Change:' });
    // Without fences or headers.
    expect(propose('@@\n-  return a + b;\n+  return b + a;\n')).toMatchObject({ ok: true, content: base.replace('a + b', 'b + a') });
  });

  test('a diff that does not fit is refused with the reason', () => {
    const proposal = propose('```diff\n@@ -1 +1 @@\n-nothing like this\n+x\n```');
    expect(proposal).toMatchObject({ ok: false, tool: 'unified_diff' });
    expect(!proposal.ok && proposal.error).toMatch(/does not apply at hunk 1/);
  });

  test('SEARCH/REPLACE blocks apply in order; indentation drift is tolerated', () => {
    const reply = [
      'm.js',
      '```js',
      '<<<<<<< SEARCH',
      'return a + b;',
      '=======',
      'return b + a;',
      '>>>>>>> REPLACE',
      '```',
      '<<<<<<< SEARCH',
      'export function sub(a, b) {   ',
      '    return a - b;',
      '=======',
      'export function minus(a, b) {',
      '    return a - b;',
      '>>>>>>> REPLACE',
      'Renamed.',
    ].join('\n');
    expect(propose(reply)).toEqual({
      ok: true,
      tool: 'search_replace',
      content: base.replace('a + b', 'b + a').replace('sub(', 'minus('),
      note: 'Renamed.',
    });
  });

  test('a SEARCH text found twice or not at all is refused, naming the count or the nearest line', () => {
    const twice = propose('<<<<<<< SEARCH\n}\n=======\n};\n>>>>>>> REPLACE');
    expect(twice).toEqual({ ok: false, tool: 'search_replace', error: expect.stringMatching(/SEARCH block 1: .*occurs 2 times/) });
    const missing = propose('<<<<<<< SEARCH\nexport function mul(a, b) {\n=======\nx\n>>>>>>> REPLACE');
    expect(!missing.ok && missing.error).toMatch(/nearest line is \d: export function (add|sub)\(a, b\) \{/);
  });

  test('a reply with no code proposes nothing; explain never does', () => {
    expect(propose('I would rename the functions.')).toEqual({ ok: false, tool: null, error: 'the reply has no code block' });
    expect(proposalFromReply({ action: 'explain', base, reply: '```js\nx\n```' })).toMatchObject({ ok: false, tool: null });
  });

  test('CRLF files stay CRLF', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    const proposal = propose('```js\nreturn 0;\n```', { base: crlf, selection: { startLine: 6, endLine: 6 } });
    expect(proposal.ok && proposal.content).toBe(crlf.replace('  return a - b;', '  return 0;'));
  });

  test('editApplyStats counts attempts and applied edits per tool until reset', () => {
    propose('```js\nx\n```');
    propose('```diff\n@@ -1 +1 @@\n-nothing\n+x\n```');
    propose('no code');
    const stats = editApplyStats({ reset: true });
    expect(stats.whole_file).toEqual({ attempts: 1, applied: 1 });
    expect(stats.unified_diff).toEqual({ attempts: 1, applied: 0 });
    expect(stats.search_replace).toEqual({ attempts: 0, applied: 0 });
    expect(editApplyStats().whole_file).toEqual({ attempts: 0, applied: 0 });
  });
});
