import { answerBlocks, citationLabel, extraCitations } from './assist-text';

const cites = [
  { path: 'src/auth.ts', line: 12, endLine: null },
  { path: 'src/db.ts', line: 3, endLine: 8 },
];

describe('answerBlocks', () => {
  it('links only the cited paths, with the line the text names, and leaves other paths as text', () => {
    const [block] = answerBlocks('Login is in src/auth.ts:14, see also lib/x.ts:2.', cites);
    expect(block).toEqual({
      kind: 'prose',
      parts: [
        { kind: 'text', text: 'Login is in ' },
        { kind: 'cite', text: 'src/auth.ts:14', code: false, cite: { path: 'src/auth.ts', line: 14, endLine: null } },
        { kind: 'text', text: ', see also lib/x.ts:2.' },
      ],
    });
  });

  it('takes ranges, ./ prefixes and citations written as inline code; keeps other inline code and bold', () => {
    const [block] = answerBlocks('The pool (`./src/db.ts:3-8`) uses **one** `Client`.', cites);
    expect(block?.kind === 'prose' && block.parts).toEqual([
      { kind: 'text', text: 'The pool (' },
      { kind: 'cite', text: './src/db.ts:3-8', code: true, cite: { path: 'src/db.ts', line: 3, endLine: 8 } },
      { kind: 'text', text: ') uses ' },
      { kind: 'strong', text: 'one' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'Client' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('splits fenced code blocks from prose and turns # lines into headings', () => {
    const blocks = answerBlocks('## How\nCall it:\n```ts\nlogin(user);\n\nreturn 1;\n```\nDone.');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'prose', 'code', 'prose']);
    expect(blocks[2]).toEqual({ kind: 'code', language: 'ts', code: 'login(user);\n\nreturn 1;' });
  });

  it('shows a fence still open while the answer streams as code to the end, and never HTML', () => {
    const blocks = answerBlocks('Like this:\n```html\n<script>alert(1)</script>\n<b>x');
    expect(blocks.at(-1)).toEqual({ kind: 'code', language: 'html', code: '<script>alert(1)</script>\n<b>x' });
  });
});

describe('extraCitations', () => {
  it('lists the citations the text does not link, once each', () => {
    const blocks = answerBlocks('See src/auth.ts:12.', cites);
    expect(extraCitations(blocks, [...cites, cites[1]!])).toEqual([cites[1]]);
    expect(citationLabel(cites[1]!)).toBe('src/db.ts:3-8');
    expect(citationLabel(cites[0]!)).toBe('src/auth.ts:12');
  });
});
