/**
 * A unified diff replacing a whole file, for agents offered apply_patch but not write_file. One hunk over
 * every line is valid for `git apply` and `patch`; the offline provider has no need for minimal diffs.
 */

function lines(text: string): { lines: string[]; noEol: boolean } {
  if (text === '') return { lines: [], noEol: false };
  const noEol = !text.endsWith('\n');
  return { lines: (noEol ? text : text.slice(0, -1)).split('\n'), noEol };
}

const range = (count: number) => (count === 0 ? '0,0' : `1,${count}`);

/** The diff turning `before` (undefined: the file does not exist yet) into `after`. */
export function wholeFileDiff(path: string, before: string | undefined, after: string): string {
  const old = lines(before ?? '');
  const next = lines(after);
  const side = (sign: string, { lines: l, noEol }: { lines: string[]; noEol: boolean }) => [
    ...l.map((line) => `${sign}${line}`),
    ...(noEol ? ['\\ No newline at end of file'] : []),
  ];
  return [
    before === undefined ? '--- /dev/null' : `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -${range(old.lines.length)} +${range(next.lines.length)} @@`,
    ...side('-', old),
    ...side('+', next),
    '',
  ].join('\n');
}
