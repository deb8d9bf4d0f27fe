import { threeWayMerge } from './three-way-merge';

const base = 'const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\n';

describe('threeWayMerge', () => {
  test('edits to different lines combine', () => {
    const ours = base.replace('a = 1', 'a = 10');
    const theirs = base.replace('d = 4', 'd = 40');
    expect(threeWayMerge(ours, base, theirs)).toEqual({ clean: true, text: base.replace('a = 1', 'a = 10').replace('d = 4', 'd = 40') });
  });

  test('edits to the same line conflict and say so', () => {
    const merged = threeWayMerge(base.replace('b = 2', 'b = 20'), base, base.replace('b = 2', 'b = 200'));
    expect(merged.clean).toBe(false);
    expect(merged.text).toContain('<<<<<<<');
  });

  test('one side unchanged takes the other; equal edits are one edit', () => {
    const edit = base.replace('c = 3', 'c = 30');
    expect(threeWayMerge(base, base, edit)).toEqual({ clean: true, text: edit });
    expect(threeWayMerge(edit, base, base)).toEqual({ clean: true, text: edit });
    expect(threeWayMerge(edit, base, edit)).toEqual({ clean: true, text: edit });
  });

  test('an added line and a changed line elsewhere both survive', () => {
    const ours = base + 'const e = 5;\n';
    const theirs = base.replace('a = 1', 'a = 100');
    const merged = threeWayMerge(ours, base, theirs);
    expect(merged).toEqual({ clean: true, text: theirs + 'const e = 5;\n' });
  });
});
