/**
 * Test support: a real agent loop for the offline provider. Tools run against a temp folder on disk and
 * run_tests runs `node --test test/` there, so a simulated team ends with a project whose tests really ran.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AGENT_TOOLS, agentToolSpecs, type AgentToolName, type RunTestsResult } from '../../agents/agent-tools';
import type { AgentRole, ChatMessage, ModelProvider, ToolCall } from '../model-types';
import { checkSchema } from './json-schema';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../../../..');

/** A temp project folder; `dispose` removes it. */
export function tempWorkspace(files: { path: string; content: string }[] = []): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-offline-'));
  for (const f of files) writeFile(dir, f.path, f.content);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function writeFile(dir: string, path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

/** Every file under the folder, relative, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Runs the project's node tests; the result is what the run_tests tool answers. */
export async function runNodeTests(dir: string): Promise<RunTestsResult> {
  const env = { PATH: process.env.PATH ?? '/usr/bin', NODE_PATH: join(repoRoot, 'node_modules') };
  return run(process.execPath, ['--test', 'test/'], { cwd: dir, env, timeout: 60_000 }).then(
    ({ stdout }) => ({ passed: true, exitCode: 0, output: stdout }),
    (err: { code?: number; stdout?: string }) => ({
      passed: false,
      exitCode: typeof err.code === 'number' ? err.code : 1,
      output: err.stdout ?? '',
    }),
  );
}

/** A shell command in the project folder; answers what the run_command tool answers. */
export async function runCommand(dir: string, command: string): Promise<{ exitCode: number; output: string }> {
  const env = { PATH: process.env.PATH ?? '/usr/bin', NODE_PATH: join(repoRoot, 'node_modules') };
  return run('/bin/sh', ['-c', command], { cwd: dir, env, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ exitCode: 0, output: `${stdout}${stderr}` }),
    (err: { code?: number; stdout?: string; stderr?: string }) => ({
      exitCode: typeof err.code === 'number' ? err.code : 1,
      output: `${err.stdout ?? ''}${err.stderr ?? ''}`,
    }),
  );
}

async function execute(dir: string, call: ToolCall): Promise<string> {
  const args = call.arguments as Record<string, string>;
  switch (call.name) {
    case 'list_files':
      return listFiles(join(dir, args.path ?? '.')).join('\n');
    case 'read_file':
      try {
        return readFileSync(join(dir, args.path!), 'utf8');
      } catch {
        return `ENOENT: no such file ${args.path}`;
      }
    case 'write_file':
      writeFile(dir, args.path!, args.content!);
      return `wrote ${args.path}`;
    case 'apply_patch':
      writeFileSync(join(dir, '.offline.patch'), args.patch!);
      try {
        await run('git', ['apply', '.offline.patch'], { cwd: dir });
        return `patched ${args.path}`;
      } catch (err) {
        return `error: ${(err as { stderr?: string }).stderr ?? String(err)}`;
      } finally {
        rmSync(join(dir, '.offline.patch'));
      }
    case 'run_tests':
      return JSON.stringify(await runNodeTests(dir));
    case 'run_command':
      return JSON.stringify(await runCommand(dir, args.command!));
    default:
      return `${call.name} is not simulated`;
  }
}

export interface LoopResult {
  /** The finish or handoff call that ended the loop; undefined when the model answered in text. */
  end?: ToolCall;
  text: string;
  turns: number;
  calls: ToolCall[];
  messages: ChatMessage[];
}

/**
 * Runs one agent until it calls finish or handoff, answers in text, or `maxTurns` pass (then throws).
 * Throws as well when a call names a tool not offered or its arguments fail the tool's JSON Schema.
 */
export async function runAgent(
  provider: ModelProvider,
  options: { role: AgentRole; dir: string; userTexts: string[]; tools?: AgentToolName[]; maxTurns?: number },
): Promise<LoopResult> {
  const tools = agentToolSpecs(options.tools);
  const messages: ChatMessage[] = [
    { role: 'system', content: `You are the ${options.role}.` },
    ...options.userTexts.map((content) => ({ role: 'user' as const, content })),
  ];
  const calls: ToolCall[] = [];
  for (let turn = 1; turn <= (options.maxTurns ?? 30); turn += 1) {
    const response = await provider.generate({ model: 'offline-blueprint', messages, tools, agentRole: options.role });
    messages.push({ role: 'assistant', content: response.text, toolCalls: response.toolCalls });
    if (response.toolCalls.length === 0) return { text: response.text, turns: turn, calls, messages };
    for (const call of response.toolCalls) {
      if (!tools.some((t) => t.name === call.name)) throw new Error(`${call.name} was not offered`);
      const problems = checkSchema(call.arguments, AGENT_TOOLS[call.name as AgentToolName].parameters);
      if (problems.length > 0) throw new Error(`${call.name} arguments: ${problems.join('; ')}`);
      calls.push(call);
      if (call.name === 'finish' || call.name === 'handoff') return { end: call, text: response.text, turns: turn, calls, messages };
      messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content: await execute(options.dir, call) });
    }
  }
  throw new Error(`${options.role} did not finish within ${options.maxTurns ?? 30} turns`);
}
