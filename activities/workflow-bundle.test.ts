import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadWorkflowBundle } from './workflow-bundle';

/**
 * The cached workflow bundle is rebuilt when anything it contains changes: a workflow in a nested folder, or a
 * file a workflow imports from outside `workflows/`. Before, only top-level `workflows/*.ts` keyed the cache.
 */
let tree: string;
const built: string[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString()) as { msg: string };
      if (line.msg === 'workflow bundle built') built.push(line.msg);
      done();
    },
  }),
);

const write = (path: string, content: string) => {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), content);
};
/** The versions of the two source files a bundle holds (asserting on the whole bundle would print a megabyte). */
const holds = ({ code }: { code: string }) => [...new Set(code.match(/\(v\d\)|(?:Hello|Howdy) from the shared file/g))].sort();
const load = () => loadWorkflowBundle(logger, { dataDir: join(tree, '.data'), workflowsPath: join(tree, 'workflows') });

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'atelier-bundle-'));
  // The bundler resolves @temporalio/workflow from the tree, as it does from the repository.
  symlinkSync(resolve(__dirname, '..', 'node_modules'), join(tree, 'node_modules'), 'dir');
  write('workflows/index.ts', `export * from './team/greet.workflow';\n`);
  write(
    'workflows/team/greet.workflow.ts',
    `import { greeting } from '../../shared/greeting';\nexport async function greetWorkflow(name: string): Promise<string> {\n  return \`\${greeting} \${name} (v1)\`;\n}\n`,
  );
  write('shared/greeting.ts', `export const greeting = 'Hello from the shared file';\n`);
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

it('reuses the cached bundle until a nested workflow or a file it imports changes', async () => {
  const first = await load();
  expect(holds(first)).toEqual(['(v1)', 'Hello from the shared file']);
  expect(await load()).toEqual(first);
  expect(built).toHaveLength(1);

  write(
    'workflows/team/greet.workflow.ts',
    `import { greeting } from '../../shared/greeting';\nexport async function greetWorkflow(name: string): Promise<string> {\n  return \`\${greeting} \${name} (v2)\`;\n}\n`,
  );
  const second = await load();
  expect(holds(second)).toEqual(['(v2)', 'Hello from the shared file']);
  expect(built).toHaveLength(2);

  write('shared/greeting.ts', `export const greeting = 'Howdy from the shared file';\n`);
  const third = await load();
  expect(holds(third)).toEqual(['(v2)', 'Howdy from the shared file']);
  expect(built).toHaveLength(3);

  // Unchanged since: the cache answers, and it holds one bundle per content built.
  expect(await load()).toEqual(third);
  expect(built).toHaveLength(3);
  expect(readdirSync(join(tree, '.data', 'cache')).filter((f) => f.endsWith('.js'))).toHaveLength(3);
}, 120_000);
