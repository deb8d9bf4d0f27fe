import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyUnifiedPatch, PatchConflictError } from './unified-patch';
import { wholeFileDiff } from '../models/offline/unified-diff';

const original = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'].join('\n') + '\n';

/** The diff git itself produces between two versions, so the applier is checked against real patches. */
function gitDiff(before: string, after: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'patch-'));
  writeFileSync(join(dir, 'a'), before);
  writeFileSync(join(dir, 'b'), after);
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '-U2', 'a', 'b'], { cwd: dir });
    return '';
  } catch (error) {
    return String((error as { stdout: Buffer }).stdout);
  }
}

describe('applyUnifiedPatch', () => {
  test('applies the patches git produces: edits, inserts, deletes, several hunks', () => {
    const after = original.replace('two', 'TWO').replace('seven\n', 'seven\nseven and a half\n').replace('four\n', '');
    expect(applyUnifiedPatch('f.txt', original, gitDiff(original, after))).toBe(after);
  });

  test('a whole-file diff from the offline debugger applies, including to a new file', () => {
    expect(applyUnifiedPatch('f.txt', original, wholeFileDiff('f.txt', original, 'new\ncontent\n'))).toBe('new\ncontent\n');
    expect(applyUnifiedPatch('g.txt', '', wholeFileDiff('g.txt', undefined, 'hello\n'))).toBe('hello\n');
  });

  test('a hunk whose lines moved still applies where its context now is', () => {
    const patch = gitDiff(original, original.replace('six', 'SIX'));
    const shifted = 'zero\nminus one\n' + original;
    expect(applyUnifiedPatch('f.txt', shifted, patch)).toBe(shifted.replace('six', 'SIX'));
  });

  test('a patch whose context was changed by someone else is refused, not mangled', () => {
    const patch = gitDiff(original, original.replace('three', 'THREE'));
    const edited = original.replace('three', 'three (edited by a person)');
    expect(() => applyUnifiedPatch('f.txt', edited, patch)).toThrow(PatchConflictError);
    expect(() => applyUnifiedPatch('f.txt', original, 'not a diff')).toThrow(/no @@ hunk/);
  });

  test('agrees with git apply on a random edit', () => {
    const after = original
      .split('\n')
      .map((l, i) => (i % 3 === 0 ? l.toUpperCase() : l))
      .join('\n');
    const patch = gitDiff(original, after);
    const dir = mkdtempSync(join(tmpdir(), 'patch-'));
    writeFileSync(join(dir, 'a'), original);
    writeFileSync(join(dir, 'p.diff'), patch);
    execFileSync('git', ['apply', '--unidiff-zero', 'p.diff'], { cwd: dir });
    // The diff names a → b, so git writes the patched text as b.
    expect(applyUnifiedPatch('a', original, patch)).toBe(readFileSync(join(dir, 'b'), 'utf8'));
  });
});
