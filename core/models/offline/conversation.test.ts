import { commandResult, isMissingFile, lastCall, lastLine, readConversation, testsPassed, writtenPaths } from './conversation';

describe('readConversation', () => {
  it('pairs tool results with their calls by id and counts assistant turns', () => {
    const conv = readConversation([
      { role: 'system', content: 'You are the coder.' },
      { role: 'user', content: 'a todo api' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'a', name: 'write_file', arguments: { path: './src/x.js', content: '' } },
          { id: 'b', name: 'read_file', arguments: { path: 'src/y.js' } },
        ],
      },
      { role: 'tool', toolCallId: 'b', name: 'read_file', content: 'y' },
      { role: 'user', content: 'task todo-store' },
    ]);
    expect(conv.description).toBe('a todo api');
    expect(conv.userTexts).toEqual(['a todo api', 'task todo-store']);
    expect(conv.turn).toBe(1);
    expect(conv.exchanges.map((e) => e.result)).toEqual([undefined, 'y']);
    expect([...writtenPaths(conv)]).toEqual(['src/x.js']);
    expect(lastCall(conv, 'read_file', 'src/y.js')).toBe(1);
    expect(lastCall(conv, 'read_file', 'src/x.js')).toBe(-1);
  });
});

describe('testsPassed', () => {
  it.each([
    ['{"passed":true,"exitCode":0,"output":""}', true],
    ['{"passed":false,"exitCode":1,"output":"# pass 3"}', false],
    ['{"exitCode":2,"output":""}', false],
    ['# tests 5\n# pass 5\n# fail 0\n', true],
    ['# tests 5\n# pass 4\n# fail 1\n', false],
    ['Tests:       1 failed, 55 passed, 56 total', false],
    ['Tests:       56 passed, 56 total', true],
    ['===== 3 passed in 0.12s =====', true],
    ['test "validation error messages" ... ok\nexit code 0', true],
    ['command not found', undefined],
    [undefined, undefined],
  ])('%s → %s', (result, expected) => {
    expect(testsPassed(result)).toBe(expected);
  });
});

it('isMissingFile reads only how a result starts, since source code says "not found" too', () => {
  expect(isMissingFile('ENOENT: no such file src/app.js')).toBe(true);
  expect(isMissingFile('{"error":"not found"}')).toBe(true);
  expect(isMissingFile(undefined)).toBe(true);
  expect(isMissingFile("const x = 1;\nres.status(404).json({ error: 'todo not found' });")).toBe(false);
  expect(isMissingFile('')).toBe(false);
});

it('commandResult reads the run_command JSON; plain text is all output with no exit code', () => {
  expect(commandResult('{"exitCode":0,"output":"a\\nb\\n"}')).toEqual({ exitCode: 0, output: 'a\nb\n' });
  expect(commandResult('{"output":"x"}')).toEqual({ output: 'x' });
  expect(commandResult('Error: run_command needs a sandbox')).toEqual({ output: 'Error: run_command needs a sandbox' });
  expect(commandResult(undefined)).toEqual({ output: '' });
  expect(lastLine('first\n {"createMs":1} \n\n')).toBe('{"createMs":1}');
  expect(lastLine('')).toBe('');
});
