import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { TASK_TYPES, projectFiles, type Blueprint } from './blueprint';
import { BLUEPRINTS, offlineBuildNote, selectBlueprint } from './select-blueprint';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../..');

function resolvesExpress(): boolean {
  try {
    require.resolve('express', { paths: [repoRoot] });
    return true;
  } catch {
    return false;
  }
}

/** Writes the project to a fresh temp dir and runs `command` there. */
async function runIn(
  blueprint: Blueprint,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), `atelier-blueprint-${blueprint.id}-`));
  try {
    for (const file of projectFiles(blueprint)) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    return await run(command, args, { cwd: dir, env, timeout: 60_000 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (err: { code?: number; stdout?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? '' }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `node --test test/` with express found through NODE_PATH (nothing installed or linked). */
function runNodeTests(blueprint: Blueprint): Promise<{ code: number; stdout: string }> {
  return runIn(blueprint, process.execPath, ['--test', 'test/'], {
    PATH: process.env.PATH ?? '/usr/bin',
    NODE_PATH: join(repoRoot, 'node_modules'),
  });
}

// The scaffold starters test builds this venv for the same pinned requirements (activities/scaffold/templates).
const fastapi = BLUEPRINTS.find((b) => b.id === 'fastapi-service')!;
const requirements = fastapi.files.find((f) => f.path === 'requirements.txt')!.content;
const venv = join(repoRoot, '.tools', `starter-fastapi-${createHash('sha256').update(requirements).digest('hex').slice(0, 12)}`);
const withVenv = existsSync(join(venv, '.complete')) ? it : it.skip;

withVenv('fastapi-service passes pytest (skipped until the scaffold starters test has built its venv)', async () => {
  const { code, stdout } = await runIn(fastapi, join(venv, 'bin', 'python'), ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], {
    PATH: process.env.PATH ?? '/usr/bin',
  });
  expect(stdout).toMatch(/\b1 passed\b/);
  expect(code).toBe(0);
});

const nodeBlueprints = BLUEPRINTS.filter((b) => b.testCommand === 'node --test test/');
const withExpress = resolvesExpress() ? it.each : it.skip.each;

describe('blueprint tests pass under node', () => {
  withExpress(nodeBlueprints.map((b) => [b.id, b]))(
    '%s (skipped when express cannot be resolved from the repo root)',
    async (_id, blueprint) => {
      const { code, stdout } = await runNodeTests(blueprint as Blueprint);
      const declared = (blueprint as Blueprint).files.map((f) => f.content.match(/^test\(/gm)?.length ?? 0).reduce((a, b) => a + b, 0);
      expect(declared).toBeGreaterThan(0);
      expect(stdout).toMatch(new RegExp(`# pass ${declared}\\n`));
      expect(stdout).toMatch(/# fail 0/);
      expect(code).toBe(0);
    },
  );

  it('the todo deploy check and benchmark pass on the project', async () => {
    const todo = selectBlueprint('a todo REST API in Express');
    const check = await runIn(todo, '/bin/sh', ['-c', todo.deployCheck!], { PATH: process.env.PATH ?? '/usr/bin' });
    expect(check).toEqual({ code: 0, stdout: 'npm start and the image both run: node src/server.js\n' });
    const bench = await runIn(todo, '/bin/sh', ['-c', todo.benchmark!.command], { PATH: process.env.PATH ?? '/usr/bin' });
    expect(bench.code).toBe(0);
    const metrics = JSON.parse(bench.stdout) as Record<string, number>;
    expect(Object.keys(metrics)).toEqual(Object.keys(todo.benchmark!.budgetMs));
    for (const [name, ms] of Object.entries(metrics)) expect(ms).toBeLessThan(todo.benchmark!.budgetMs[name]!);
  });

  it('a drifted start script fails the deploy check (the check above can fail)', async () => {
    const todo = selectBlueprint('a todo REST API in Express');
    const drifted = {
      ...todo,
      files: todo.files.map((f) =>
        f.path === 'package.json' ? { ...f, content: f.content.replace('"node src/server.js"', '"node src/app.js"') } : f,
      ),
    };
    const check = await runIn(drifted, '/bin/sh', ['-c', todo.deployCheck!], { PATH: process.env.PATH ?? '/usr/bin' });
    expect(check.code).toBe(1);
  });

  it('a broken todo app fails its tests (the check above can fail)', async () => {
    const todo = selectBlueprint('a todo REST API in Express');
    const broken = {
      ...todo,
      files: todo.files.map((f) =>
        f.path === 'src/validate.js' ? { ...f, content: f.content.replace("'title is required'", "'title needed'") } : f,
      ),
    };
    const { code, stdout } = await runNodeTests(broken);
    expect(code).not.toBe(0);
    expect(stdout).toMatch(/# fail [1-9]/);
  });
});

describe('selectBlueprint', () => {
  it.each([
    ['a todo REST API in Express with tests', 'express-todo-api'],
    ['Build me a TODO list API with Node.js', 'express-todo-api'],
    ['a to-do http service', 'express-todo-api'],
    ['a REST API in FastAPI for todos', 'fastapi-service'],
    ['a Python FastAPI service for invoices', 'fastapi-service'],
    ['an Express backend for a blog', 'express-api'],
    ['a REST API for invoices', 'express-api'],
    ['a command line tool that greets people', 'minimal-node'],
    ['', 'minimal-node'],
  ])('%s → %s', (description, id) => {
    expect(selectBlueprint(description).id).toBe(id);
  });
});

describe('offlineBuildNote', () => {
  it('says plainly that a description no blueprint fits gets the fallback, not what was described', () => {
    const note = offlineBuildNote('A URL shortener with click statistics');
    expect(note).toMatchObject({ blueprintId: 'minimal-node', blueprintName: 'Minimal Node project', matched: false });
    expect(note.note).toMatch(/no built-in blueprint fits this description/);
    expect(note.note).toMatch(/not what the description asks for/);
  });

  it('names the matching blueprint without the warning when one fits', () => {
    const note = offlineBuildNote('A todo REST API in Express with tests');
    expect(note).toMatchObject({ blueprintId: 'express-todo-api', matched: true });
    expect(note.note).toMatch(/"Express todo REST API" blueprint, the closest match/);
    expect(note.note).not.toMatch(/not what the description asks for/);
  });
});

describe.each(BLUEPRINTS.map((b) => [b.id, b] as const))('blueprint %s', (_id, blueprint) => {
  const paths = projectFiles(blueprint).map((f) => f.path);

  it('has unique paths, a manifest and tests', () => {
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.some((p) => p === 'package.json' || p === 'requirements.txt')).toBe(true);
    expect(paths.some((p) => /(^|\/)tests?\//.test(p))).toBe(true);
  });

  it('has a plan whose tasks cover every file, with known types and dependencies', () => {
    const ids = blueprint.plan.tasks.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const task of blueprint.plan.tasks) {
      expect(TASK_TYPES).toContain(task.type);
      for (const dep of task.dependencies) expect(ids.slice(0, ids.indexOf(task.id))).toContain(dep);
      for (const file of task.files) expect(paths).toContain(file);
    }
    // Writers (implement, test, deploy, docs) write every file once; the rest read or restore them.
    const written = blueprint.plan.tasks.filter((t) => ['implement', 'test', 'deploy', 'docs'].includes(t.type)).flatMap((t) => t.files);
    expect([...written].sort()).toEqual([...paths].sort());
  });

  it('has a deploy check exactly when its plan deploys, and a benchmark only with an optimize task', () => {
    const types = blueprint.plan.tasks.map((t) => t.type);
    expect(blueprint.deployCheck !== undefined).toBe(types.includes('deploy'));
    if (blueprint.benchmark) expect(types).toContain('optimize');
    expect(types).toContain('debug');
  });
});
