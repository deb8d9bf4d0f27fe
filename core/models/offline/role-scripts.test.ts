/** Single roles' scripts under the request's constraints: assignments, missing tools, failing checks. */
import { ROLE_TOOLS } from '../../../workflows/agent-team/prompts';
import { OfflineProvider } from '../providers/offline.provider';
import { projectFiles } from './blueprint';
import { selectBlueprint } from './select-blueprint';
import { runAgent, tempWorkspace } from '../../../test/fixtures/tool-loop';

const TODO = 'A todo REST API in Express with tests';
const todo = selectBlueprint(TODO);

describe('scripts follow the request', () => {
  let ws: ReturnType<typeof tempWorkspace>;
  beforeEach(() => (ws = tempWorkspace()));
  afterEach(() => ws.dispose());

  it('a role not named to a task takes the tasks of its own type', async () => {
    for (const [role, paths] of [
      ['frontend', ['public/index.html']],
      ['coder', ['package.json', '.gitignore']],
      ['devops', ['Dockerfile', '.dockerignore']],
    ] as const) {
      const run = await runAgent(new OfflineProvider(), { role, dir: ws.dir, userTexts: [TODO], tools: ['write_file', 'finish'] });
      expect({ role, wrote: run.calls.filter((c) => c.name === 'write_file').map((c) => c.arguments.path) }).toEqual({
        role,
        wrote: paths,
      });
    }
  });

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

  it('devops whose deploy check fails finishes failed with the check output', async () => {
    const drifted = projectFiles(todo).map((f) =>
      f.path === 'package.json' ? { ...f, content: f.content.replace('"node src/server.js"', '"node src/app.js"') } : f,
    );
    const project = tempWorkspace(drifted);
    try {
      const run = await runAgent(new OfflineProvider(), { role: 'devops', dir: project.dir, userTexts: [TODO, 'task deploy'] });
      expect(run.calls.map((c) => c.name)).toEqual(['write_file', 'write_file', 'run_command', 'finish']);
      expect(run.end!.arguments.outcome).toBe('failed');
      expect(run.end!.arguments.summary).toContain('npm start runs node src/app.js but the image runs node src/server.js');
    } finally {
      project.dispose();
    }
  });

  it('an optimizer whose measurement breaks finishes failed; without run_command it times the suite', async () => {
    const leaky = projectFiles(todo).map((f) =>
      f.path === 'src/store.js'
        ? { ...f, content: f.content.replace('return [...this.#todos.values()];', 'return [...this.#todos.values()].slice(1);') }
        : f,
    );
    const project = tempWorkspace(leaky);
    try {
      const broken = await runAgent(new OfflineProvider(), {
        role: 'optimizer',
        dir: project.dir,
        userTexts: [TODO],
        tools: ROLE_TOOLS.optimizer,
      });
      expect(broken.calls.map((c) => c.name)).toEqual(['read_file', 'run_command', 'finish']);
      expect(broken.end!.arguments.outcome).toBe('failed');
      expect(broken.end!.arguments.summary).toContain('list lost todos');

      const timed = await runAgent(new OfflineProvider(), {
        role: 'optimizer',
        dir: project.dir,
        userTexts: [TODO],
        tools: ['read_file', 'run_tests', 'finish'],
      });
      expect(timed.calls.map((c) => c.name)).toEqual(['read_file', 'run_tests', 'finish']);
      expect(timed.end!.arguments).toMatchObject({
        outcome: 'failed',
        summary: expect.stringMatching(/^The test suite fails in [\d.]+ ms/),
      });
    } finally {
      project.dispose();
    }
  });

  it('an architect without list_files finishes at once with the plan', async () => {
    const run = await runAgent(new OfflineProvider(), { role: 'architect', dir: ws.dir, userTexts: [TODO], tools: ['finish'] });
    expect(run.turns).toBe(1);
    for (const task of todo.plan.tasks) expect(String(run.end!.arguments.summary)).toContain(task.title);
  });
});
