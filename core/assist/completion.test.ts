import { ASSIST_LIMITS } from '../../contracts/assist';
import { cleanCompletion, completionRequest, completionWindow } from './completion';

const around = { prefix: 'export function add(a: number, b: number) {\n  return ', suffix: '\n}\n' };

describe('completionRequest', () => {
  it('asks to fill the cursor of the file, short and near-deterministic', () => {
    const request = completionRequest({ path: 'src/add.ts', ...around });
    expect(request.maxOutputTokens).toBe(64);
    expect(request.temperature).toBe(0.2);
    expect(request.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('ONLY the code to insert') });
    expect(request.messages[1]).toEqual({ role: 'user', content: `File src/add.ts (typescript):\n${around.prefix}<CURSOR>${around.suffix}` });
    expect(completionRequest({ path: 'x.txt', language: 'python', ...around }).messages[1]!.content).toMatch(/^File x\.txt \(python\)/);
  });

  it('sends the end of a long prefix and the start of a long suffix, cut at line starts', () => {
    const prefix = 'x'.repeat(10) + '\n' + 'a\n'.repeat(ASSIST_LIMITS.completionPrefixMax) + 'let v = ';
    const suffix = ';\n' + 'b\n'.repeat(ASSIST_LIMITS.completionSuffixMax);
    const sent = completionWindow({ prefix, suffix });
    expect(sent.prefix.length).toBeLessThanOrEqual(ASSIST_LIMITS.completionPrefixMax);
    expect(sent.prefix.endsWith('a\nlet v = ')).toBe(true);
    expect(sent.prefix.startsWith('a\n')).toBe(true);
    expect(sent.suffix.length).toBeLessThanOrEqual(ASSIST_LIMITS.completionSuffixMax);
    expect(sent.suffix.startsWith(';\n')).toBe(true);
    expect(sent.suffix.endsWith('\n')).toBe(true);
    expect(completionWindow(around)).toEqual(around);
  });
});

describe('cleanCompletion', () => {
  it('keeps a plain answer as it is', () => {
    expect(cleanCompletion('a + b;', around)).toBe('a + b;');
  });

  it('takes the code out of a fence and drops the cursor marker', () => {
    expect(cleanCompletion('```ts\na + b;\n```', around)).toBe('a + b;');
    expect(cleanCompletion('Here:\n```typescript\na + b;<CURSOR>\n```\nDone.', around)).toBe('a + b;');
  });

  it('drops an echo of the cursor line', () => {
    expect(cleanCompletion('  return a + b;', around)).toBe('a + b;');
    expect(cleanCompletion('return a + b;', around)).toBe('a + b;');
  });

  it('stops where the reply runs into the code after the cursor', () => {
    const mid = { prefix: 'const total = ', suffix: '\nconsole.log(total);\n' };
    expect(cleanCompletion('items.length;\nconsole.log(total);', mid)).toBe('items.length;');
  });

  it('keeps leading indentation of a new line and never exceeds the cap', () => {
    const block = { prefix: 'if (ok) {\n', suffix: '}\n' };
    expect(cleanCompletion('  run();\n', block)).toBe('  run();\n');
    expect(cleanCompletion('x'.repeat(5_000), around)).toHaveLength(1_000);
    expect(cleanCompletion('', around)).toBe('');
  });
});
