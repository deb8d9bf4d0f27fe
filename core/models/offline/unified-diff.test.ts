import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wholeFileDiff } from './unified-diff';

/** Applies the diff with git apply in a fresh folder holding `before` (if any) and answers the result. */
function applied(before: string | undefined, after: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-diff-'));
  try {
    mkdirSync(join(dir, 'src'));
    if (before !== undefined) writeFileSync(join(dir, 'src/a.js'), before);
    writeFileSync(join(dir, 'fix.patch'), wholeFileDiff('src/a.js', before, after));
    execFileSync('git', ['apply', 'fix.patch'], { cwd: dir, stdio: 'pipe' });
    return existsSync(join(dir, 'src/a.js')) ? readFileSync(join(dir, 'src/a.js'), 'utf8') : '<deleted>';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it.each([
  ['changes lines', 'a\nb\n', 'a\nc\nd\n'],
  ['creates a file', undefined, 'new\nfile\n'],
  ['fills an empty file', '', 'x\n'],
  ['drops the final newline', 'a\n', 'a'],
  ['adds a final newline', 'a', 'a\nb\n'],
])('git apply accepts a whole-file diff that %s', (_what, before, after) => {
  expect(applied(before, after)).toBe(after);
});

it('git apply refuses the diff when the file changed since it was read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-diff-'));
  try {
    writeFileSync(join(dir, 'a.js'), 'changed meanwhile\n');
    writeFileSync(join(dir, 'fix.patch'), wholeFileDiff('a.js', 'as read\n', 'x\n'));
    expect(() => execFileSync('git', ['apply', 'fix.patch'], { cwd: dir, stdio: 'pipe' })).toThrow();
    expect(readFileSync(join(dir, 'a.js'), 'utf8')).toBe('changed meanwhile\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const diff = wholeFileDiff('src/a.js', 'a\nb\n', 'c\n');
  expect(diff).toBe('--- a/src/a.js\n+++ b/src/a.js\n@@ -1,2 +1,1 @@\n-a\n-b\n+c\n');
});
