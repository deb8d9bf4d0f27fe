import { answerParts, defaultTestCommand, scopeLabel } from './assist-action.models';

describe('assist action models', () => {
  it('splits an answer into prose and code, an unclosed fence running to the end', () => {
    expect(answerParts('Adds docs.\n```ts\nconst a = 1;\n```\nThat is all.')).toEqual([
      { kind: 'text', text: 'Adds docs.' },
      { kind: 'code', lang: 'ts', text: 'const a = 1;' },
      { kind: 'text', text: 'That is all.' },
    ]);
    expect(answerParts('Here:\n```py\ndef f(')).toEqual([
      { kind: 'text', text: 'Here:' },
      { kind: 'code', lang: 'py', text: 'def f(' },
    ]);
    expect(answerParts('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('names the scope and a default test command', () => {
    expect(scopeLabel(null)).toBe('the whole file');
    expect(scopeLabel({ startLine: 4, endLine: 4 })).toBe('line 4');
    expect(scopeLabel({ startLine: 2, endLine: 9 })).toBe('lines 2–9');
    expect(defaultTestCommand('app/main.py')).toBe('python3 -m pytest -q');
    expect(defaultTestCommand('src/a.ts')).toBe('npm test');
  });
});
