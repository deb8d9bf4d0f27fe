import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { languageOf, starterTemplates, type TemplateFile } from '.';
import { slugify } from './template';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const project = { name: 'Starter Check', description: 'Checks the starter runs', features: [] };

function writeStarter(files: TemplateFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-starter-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

it('slugs Unicode names to npm-safe names, never an empty one', () => {
  expect(slugify('Café Ünïcode')).toBe('cafe-unicode');
  expect(slugify('Señor_app 2')).toBe('senor-app-2');
  expect(slugify('東京')).toBe('app');
});

it('every starter has a manifest, an entry point and a test', () => {
  for (const [framework, template] of Object.entries(starterTemplates)) {
    const paths = template.render(project).map((f) => f.path);
    expect({ framework, manifest: paths.some((p) => /^(package\.json|requirements\.txt)$/.test(p)) }).toEqual({ framework, manifest: true });
    expect(paths.some((p) => /test/.test(p))).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
  }
});

it('the express starter passes its own test', async () => {
  const dir = writeStarter(starterTemplates.express!.render(project));
  try {
    // The starter pins the same express as this repo, so its node_modules can stand in for `npm install`.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const { stdout } = await run(process.execPath, ['--test', 'test/'], { cwd: dir });
    expect(stdout).toMatch(/# pass 1/);
    expect(stdout).toMatch(/# fail 0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('the fastapi starter passes its own test', async () => {
  const files = starterTemplates.fastapi!.render(project);
  const requirements = files.find((f) => f.path === 'requirements.txt')!.content;
  // One venv per requirements set, kept in .tools so later runs skip the install.
  const venv = join(root, '.tools', `starter-fastapi-${createHash('sha256').update(requirements).digest('hex').slice(0, 12)}`);
  const python = join(venv, 'bin', 'python');
  const dir = writeStarter(files);
  try {
    if (!existsSync(join(venv, '.complete'))) {
      await run('python3', ['-m', 'venv', venv]);
      await run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', join(dir, 'requirements.txt')], { timeout: 300_000 });
      writeFileSync(join(venv, '.complete'), requirements);
    }
    const { stdout } = await run(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], { cwd: dir });
    expect(stdout).toMatch(/1 passed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);

it('maps paths to Monaco languages', () => {
  expect(languageOf('src/app.js')).toBe('javascript');
  expect(languageOf('app/main.py')).toBe('python');
  expect(languageOf('package.json')).toBe('json');
  expect(languageOf('README.md')).toBe('markdown');
  expect(languageOf('.gitignore')).toBe('plaintext');
  expect(languageOf('Dockerfile')).toBe('dockerfile');
});
