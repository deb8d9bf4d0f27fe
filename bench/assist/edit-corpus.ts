/**
 * Edits as models write them (unified diffs and SEARCH/REPLACE blocks, with the mistakes they make) against
 * three small files, each with the content a careful person would have produced, or `null` where the only right
 * answer is to refuse (the edit does not fit the file). `measureEditApply()` runs every case through the old
 * appliers and the new `proposalFromReply` and counts the right outcomes per tool; the assist bench prints it.
 * Measuring bumps `editApplyStats()`.
 */
import type { EditTool } from '../../contracts/assist';
import { proposalFromReply } from '../../core/assist/model-edit';
import { legacyApplyUnifiedPatch } from './legacy-patch';

export interface EditCase {
  name: string;
  tool: Extract<EditTool, 'unified_diff' | 'search_replace'>;
  base: string;
  /** The model's reply (or the patch it sent to apply_patch). */
  edit: string;
  /** The file after the edit; null: the edit must be refused. */
  expected: string | null;
}

const CART = `const TAX = 0.2;

function subtotal(items) {
  let sum = 0;
  for (const item of items) {
    sum += item.price * item.qty;
  }
  return sum;
}

function total(items) {
  return subtotal(items) * (1 + TAX);
}

module.exports = { subtotal, total };
`;

const STATS = `import math


def mean(xs):
    return sum(xs) / len(xs)


def stdev(xs):
    m = mean(xs)
    var = sum((x - m) ** 2 for x in xs) / len(xs)
    return math.sqrt(var)


def median(xs):
    s = sorted(xs)
    n = len(s)
    if n % 2:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2
`;

const SERVER = `import express from 'express';

const app = express();
const port = Number(process.env.PORT ?? 3000);

app.get('/health', (_req, res) => {
\tres.json({ ok: true });
});

app.listen(port, () => {
\tconsole.log(\`listening on \${port}\`);
});
`;

const CRLF_CART = CART.replace(/\n/g, '\r\n');
const lines = (...l: string[]) => l.join('\n') + '\n';
const sr = (search: string, replace: string) => `<<<<<<< SEARCH\n${search}\n=======\n${replace}\n>>>>>>> REPLACE`;

const TAX_FIX = CART.replace('const TAX = 0.2;', 'const TAX = 0.25;');
const SUM_FIX = CART.replace('  let sum = 0;', '  let sum = 0.0;');
const ROUND = CART.replace('  return subtotal(items) * (1 + TAX);', '  return Math.round(subtotal(items) * (1 + TAX) * 100) / 100;');
const SAMPLE_VAR = STATS.replace('/ len(xs)\n    return math', '/ (len(xs) - 1)\n    return math');

const diffs: Omit<EditCase, 'tool'>[] = [
  {
    name: 'git diff, exact',
    base: CART,
    edit: lines(
      '--- a/cart.js',
      '+++ b/cart.js',
      '@@ -1,3 +1,3 @@',
      '-const TAX = 0.2;',
      '+const TAX = 0.25;',
      ' ',
      ' function subtotal(items) {',
    ),
    expected: TAX_FIX,
  },
  {
    name: 'two hunks, exact',
    base: STATS,
    edit: lines(
      '@@ -4,2 +4,4 @@',
      ' def mean(xs):',
      '+    if not xs:',
      '+        return 0.0',
      '     return sum(xs) / len(xs)',
      '@@ -17,3 +19,3 @@',
      '     if n % 2:',
      '         return s[n // 2]',
      '-    return (s[n // 2 - 1] + s[n // 2]) / 2',
      '+    return (s[n // 2 - 1] + s[n // 2]) / 2.0',
    ),
    expected: STATS.replace('def mean(xs):\n', 'def mean(xs):\n    if not xs:\n        return 0.0\n').replace(') / 2\n', ') / 2.0\n'),
  },
  {
    name: 'an insertion, exact',
    base: SERVER,
    edit: lines('@@ -8,2 +8,6 @@', ' });', ' ', "+app.get('/version', (_req, res) => {", "+\tres.json({ version: '1.0.0' });", '+});', '+'),
    expected: SERVER.replace(
      '});\n\napp.listen',
      "});\n\napp.get('/version', (_req, res) => {\n\tres.json({ version: '1.0.0' });\n});\n\napp.listen",
    ),
  },
  {
    name: 'line numbers past the end of the file',
    base: CART,
    edit: lines(
      '@@ -20,3 +20,3 @@',
      ' function total(items) {',
      '-  return subtotal(items) * (1 + TAX);',
      '+  return Math.round(subtotal(items) * (1 + TAX) * 100) / 100;',
      ' }',
    ),
    expected: ROUND,
  },
  {
    name: 'line numbers before the change',
    base: STATS,
    edit: lines(
      '@@ -2,3 +2,3 @@',
      '     m = mean(xs)',
      '-    var = sum((x - m) ** 2 for x in xs) / len(xs)',
      '+    var = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)',
      '     return math.sqrt(var)',
    ),
    expected: SAMPLE_VAR,
  },
  {
    name: 'second hunk numbered as if the first had not moved lines',
    base: CART,
    edit: lines(
      '@@ -1,1 +1,2 @@',
      '+// Prices in cents.',
      ' const TAX = 0.2;',
      '@@ -11,3 +11,3 @@',
      ' function total(items) {',
      '-  return subtotal(items) * (1 + TAX);',
      '+  return Math.round(subtotal(items) * (1 + TAX) * 100) / 100;',
      ' }',
    ),
    expected: '// Prices in cents.\n' + ROUND,
  },
  {
    name: 'a bare @@ @@ header',
    base: STATS,
    edit: lines(
      '@@ @@',
      ' def stdev(xs):',
      '     m = mean(xs)',
      '-    var = sum((x - m) ** 2 for x in xs) / len(xs)',
      '+    var = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)',
    ),
    expected: SAMPLE_VAR,
  },
  {
    name: 'a header without the new range',
    base: STATS,
    edit: lines(
      '@@ -8,4 @@',
      ' def stdev(xs):',
      '     m = mean(xs)',
      '-    var = sum((x - m) ** 2 for x in xs) / len(xs)',
      '+    var = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)',
    ),
    expected: SAMPLE_VAR,
  },
  {
    name: 'no ---/+++ headers',
    base: CART,
    edit: lines('@@ -4,1 +4,1 @@', '-  let sum = 0;', '+  let sum = 0.0;'),
    expected: SUM_FIX,
  },
  {
    name: 'hunk counts that do not add up',
    base: CART,
    edit: lines('@@ -1,10 +1,2 @@', '-const TAX = 0.2;', '+const TAX = 0.25;', ' '),
    expected: TAX_FIX,
  },
  {
    name: 'a header naming the function after the range',
    base: STATS,
    edit: lines(
      '@@ -8,4 +8,4 @@ def stdev(xs):',
      '     m = mean(xs)',
      '-    var = sum((x - m) ** 2 for x in xs) / len(xs)',
      '+    var = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)',
    ),
    expected: SAMPLE_VAR,
  },
  {
    name: 'trailing whitespace on a context line',
    base: CART,
    edit: lines('@@ -3,2 +3,2 @@', ' function subtotal(items) {   ', '-  let sum = 0;', '+  let sum = 0.0;'),
    expected: SUM_FIX,
  },
  {
    name: 'trailing whitespace on the removed line',
    base: CART,
    edit: lines('@@ -4,1 +4,1 @@', '-  let sum = 0;  ', '+  let sum = 0.0;'),
    expected: SUM_FIX,
  },
  {
    name: 'spaces where the file has a tab (context)',
    base: SERVER,
    edit: lines(
      '@@ -6,3 +6,3 @@',
      "-app.get('/health', (_req, res) => {",
      "+app.get('/healthz', (_req, res) => {",
      '   res.json({ ok: true });',
      ' });',
    ),
    expected: SERVER.replace("'/health'", "'/healthz'"),
  },
  {
    name: 'four-space indentation on every line of a two-space file',
    base: CART,
    edit: lines(
      '@@ -5,3 +5,3 @@',
      '     for (const item of items) {',
      '-        sum += item.price * item.qty;',
      '+        sum += item.price * (item.qty ?? 1);',
      '     }',
    ),
    expected: CART.replace('item.price * item.qty', 'item.price * (item.qty ?? 1)'),
  },
  {
    name: 'a CRLF file, an LF patch',
    base: CRLF_CART,
    edit: lines('@@ -4,1 +4,1 @@', '-  let sum = 0;', '+  let sum = 0.0;'),
    expected: SUM_FIX.replace(/\n/g, '\r\n'),
  },
  {
    name: 'a CRLF patch, an LF file',
    base: CART,
    edit: lines('@@ -4,1 +4,1 @@', '-  let sum = 0;', '+  let sum = 0.0;').replace(/\n/g, '\r\n'),
    expected: SUM_FIX,
  },
  {
    name: 'blank context lines without their space',
    base: STATS,
    edit: lines('@@ -5,4 +5,4 @@', '-    return sum(xs) / len(xs)', '+    return math.fsum(xs) / len(xs)', '', '', ' def stdev(xs):'),
    expected: STATS.replace('return sum(xs) / len(xs)', 'return math.fsum(xs) / len(xs)'),
  },
  {
    name: 'a context line without its space, inside the hunk',
    base: CART,
    edit: lines(
      '@@ -3,4 +3,4 @@',
      ' function subtotal(items) {',
      '-  let sum = 0;',
      '+  let sum = 0.0;',
      '  for (const item of items) {',
      '     sum += item.price * item.qty;',
    ),
    expected: SUM_FIX,
  },
  {
    name: 'in a fenced block between prose and a bullet list',
    base: CART,
    edit: [
      'The total should be rounded to cents:',
      '```diff',
      '@@ -11,3 +11,3 @@',
      ' function total(items) {',
      '-  return subtotal(items) * (1 + TAX);',
      '+  return Math.round(subtotal(items) * (1 + TAX) * 100) / 100;',
      ' }',
      '```',
      '- rounds half up',
      '- keeps TAX as it is',
    ].join('\n'),
    expected: ROUND,
  },
  {
    name: 'a context line the model misremembered (within the fuzz)',
    base: CART,
    edit: lines('@@ -1,4 +1,4 @@', ' const TAX = 0.20;', ' ', ' function subtotal(items) {', '-  let sum = 0;', '+  let sum = 0.0;'),
    expected: SUM_FIX,
  },
  {
    name: 'unfenced after a sentence',
    base: CART,
    edit: 'Apply this:\n@@ -1 +1 @@\n-const TAX = 0.2;\n+const TAX = 0.25;\n',
    expected: TAX_FIX,
  },
  {
    name: 'refuse: a removed line that is not in the file',
    base: CART,
    edit: lines('@@ -4,1 +4,1 @@', '-  let total = 0;', '+  let total = 0.0;'),
    expected: null,
  },
  {
    name: 'refuse: a patch for another file',
    base: SERVER,
    edit: lines('@@ -8,3 +8,3 @@', ' def stdev(xs):', '-    m = mean(xs)', '+    m = statistics.mean(xs)', '     var = 0'),
    expected: null,
  },
];

const replaces: Omit<EditCase, 'tool'>[] = [
  { name: 'exact, one line', base: CART, edit: sr('  let sum = 0;', '  let sum = 0.0;'), expected: SUM_FIX },
  {
    name: 'exact, several lines',
    base: STATS,
    edit: sr(
      '    m = mean(xs)\n    var = sum((x - m) ** 2 for x in xs) / len(xs)',
      '    m = mean(xs)\n    var = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)',
    ),
    expected: SAMPLE_VAR,
  },
  {
    name: 'with a file name and fences around it',
    base: CART,
    edit: `cart.js\n\`\`\`js\n${sr('const TAX = 0.2;', 'const TAX = 0.25;')}\n\`\`\`\nTax is 25% now.`,
    expected: TAX_FIX,
  },
  {
    name: 'a method body quoted without its indentation',
    base: STATS,
    edit: sr(
      'm = mean(xs)\nvar = sum((x - m) ** 2 for x in xs) / len(xs)',
      'm = mean(xs)\nvar = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)',
    ),
    expected: SAMPLE_VAR,
  },
  {
    name: 'spaces where the file has tabs',
    base: SERVER,
    edit: sr(
      'app.listen(port, () => {\n  console.log(`listening on ${port}`);\n});',
      'app.listen(port, () => {\n  console.log(`server on ${port}`);\n});',
    ),
    expected: SERVER.replace('listening on', 'server on'),
  },
  {
    name: 'trailing whitespace in the search text',
    base: CART,
    edit: sr(
      'function total(items) {  \n  return subtotal(items) * (1 + TAX); ',
      'function total(items) {\n  return Math.round(subtotal(items) * (1 + TAX) * 100) / 100;',
    ),
    expected: ROUND,
  },
  {
    name: 'a blank line around the search text',
    base: CART,
    edit: sr('\n  let sum = 0;\n', '  let sum = 0.0;'),
    expected: SUM_FIX,
  },
  {
    name: 'a CRLF file',
    base: CRLF_CART,
    edit: sr('  let sum = 0;\n  for (const item of items) {', '  let sum = 0.0;\n  for (const item of items) {'),
    expected: SUM_FIX.replace(/\n/g, '\r\n'),
  },
  {
    name: 'two blocks',
    base: CART,
    edit: `${sr('const TAX = 0.2;', 'const TAX = 0.25;')}\n${sr('  let sum = 0;', '  let sum = 0.0;')}`,
    expected: TAX_FIX.replace('  let sum = 0;', '  let sum = 0.0;'),
  },
  {
    name: 'two blocks, the second with its indentation lost',
    base: STATS,
    edit: `${sr('import math', 'import math\nimport statistics')}\n${sr('s = sorted(xs)\nn = len(s)', 'return statistics.median(xs)')}`,
    expected: STATS.replace('import math\n', 'import math\nimport statistics\n').replace(
      '    s = sorted(xs)\n    n = len(s)\n',
      '    return statistics.median(xs)\n',
    ),
  },
  {
    name: 'deleting lines',
    base: SERVER,
    edit: sr("app.get('/health', (_req, res) => {\n\tres.json({ ok: true });\n});\n\n", ''),
    expected: SERVER.replace("app.get('/health', (_req, res) => {\n\tres.json({ ok: true });\n});\n\n", ''),
  },
  { name: 'a new file from an empty search', base: '', edit: sr('', 'print("hello")'), expected: 'print("hello")\n' },
  { name: 'refuse: the search text occurs twice', base: CART, edit: sr('}', '};'), expected: null },
  { name: 'refuse: the search text is not in the file', base: CART, edit: sr('  let total = 0;', '  let total = 0.0;'), expected: null },
];

export const EDIT_CORPUS: readonly EditCase[] = [
  ...diffs.map((c) => ({ ...c, tool: 'unified_diff' as const })),
  ...replaces.map((c) => ({ ...c, tool: 'search_replace' as const })),
];

const BLOCK = /^<{5,}\s*SEARCH\s*\n([\s\S]*?)\n?={5,}\s*\n([\s\S]*?)\n?>{5,}\s*REPLACE/gm;

/** Before issue 17 nothing applied SEARCH/REPLACE blocks; the baseline is what a plain applier does: exact, unique. */
export function legacySearchReplace(base: string, reply: string): string | null {
  let content = base;
  const blocks = [...reply.matchAll(BLOCK)];
  if (!blocks.length) return null;
  for (const [, search = '', replace = ''] of blocks) {
    if (search === '') {
      if (content !== '') return null;
      content = `${replace}\n`;
      continue;
    }
    const at = content.indexOf(search);
    if (at < 0 || content.indexOf(search, at + 1) >= 0) return null;
    content = content.slice(0, at) + replace + content.slice(at + search.length);
  }
  return content;
}

function legacy(c: EditCase): string | null {
  if (c.tool === 'search_replace') return legacySearchReplace(c.base, c.edit);
  try {
    return legacyApplyUnifiedPatch('file', c.base, c.edit);
  } catch {
    return null;
  }
}

function current(c: EditCase): string | null {
  const proposal = proposalFromReply({ action: 'refactor', base: c.base, reply: c.edit });
  return proposal.ok && proposal.tool === c.tool ? proposal.content : null;
}

export interface EditApplyResult {
  tool: EditCase['tool'];
  cases: number;
  /** Cases the old applier got right (the expected content, or a refusal where one is expected). */
  legacy: number;
  current: number;
  /** Names of the cases the new applier gets wrong. */
  failing: string[];
}

/** Right outcomes per tool, old applier against new, over {@link EDIT_CORPUS}. */
export function measureEditApply(corpus: readonly EditCase[] = EDIT_CORPUS): EditApplyResult[] {
  const tools = [...new Set(corpus.map((c) => c.tool))];
  return tools.map((tool) => {
    const cases = corpus.filter((c) => c.tool === tool);
    const right = (apply: (c: EditCase) => string | null) => cases.filter((c) => apply(c) === c.expected);
    const good = right(current);
    return {
      tool,
      cases: cases.length,
      legacy: right(legacy).length,
      current: good.length,
      failing: cases.filter((c) => !good.includes(c)).map((c) => c.name),
    };
  });
}
