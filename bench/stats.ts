/** Percentile helpers and a plain table printer for benchmarks. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Row {
  name: string;
  samples: readonly number[];
}

/** Prints n, p50, p95, p99, mean and max in ms. */
export function printTable(title: string, rows: readonly Row[]): void {
  const fmt = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));
  const header = ['measure', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', 'max ms'];
  const body = rows.map((r) => [
    r.name,
    String(r.samples.length),
    fmt(percentile(r.samples, 50)),
    fmt(percentile(r.samples, 95)),
    fmt(percentile(r.samples, 99)),
    fmt(r.samples.reduce((a, b) => a + b, 0) / r.samples.length),
    fmt(Math.max(...r.samples)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}\n`);
}
