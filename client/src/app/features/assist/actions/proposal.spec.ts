import { rebaseProposal } from './proposal';

const BASE = [
  'import { a } from "./a";',
  '',
  'export function f(x) {',
  '  return a(x);',
  '}',
  '',
  'export const n = 1;',
  '',
].join('\n');
const PROPOSED = BASE.replace('  return a(x);', '  // a never throws\n  return a(x);');

describe('rebaseProposal', () => {
  it('is the proposal itself while the file reads as the model saw it', () => {
    expect(rebaseProposal(BASE, PROPOSED, BASE)).toBe(PROPOSED);
  });

  it('replays the change onto a file edited elsewhere meanwhile', () => {
    const current = `// header\n${BASE}export const m = 2;\n`;
    expect(rebaseProposal(BASE, PROPOSED, current)).toBe(
      `// header\n${PROPOSED}export const m = 2;\n`,
    );
  });

  it('is null (stale) when the lines the change touches were rewritten', () => {
    const current = BASE.replace(
      'export function f(x) {\n  return a(x);\n}',
      'export const f = (y) => y * 2;',
    );
    expect(rebaseProposal(BASE, PROPOSED, current)).toBeNull();
  });

  it('creates a new file from empty', () => {
    expect(rebaseProposal('', 'export const x = 1;\n', '')).toBe('export const x = 1;\n');
  });
});
