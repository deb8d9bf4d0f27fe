import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planProblems, routeTask } from '../../../workflows/agent-team/plan';
import { PLAN_SCHEMA, toPlan } from '../../../workflows/agent-team/plan-schema';
import { ROLE_TOOLS, taskMessage } from '../../../workflows/agent-team/prompts';
import { AGENT_ROLES } from '../model-types';
import { OfflineProvider } from '../providers/offline.provider';
import { projectFiles } from './blueprint';
import { conformToSchema } from './json-conform';
import { checkSchema } from './json-schema';
import { selectBlueprint } from './select-blueprint';
import { listFiles, runAgent, runNodeTests, tempWorkspace, type LoopResult } from '../../../test/fixtures/tool-loop';

const TODO = 'A todo REST API in Express with tests';
const todo = selectBlueprint(TODO);

function disposeAfter(ws: { dispose(): void }) {
  afterEach(() => ws.dispose());
}

describe('the offline team on a todo REST API', () => {
  it('the plan routes its tasks to all ten roles, and the plan is a valid DAG in the plan schema', () => {
    const plan = toPlan(conformToSchema(todo.plan, PLAN_SCHEMA));
    expect(plan).not.toBeNull();
    expect(checkSchema(plan, PLAN_SCHEMA)).toEqual([]);
    expect(planProblems(plan!)).toEqual([]);
    const routed = plan!.tasks.map((t) => routeTask(t).role);
    expect(routed).toEqual(todo.plan.tasks.map((t) => t.role));
    expect(new Set(routed)).toEqual(new Set(AGENT_ROLES));
  });

  it('tasks that can run side by side never share a file', () => {
    const { tasks } = todo.plan;
    const before = (a: string, b: string): boolean => {
      const deps = tasks.find((t) => t.id === b)!.dependencies;
      return deps.includes(a) || deps.some((d) => before(a, d));
    };
    for (const [i, a] of tasks.entries()) {
      for (const b of tasks.slice(i + 1)) {
        const shared = a.files.filter((f) => b.files.includes(f));
        if (shared.length > 0)
          expect({ a: a.id, b: b.id, ordered: before(a.id, b.id) || before(b.id, a.id) }).toEqual({ a: a.id, b: b.id, ordered: true });
      }
    }
  });

  it("each of the ten roles does its task in plan order, with its own tools, and the project's tests pass", async () => {
    const provider = new OfflineProvider();
    const ws = tempWorkspace();
    try {
      const runs: Record<string, LoopResult> = {};
      for (const task of todo.plan.tasks) {
        const role = routeTask(task).role;
        runs[task.id] = await runAgent(provider, { role, dir: ws.dir, userTexts: [TODO, taskMessage(task)], tools: ROLE_TOOLS[role] });
        expect({ task: task.id, outcome: runs[task.id]!.end?.arguments.outcome }).toEqual({
          task: task.id,
          outcome: task.type === 'review' ? 'approved' : 'done',
        });
      }
      const names = (id: string) => runs[id]!.calls.map((c) => c.name);
      const writes = (id: string) => runs[id]!.calls.filter((c) => c.name === 'write_file').map((c) => c.arguments.path);
      const summary = (id: string) => String(runs[id]!.end!.arguments.summary);

      expect(names('api-design')).toEqual(['list_files', 'finish']);
      for (const task of todo.plan.tasks) expect(summary('api-design')).toContain(task.title);
      // Every writer writes exactly its task's files.
      for (const task of todo.plan.tasks.filter((t) => ['implement', 'test', 'deploy', 'docs'].includes(t.type))) {
        expect({ task: task.id, wrote: writes(task.id) }).toEqual({ task: task.id, wrote: task.files });
      }
      expect(writes('todo-page')).toEqual(['public/index.html']);
      expect(names('todo-tests')).toEqual(['write_file', 'write_file', 'run_tests', 'finish']);

      expect(names('store-performance')).toEqual(['read_file', 'run_command', 'finish']);
      expect(summary('store-performance')).toMatch(
        /createMs [\d.]+ ms \(budget 1000\), getMs [\d.]+ ms \(budget 1000\), list100Ms [\d.]+ ms \(budget 5000\)/,
      );
      expect(summary('store-performance')).toContain('Within budget, so no rewrite is needed.');

      expect(names('deploy')).toEqual(['write_file', 'write_file', 'run_command', 'finish']);
      expect(summary('deploy')).toContain('the deploy check passes: npm start and the image both run: node src/server.js');

      expect(names('suite-check')).toEqual(['run_tests', 'finish']);
      expect(summary('suite-check')).toMatch(/^Ran the whole suite: all \d+ tests pass, so there is nothing to fix/);

      expect(names('code-review')).toEqual([...Array(4).fill('read_file'), 'finish']);

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
        for (const task of todo.plan.tasks) {
          const role = routeTask(task).role;
          const run = await runAgent(new OfflineProvider(), {
            role,
            dir: ws.dir,
            userTexts: [TODO, taskMessage(task)],
            tools: ROLE_TOOLS[role],
          });
          // The optimizer's timings differ from run to run; the calls that produced them must not.
          calls.push(...run.calls.map((c) => (task.type === 'optimize' && c.name === 'finish' ? { ...c, arguments: {} } : c)));
        }
        return calls;
      } finally {
        ws.dispose();
      }
    }),
  );
  expect(runs[0]!.length).toBeGreaterThan(30);
  expect(runs[1]).toEqual(runs[0]);
});

describe.each(['an Express backend for a blog', 'a command line tool that greets people'])('the offline team on "%s"', (description) => {
  const ws = tempWorkspace();
  disposeAfter(ws);

  it('every task of the plan ends well, the blueprint is written and its tests pass', async () => {
    const blueprint = selectBlueprint(description);
    for (const task of blueprint.plan.tasks) {
      const role = routeTask(task).role;
      const run = await runAgent(new OfflineProvider(), {
        role,
        dir: ws.dir,
        userTexts: [description, taskMessage(task)],
        tools: ROLE_TOOLS[role],
      });
      expect({ task: task.id, outcome: run.end?.arguments.outcome }).toEqual({
        task: task.id,
        outcome: task.type === 'review' ? 'approved' : 'done',
      });
    }
    expect(listFiles(ws.dir)).toEqual(
      projectFiles(blueprint)
        .map((f) => f.path)
        .sort(),
    );
    expect((await runNodeTests(ws.dir)).passed).toBe(true);
  });
});
