/** An eval run's numbers: pass@1, tokens, cost, time per problem, failures by kind, edit-apply rate per tool. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { EDIT_TOOLS, type EditTool } from '../../contracts/assist';
import { percentile } from '../stats';
import { FAILURE_KINDS, type FailureKind } from './humaneval-check';
import { HUMANEVAL_WHEEL } from './humaneval-data';
import type { EvalRun, ProblemResult } from './humaneval';

const Q = (samples: number[]) => ({ p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) });

export interface EvalReport {
  eval: 'humaneval';
  dataset: string;
  runId: string;
  model: string;
  /** How many problems each model answered (a fallback shows up here). */
  answeredBy: Record<string, number>;
  startedAt: string;
  problems: number;
  passed: number;
  passAt1: number;
  tokens: { input: number; output: number };
  costUsd: number;
  /** Per problem, in ms: the whole (model + parse + check), the model call, the sandbox check; `wall` is the run's. */
  timeMs: { p50: number; p95: number; total: number; wall: number; model: { p50: number; p95: number }; check: { p50: number; p95: number } };
  failures: Record<FailureKind, number>;
  editApply: Record<EditTool, { attempts: number; applied: number; rate: number | null }>;
  shapes: { function: number; body: number };
  machine: { cpus: number; loadavg1: number };
  results: ProblemResult[];
}

export function summarise(run: EvalRun): EvalReport {
  const r = run.results;
  const failures = Object.fromEntries(FAILURE_KINDS.map((k) => [k, r.filter((x) => x.kind === k).length])) as Record<FailureKind, number>;
  const answeredBy: Record<string, number> = {};
  for (const x of r) if (x.model) answeredBy[x.model] = (answeredBy[x.model] ?? 0) + 1;
  const passed = r.filter((x) => x.passed).length;
  const checked = r.filter((x) => x.checkMs > 0).map((x) => x.checkMs);
  return {
    eval: 'humaneval',
    dataset: HUMANEVAL_WHEEL,
    runId: run.runId,
    model: run.model,
    answeredBy,
    startedAt: run.startedAt.toISOString(),
    problems: r.length,
    passed,
    passAt1: r.length ? passed / r.length : 0,
    tokens: { input: sum(r.map((x) => x.inputTokens)), output: sum(r.map((x) => x.outputTokens)) },
    costUsd: sum(r.map((x) => x.costUsd)),
    timeMs: {
      ...Q(r.map((x) => x.totalMs)),
      total: round(sum(r.map((x) => x.totalMs))),
      wall: round(run.wallMs),
      model: Q(r.map((x) => x.modelMs)),
      check: Q(checked),
    },
    failures,
    editApply: Object.fromEntries(
      EDIT_TOOLS.map((tool) => {
        const { attempts, applied } = run.editApply[tool];
        return [tool, { attempts, applied, rate: attempts ? applied / attempts : null }];
      }),
    ) as EvalReport['editApply'],
    shapes: { function: r.filter((x) => x.shape === 'function').length, body: r.filter((x) => x.shape === 'body').length },
    machine: { cpus: cpus().length, loadavg1: round(loadavg()[0]!) },
    results: r,
  };
}

/** Writes `<dir>/humaneval-<timestamp>.json` (whole or not at all) and returns its path. */
export function writeReport(report: EvalReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `humaneval-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(`${file}.part`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${file}.part`, file);
  return file;
}

/** The report as a plain table for the terminal. */
export function formatReport(report: EvalReport): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const ms = (n: number) => (Number.isNaN(n) ? '-' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(0)} ms`);
  const t = report.timeMs;
  const rows: [string, string][] = [
    ['model', `${report.model}${Object.keys(report.answeredBy).length > 1 ? ` (answered by ${JSON.stringify(report.answeredBy)})` : ''}`],
    ['pass@1', `${pct(report.passAt1)} (${report.passed}/${report.problems})`],
    ['tokens in / out', `${report.tokens.input} / ${report.tokens.output}`],
    ['cost', `$${report.costUsd.toFixed(4)}`],
    ['per problem p50 / p95', `${ms(t.p50)} / ${ms(t.p95)}`],
    ['  model call p50 / p95', `${ms(t.model.p50)} / ${ms(t.model.p95)}`],
    ['  sandbox check p50 / p95', `${ms(t.check.p50)} / ${ms(t.check.p95)}`],
    ['total (sum) / wall', `${ms(t.total)} / ${ms(t.wall)}`],
    ['failures', FAILURE_KINDS.map((k) => `${k} ${report.failures[k]}`).join(', ')],
    [
      'edit apply (applied/attempts)',
      EDIT_TOOLS.filter((k) => report.editApply[k].attempts)
        .map((k) => `${k} ${report.editApply[k].applied}/${report.editApply[k].attempts}`)
        .join(', ') || '-',
    ],
    ['solution shape', `function ${report.shapes.function}, body ${report.shapes.body}`],
    ['machine', `${report.machine.cpus} cpus, load ${report.machine.loadavg1}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return `\nHumanEval (${report.dataset})\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const round = (n: number) => (Number.isNaN(n) ? n : Math.round(n * 10) / 10);
