import { actionRequest, defaultTestPath, estimateTokens, languageOf, requestTokens, type ActionPromptInput } from './prompts';

const file = ['export function add(a, b) {', '  return a - b;', '}', '', 'export const x = 1;', ''].join('\n');
const base: ActionPromptInput = {
  action: 'fix',
  path: 'src/math.ts',
  language: 'typescript',
  fileContent: file,
  selection: null,
  errorOutput: 'Expected 3, received -1',
  targetPath: 'src/math.ts',
  targetContent: file,
};
const userOf = (input: ActionPromptInput): string => actionRequest(input).messages[1].content;

describe('action prompts', () => {
  it('derives test paths beside the file', () => {
    expect(defaultTestPath('src/a.ts')).toBe('src/a.test.ts');
    expect(defaultTestPath('a.tsx')).toBe('a.test.tsx');
    expect(defaultTestPath('app.py')).toBe('test_app.py');
    expect(defaultTestPath('pkg/app.py')).toBe('pkg/test_app.py');
    expect(defaultTestPath('cmd/x.go')).toBe('cmd/x_test.go');
    expect(defaultTestPath('Makefile')).toBe('Makefile.test');
    expect(defaultTestPath('src/a.test.ts')).toBe('src/a.test.ts');
    expect(defaultTestPath('test_app.py')).toBe('test_app.py');
  });

  it('names languages and estimates tokens', () => {
    expect(languageOf('a/b.py')).toBe('python');
    expect(languageOf('b.ts')).toBe('typescript');
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcdefg')).toBe(2);
    expect(estimateTokens('abcdefgh')).toBe(3);
  });

  it('asks every changing action for one fenced block and explain for prose', () => {
    for (const action of ['refactor', 'fix', 'tests', 'docs', 'new_file'] as const) {
      expect(userOf({ ...base, action, instruction: 'a calculator' })).toContain('ONE fenced code block');
    }
    const explain = actionRequest({ ...base, action: 'explain' });
    expect(explain.messages[1].content).not.toContain('fenced code block');
    expect(explain.maxOutputTokens).toBeLessThan(actionRequest({ ...base, action: 'new_file', instruction: 'x' }).maxOutputTokens);
  });

  it('sends a selection with its context and the error tail for a fix', () => {
    const text = userOf({ ...base, selection: { startLine: 2, endLine: 2, text: '  return a - b;' }, errorOutput: `${'x'.repeat(10_000)}THE END` });
    expect(text).toContain('Selected lines 2-2');
    expect(text).toContain('Context above');
    expect(text).toContain('export function add');
    expect(text).toContain('THE END');
    expect(text.length).toBeLessThan(7_500);
  });

  it('fences code that itself holds a fence', () => {
    const md = 'a\n```js\nx\n```\n';
    const text = userOf({ ...base, action: 'docs', path: 'r.md', language: 'markdown', fileContent: md, targetContent: md });
    expect(text).toContain('````markdown\na\n```js\nx\n```\n````');
  });

  it('tells tests how to import the code and keeps an existing test file', () => {
    const ts = userOf({ ...base, action: 'tests', targetPath: 'test/math.test.ts', targetContent: "it('old', () => {});" });
    expect(ts).toContain('`../src/math`');
    expect(ts).toContain("it('old'");
    const py = userOf({ ...base, action: 'tests', path: 'app.py', language: 'python', targetPath: 'test_app.py', targetContent: '' });
    expect(py).toContain('from app import');
    expect(py).toContain('pytest');
  });

  it('puts a new file description in the prompt and counts the whole request', () => {
    const request = actionRequest({ ...base, action: 'new_file', path: 'solution.py', language: 'python', fileContent: '', instruction: 'def f(x):\n    """Doubles x."""\n', targetContent: '' });
    expect(request.messages[1].content).toContain('"""Doubles x."""');
    expect(requestTokens(request)).toBeGreaterThan(request.maxOutputTokens);
  });
});
