/**
 * Turns a proposed `solution.py` into the program HumanEval checks, and checks it in a sandbox (never on the host):
 * `check.py` imports the solution, defines the problem's `check` and calls it on the entry point, under `python3`
 * with a 10 s limit.
 */
import type { SandboxBackend } from '../../sandbox/types';
import type { HumanEvalProblem } from './humaneval-data';

/** Why a problem failed; `passed` problems have none. */
export const FAILURE_KINDS = ['no_code', 'syntax', 'assertion', 'runtime', 'timeout', 'model_error'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** What the model's file looked like: the whole function (or module) or only the function's body. */
export type SolutionShape = 'function' | 'body';

export const CHECK_TIMEOUT_MS = 10_000;

/**
 * The program to check. The prompt (imports, helpers, the signature and its docstring) is a valid module on its own,
 * so it always comes first: a reply that defines the entry point again replaces the prompt's stub (Python keeps the
 * later `def`) and still finds the prompt's imports and helpers; a reply that is only a body (what a completion
 * model writes) is indented under the prompt's signature, as HumanEval's own harness appends completions.
 */
export function programOf(problem: HumanEvalProblem, content: string): { program: string; shape: SolutionShape } {
  const name = problem.entry_point.replace(/[^\w]/g, '');
  if (new RegExp(`^(async\\s+)?def\\s+${name}\\s*\\(`, 'm').test(content)) {
    return { program: `${problem.prompt.trimEnd()}\n\n\n${content.trimEnd()}\n`, shape: 'function' };
  }
  const lines = content.replace(/\s+$/, '').split('\n');
  const first = lines.find((l) => l.trim());
  const indented = first !== undefined && /^\s/.test(first);
  const body = indented ? lines : lines.map((l) => (l.trim() ? `    ${l}` : l));
  return { program: `${problem.prompt}${body.join('\n')}\n`, shape: 'body' };
}

export interface CheckResult {
  passed: boolean;
  kind: Exclude<FailureKind, 'no_code' | 'model_error'> | null;
  /** The last lines of stderr (what failed), at most ~600 characters. */
  detail: string;
  durationMs: number;
}

/** Checks one program in a fresh python sandbox, destroyed afterwards whatever happens. */
export async function checkInSandbox(backend: SandboxBackend, problem: HumanEvalProblem, program: string): Promise<CheckResult> {
  const t0 = performance.now();
  const sandbox = await backend.create({
    runtime: 'python',
    limits: { memoryMb: 512, maxProcesses: 64, cpus: 1, diskMb: 64 },
    metadata: { purpose: 'eval', task: problem.task_id },
  });
  try {
    await sandbox.writeFile('solution.py', program);
    await sandbox.writeFile('check.py', `from solution import *\n\n${problem.test}\n\ncheck(${problem.entry_point})\n`);
    const result = await sandbox.exec('python3 check.py', {
      timeoutMs: CHECK_TIMEOUT_MS,
      maxOutputBytes: 256 * 1024,
      env: { PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: '0' },
    });
    const detail = tail(result.stderr || result.stdout);
    if (result.timedOut) return { passed: false, kind: 'timeout', detail, durationMs: performance.now() - t0 };
    if (result.exitCode === 0) return { passed: true, kind: null, detail: '', durationMs: performance.now() - t0 };
    return { passed: false, kind: kindOf(result.stderr), detail, durationMs: performance.now() - t0 };
  } finally {
    await sandbox.destroy();
  }
}

/** From the traceback's last line: `AssertionError` → assertion, a compile error → syntax, anything else → runtime. */
export function kindOf(stderr: string): 'syntax' | 'assertion' | 'runtime' {
  const last = stderr.trim().split('\n').pop() ?? '';
  if (/^(SyntaxError|IndentationError|TabError)\b/.test(last)) return 'syntax';
  if (/^AssertionError\b/.test(last)) return 'assertion';
  return 'runtime';
}

function tail(text: string): string {
  const t = text.trim();
  return t.length > 600 ? `…${t.slice(-600)}` : t;
}
