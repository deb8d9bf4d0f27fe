/**
 * `npm run bench -- assist [iterations=20] [parts=first-token,local,edits]`: what assist adds and what the local
 * model does on this machine.
 *   first-token  chat and each editor action end to end (mutation → first `assist.delta` on the request's stream,
 *                and → `assist.ready`) against the OpenAI wire fake at a fixed pace, beside `gateway.call` alone
 *                (same fake, same run, rotated order): the overhead is the difference of the p50s.
 *   local        the local GGUF model: load, tokens/s while writing, first token, completion latency p50/p95.
 *   edits        the edit corpus: how many model-written edits each applier takes, old vs new, per tool.
 */
import { availableParallelism, loadavg } from 'node:os';
import { measureEditApply } from './assist/edit-corpus';
import { measureFirstToken } from './assist/first-token';
import { measureLocalModel } from './assist/local-model';
import { percentile, printTable } from './stats';

const PARTS = ['first-token', 'local', 'edits'] as const;

export async function run(args: string[]): Promise<void> {
  const iterations = Number(args[0] ?? 20);
  const parts = (args[1] ?? PARTS.join(',')).split(',');
  process.stdout.write(`assist bench: ${iterations} iterations, parts ${parts.join(', ')}; load ${loadavg()[0]!.toFixed(1)}\n`);

  if (parts.includes('first-token')) {
    const { rows, baseline } = await measureFirstToken(iterations);
    printTable('Time to first token and to the end (OpenAI wire fake: first text at ~20 ms, then a chunk every 5 ms)', rows);
    const base = percentile(baseline.ttft, 50);
    const lines = rows
      .filter((r) => r.name.endsWith(': first token') && !r.name.startsWith('gateway'))
      .map((r) => `  ${r.name.replace(': first token', '').padEnd(18)} +${(percentile(r.samples, 50) - base).toFixed(1)} ms p50 (+${(percentile(r.samples, 95) - percentile(baseline.ttft, 95)).toFixed(1)} ms p95)`);
    process.stdout.write(`\nFirst-token overhead over gateway.call (p50 ${base.toFixed(1)} ms):\n${lines.join('\n')}\n`);
  }

  if (parts.includes('local')) {
    // The default (every core) beside one thread: llama.cpp's threads spin-wait for each other, which a busy machine punishes.
    const threads = [...new Set([1, availableParallelism()])];
    const local = await measureLocalModel(threads, Math.max(3, Math.round(iterations / 4)), iterations);
    if (!local) {
      process.stdout.write('\nLocal model: none (set ATELIER_LOCAL_MODEL or fetch the default with `npm start`); skipped.\n');
    } else {
      for (const r of local) {
        printTable(`Local model ${r.model}, ${r.threads} thread(s) (load ${r.loadMs.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)})`, r.rows);
        const tps = r.tokensPerSecond;
        process.stdout.write(`Tokens/s while writing: p50 ${percentile(tps, 50).toFixed(1)}, min ${Math.min(...tps).toFixed(1)}, max ${Math.max(...tps).toFixed(1)} (n ${tps.length})\n`);
      }
    }
  }

  if (parts.includes('edits')) {
    const results = measureEditApply();
    const width = Math.max(4, ...results.map((r) => r.tool.length));
    const pct = (n: number, of: number) => `${n}/${of} (${((n / of) * 100).toFixed(0)}%)`;
    process.stdout.write(
      `\nEdit apply, the edit corpus (right outcome: the expected file, or a refusal where the edit does not fit)\n${'tool'.padEnd(width)}  old applier     new applier\n` +
        results.map((r) => `${r.tool.padEnd(width)}  ${pct(r.legacy, r.cases).padEnd(14)}  ${pct(r.current, r.cases)}${r.failing.length ? `  (new misses: ${r.failing.join(', ')})` : ''}`).join('\n') +
        '\n',
    );
  }
}
