import { agentClass, agentCursorCss, cssString, remoteCursorCss } from './cursor-styles';

describe('cursor styles', () => {
  it("colours y-monaco's selection and caret classes of a client and labels the caret with the name", () => {
    const css = remoteCursorCss(42, { name: 'Ada', color: '#c0392b' });
    expect(css).toContain('.yRemoteSelection-42 { background-color: rgba(192, 57, 43, 0.25); }');
    expect(css).toContain('.yRemoteSelectionHead-42 {');
    expect(css).toContain('border-left: 2px solid #c0392b;');
    expect(css).toContain('.yRemoteSelectionHead-42::after {\n  content: "Ada";');
    expect(css).toContain('color: #ffffff;');
  });

  it('cannot be broken out of by a name or a colour', () => {
    const css = remoteCursorCss(7, {
      name: 'x"; } body { display: none; } .a::after { content: "',
      color: 'red;}*{x:y',
    });
    // The name stays inside one string literal: its quote is escaped, so the rule never closes early.
    expect(css).toMatch(/^  content: "x\\22 ; } body \{ display: none; } \.a::after ";$/m);
    expect(css.match(/"/g)).toHaveLength(2);
    expect(css).toContain('border-left: 2px solid #667085;');
    expect(cssString('a\\b\nc')).toBe('"a\\5c b\\a c"');
  });

  it("draws an agent's caret with a robot and its name, in a class safe for any role", () => {
    expect(agentClass('coder')).toBe('agentCursor-coder');
    expect(agentClass('x y.z"')).toBe('agentCursor-xyz');
    const css = agentCursorCss('coder', { name: 'The coder', color: '#d35400' });
    expect(css).toContain('.agentCursor-coder::after {\n  content: "The coder";');
    expect(css).toContain('background-image: url("data:image/svg+xml,%3Csvg');
    expect(css).toContain('.agentLine-coder { background-color: rgba(211, 84, 0, 0.12); }');
  });
});
