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

  describe('mistakes models make', () => {
    const code = ['function area(r) {', '  const pi = 3.14;', '  return pi * r * r;', '}', '', 'module.exports = { area };', ''].join('\n');
    const fixed = code.replace('3.14', 'Math.PI');

    test('line numbers off by several lines', () => {
      expect(
        applyUnifiedPatch(
          'a.js',
          code,
          '@@ -40,3 +40,3 @@\n function area(r) {\n-  const pi = 3.14;\n+  const pi = Math.PI;\n   return pi * r * r;\n',
        ),
      ).toBe(fixed);
    });

    test('no ---/+++ header and no numbers at all', () => {
      expect(applyUnifiedPatch('a.js', code, '@@ @@\n-  const pi = 3.14;\n+  const pi = Math.PI;')).toBe(fixed);
    });

    test('hunk counts that do not add up, and a blank context line without its space', () => {
      const patch =
        '--- a/a.js\n+++ b/a.js\n@@ -3,9 +3,2 @@\n   return pi * r * r;\n }\n\n-module.exports = { area };\n+module.exports = { area, pi: Math.PI };\n';
      expect(applyUnifiedPatch('a.js', code, patch)).toBe(code.replace('{ area }', '{ area, pi: Math.PI }'));
    });

    test('context with trailing whitespace or other indentation still fits; the file keeps its own context lines', () => {
      const patch = '@@ -1,3 +1,3 @@\nfunction area(r) {   \n-  const pi = 3.14;  \n+  const pi = Math.PI;\n\treturn pi * r * r;\n';
      expect(applyUnifiedPatch('a.js', code, patch)).toBe(fixed);
    });

    test('lines added with the indentation the patch used follow the file’s', () => {
      const patch =
        '@@ -1,4 +1,5 @@\n function area(r) {\n-    const pi = 3.14;\n+    const pi = Math.PI;\n+    if (r < 0) {\n+        return NaN;\n+    }\n     return pi * r * r;\n';
      expect(applyUnifiedPatch('a.js', code, patch)).toBe(
        fixed.replace('  return pi', '  if (r < 0) {\n    return NaN;\n  }\n  return pi'),
      );
    });

    test('CRLF on either side', () => {
      const crlf = code.replace(/\n/g, '\r\n');
      const patch = '@@ -2 +2 @@\n-  const pi = 3.14;\n+  const pi = Math.PI;\n';
      expect(applyUnifiedPatch('a.js', crlf, patch)).toBe(fixed.replace(/\n/g, '\r\n'));
      expect(applyUnifiedPatch('a.js', code, patch.replace(/\n/g, '\r\n'))).toBe(fixed);
    });

    test('prose after the diff is ignored; a context line that drifted is within the fuzz', () => {
      const patch =
        '@@ -1,4 +1,4 @@\n function area(r) {\n-  const pi = 3.14;\n+  const pi = Math.PI;\n   return pi * r * r;\n };\nThis uses the exact constant.';
      expect(applyUnifiedPatch('a.js', code, patch)).toBe(fixed);
    });

    test('a patch for several files applies the part named for this one', () => {
      const patch =
        '--- a/b.js\n+++ b/b.js\n@@ -1 +1 @@\n-x\n+y\n--- a/a.js\n+++ b/a.js\n@@ -2 +2 @@\n-  const pi = 3.14;\n+  const pi = Math.PI;\n';
      expect(applyUnifiedPatch('a.js', code, patch)).toBe(fixed);
    });

    test('a removed line that is not in the file is still a conflict, named by its hunk', () => {
      const patch =
        '@@ -1 +1 @@\n-function area(r) {\n+function area(radius) {\n@@ -3 +3 @@\n-  return 3 * r * r;\n+  return pi * radius * radius;\n';
      expect(() => applyUnifiedPatch('a.js', code, patch)).toThrow(
        'The patch for a.js does not apply at hunk 2: its context does not match the current file',
      );
    });
  });
});
