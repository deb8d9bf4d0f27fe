import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfflineProvider } from '../providers/offline.provider';
import { projectFiles } from './blueprint';
import { selectBlueprint } from './select-blueprint';
import { listFiles, runAgent, runNodeTests, tempWorkspace } from './tool-loop.test-support';

const TODO = 'A todo REST API in Express with tests';
const todo = selectBlueprint(TODO);

function disposeAfter(ws: { dispose(): void }) {
  afterEach(() => ws.dispose());
}

describe('the offline team on a todo REST API', () => {
  it('architect, backend, tester, reviewer and documentation leave a project whose tests pass', async () => {
    const provider = new OfflineProvider();
    const ws = tempWorkspace();
    try {
      const architect = await runAgent(provider, { role: 'architect', dir: ws.dir, userTexts: [TODO] });
      expect(architect.calls.map((c) => c.name)).toEqual(['list_files', 'finish']);
      for (const task of todo.plan.tasks) expect(String(architect.end!.arguments.summary)).toContain(task.title);

      const backend = await runAgent(provider, { role: 'backend', dir: ws.dir, userTexts: [TODO] });
      const backendFiles = todo.plan.tasks.filter((t) => t.role === 'backend').flatMap((t) => t.files);
      expect(backend.calls.filter((c) => c.name === 'write_file').map((c) => c.arguments.path)).toEqual(backendFiles);
      expect(backend.turns).toBe(backendFiles.length + 1);

      const tester = await runAgent(provider, { role: 'tester', dir: ws.dir, userTexts: [TODO] });
      expect(tester.calls.map((c) => c.name)).toEqual(['write_file', 'write_file', 'run_tests', 'finish']);
      expect(tester.end!.arguments.outcome).toBe('done');

      const reviewer = await runAgent(provider, { role: 'reviewer', dir: ws.dir, userTexts: [TODO] });
      expect(reviewer.calls.filter((c) => c.name === 'read_file').length).toBeGreaterThan(0);
      expect(reviewer.end!.arguments.outcome).toBe('approved');

      const docs = await runAgent(provider, { role: 'documentation', dir: ws.dir, userTexts: [TODO] });
      expect(docs.calls.map((c) => [c.name, c.arguments.path])).toEqual([
        ['write_file', 'README.md'],
        ['finish', undefined],
      ]);

      for (const role of ['devops', 'optimizer', 'frontend'] as const) {
        const idle = await runAgent(provider, { role, dir: ws.dir, userTexts: [TODO] });
        expect({ role, calls: idle.calls.map((c) => c.name) }).toEqual({ role, calls: ['finish'] });
      }

      const expected = projectFiles(todo);
      expect(listFiles(ws.dir)).toEqual(expected.map((f) => f.path).sort());
      for (const f of expected) expect(readFileSync(join(ws.dir, f.path), 'utf8')).toBe(f.content);
      const final = await runNodeTests(ws.dir);
      expect(final.output).toMatch(/# fail 0/);
      expect(final.passed).toBe(true);
    } finally {
      ws.dispose();
    }
  });

  describe('with a bug in src/validate.js', () => {
    const broken = projectFiles(todo).map((f) =>
      f.path === 'src/validate.js' ? { ...f, content: f.content.replace("'title is required'", "'title needed'") } : f,
    );
    const ws = tempWorkspace(broken);
    disposeAfter(ws);

    it('the tester hands off to the debugger, who restores the file until the tests pass', async () => {
      const provider = new OfflineProvider();
      const tester = await runAgent(provider, { role: 'tester', dir: ws.dir, userTexts: [TODO] });
      expect(tester.end!.name).toBe('handoff');
      expect(tester.end!.arguments.toRole).toBe('debugger');
      expect(String(tester.end!.arguments.context)).toMatch(/# fail [1-9]/);

      const debug = await runAgent(provider, { role: 'debugger', dir: ws.dir, userTexts: [TODO, String(tester.end!.arguments.context)] });
      const writes = debug.calls.filter((c) => c.name === 'write_file').map((c) => c.arguments.path);
      expect(writes).toEqual(['src/validate.js']);
      expect(debug.end!.arguments.outcome).toBe('done');
      expect(debug.turns).toBeLessThanOrEqual(todo.files.length + 3);
      expect((await runNodeTests(ws.dir)).passed).toBe(true);
    });
  });

  describe('with src/app.js deleted and only apply_patch to fix it', () => {
    const ws = tempWorkspace(projectFiles(todo).filter((f) => f.path !== 'src/app.js'));
    disposeAfter(ws);

    it('the debugger restores the file with a patch git apply accepts', async () => {
      const failure = await runNodeTests(ws.dir);
      expect(failure.passed).toBe(false);
      const debug = await runAgent(new OfflineProvider(), {
        role: 'debugger',
        dir: ws.dir,
        userTexts: [TODO, JSON.stringify(failure)],
        tools: ['read_file', 'apply_patch', 'run_tests', 'finish'],
      });
      expect(debug.calls.filter((c) => c.name === 'apply_patch').map((c) => c.arguments.path)).toEqual(['src/app.js']);
      expect(debug.end!.arguments.outcome).toBe('done');
      expect(readFileSync(join(ws.dir, 'src/app.js'), 'utf8')).toBe(todo.files.find((f) => f.path === 'src/app.js')!.content);
    });
  });
});

it('two teams on two folders make the same calls in the same order', async () => {
  const runs = await Promise.all(
    [tempWorkspace(), tempWorkspace()].map(async (ws) => {
      try {
        const calls = [];
        for (const role of ['architect', 'backend', 'tester', 'reviewer', 'documentation'] as const) {
          calls.push(...(await runAgent(new OfflineProvider(), { role, dir: ws.dir, userTexts: [TODO] })).calls);
        }
        return calls;
      } finally {
        ws.dispose();
      }
    }),
  );
  expect(runs[0]!.length).toBeGreaterThan(10);
  expect(runs[1]).toEqual(runs[0]);
});

describe.each(['an Express backend for a blog', 'a command line tool that greets people'])(
  'the offline coder and tester on "%s"',
  (description) => {
    const ws = tempWorkspace();
    disposeAfter(ws);

    it('write the blueprint and the tests pass', async () => {
      const provider = new OfflineProvider();
      const coder = await runAgent(provider, { role: 'coder', dir: ws.dir, userTexts: [description] });
      expect(coder.end!.name).toBe('finish');
      const tester = await runAgent(provider, { role: 'tester', dir: ws.dir, userTexts: [description] });
      expect(tester.end!.arguments.outcome).toBe('done');
      expect(listFiles(ws.dir).length).toBe(selectBlueprint(description).files.length);
    });
  },
);

describe('scripts follow the request', () => {
  let ws: ReturnType<typeof tempWorkspace>;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(() => ws.dispose());

  it('a message naming a task narrows the backend to its files', async () => {
    const run = await runAgent(new OfflineProvider(), {
      role: 'backend',
      dir: ws.dir,
      userTexts: [TODO, 'Your assignment: task todo-store'],
    });
    expect(run.calls.filter((c) => c.name === 'write_file').map((c) => c.arguments.path)).toEqual(['src/store.js', 'src/validate.js']);
  });

  it('a coder not offered write_file answers in text instead of calling it', async () => {
    const run = await runAgent(new OfflineProvider(), { role: 'coder', dir: ws.dir, userTexts: [TODO], tools: ['read_file', 'finish'] });
    const firstFile = todo.plan.tasks.find((t) => t.type === 'implement')!.files[0]!;
    expect(run.calls).toEqual([]);
    expect(run.text).toContain(`write_file on ${firstFile}, but this request does not offer that tool`);
  });

  it('a reviewer who finds a planned file missing requests changes', async () => {
    const run = await runAgent(new OfflineProvider(), { role: 'reviewer', dir: ws.dir, userTexts: [TODO] });
    expect(run.end!.arguments.outcome).toBe('changes_requested');
    expect(run.end!.arguments.summary).toMatch(/^Missing: src\/app\.js/);
  });

  it('an architect without list_files finishes at once with the plan', async () => {
    const run = await runAgent(new OfflineProvider(), { role: 'architect', dir: ws.dir, userTexts: [TODO], tools: ['finish'] });
    expect(run.turns).toBe(1);
    for (const task of todo.plan.tasks) expect(String(run.end!.arguments.summary)).toContain(task.title);
  });
});
