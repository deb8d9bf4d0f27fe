import { blockedTasks, planProblems, readyTasks, routeTask, type Plan, type PlanTask } from './plan';

const task = (id: string, extra: Partial<PlanTask> = {}): PlanTask => ({
  id,
  title: id,
  type: 'implement',
  description: '',
  priority: 3,
  dependencies: [],
  files: [],
  acceptanceCriteria: [],
  ...extra,
});

describe('plan DAG', () => {
  test('problems: duplicate ids, unknown dependencies and types, cycles', () => {
    expect(planProblems({ summary: '', tasks: [] })).toEqual(['the plan has no tasks']);
    expect(
      planProblems({ summary: '', tasks: [task('a'), task('a'), task('b', { dependencies: ['zz'], type: 'dance' as never })] }),
    ).toEqual(['task id a appears twice', 'task b has an unknown type dance', 'task b depends on unknown task zz']);
    expect(
      planProblems({
        summary: '',
        tasks: [task('a', { dependencies: ['c'] }), task('b', { dependencies: ['a'] }), task('c', { dependencies: ['b'] })],
      }),
    ).toEqual(['the task dependencies form a cycle']);
  });

  test('ready tasks: dependencies done, most urgent first, plan order on ties, limited by free slots', () => {
    const plan: Plan = {
      summary: '',
      tasks: [
        task('design', { priority: 1, type: 'design' }),
        task('api', { dependencies: ['design'], priority: 2 }),
        task('ui', { dependencies: ['design'], priority: 2 }),
        task('docs', { priority: 5, type: 'docs' }),
        task('tests', { dependencies: ['api', 'ui'], priority: 1, type: 'test' }),
      ],
    };
    expect(readyTasks(plan, {}, 3).map((t) => t.id)).toEqual(['design', 'docs']);
    expect(readyTasks(plan, { design: 'done' }, 2).map((t) => t.id)).toEqual(['api', 'ui']);
    expect(readyTasks(plan, { design: 'done', api: 'running' }, 1).map((t) => t.id)).toEqual(['ui']);
    expect(readyTasks(plan, { design: 'done', api: 'done', ui: 'done', docs: 'done' }, 0)).toEqual([]);
    expect(readyTasks(plan, { design: 'done', api: 'done', ui: 'done', docs: 'done' }, 4).map((t) => t.id)).toEqual(['tests']);
    expect(blockedTasks(plan, { design: 'done', api: 'failed' }).map((t) => t.id)).toEqual(['tests']);
  });

  test('routing follows the design, splitting implementation by the files it touches', () => {
    expect(routeTask(task('d', { type: 'design' })).role).toBe('architect');
    expect(routeTask(task('t', { type: 'test' })).role).toBe('tester');
    expect(routeTask(task('x', { type: 'debug' })).role).toBe('debugger');
    expect(routeTask(task('r', { type: 'review' })).role).toBe('reviewer');
    expect(routeTask(task('o', { type: 'deploy' })).role).toBe('devops');
    expect(routeTask(task('m', { type: 'docs' })).role).toBe('documentation');
    expect(routeTask(task('p', { type: 'optimize' })).role).toBe('optimizer');
    expect(routeTask(task('api', { files: ['src/app.js', 'src/todos.js'] })).role).toBe('backend');
    expect(routeTask(task('ui', { files: ['client/src/app/list.component.ts', 'client/src/styles.css'] })).role).toBe('frontend');
    expect(routeTask(task('lib', { files: ['lib/math.ts'], title: 'helpers' })).role).toBe('coder');
    const routed = routeTask(task('api', { files: ['src/app.js'] }));
    expect(routed.supporting).toEqual(['tester', 'reviewer']);
    expect(routed.reasoning).toMatch(/server code \(1 of 1 files\)/);
  });
});

describe('file leases', () => {
  test('a task waits while another running or just chosen task holds one of its files', () => {
    const plan: Plan = {
      summary: '',
      tasks: [task('a', { files: ['src/app.js'] }), task('b', { files: ['src/app.js', 'src/db.js'] }), task('c', { files: ['README.md'] })],
    };
    expect(readyTasks(plan, {}, 3).map((t) => t.id)).toEqual(['a', 'c']);
    expect(readyTasks(plan, { a: 'running' }, 3, new Set(['src/app.js'])).map((t) => t.id)).toEqual(['c']);
    expect(readyTasks(plan, { a: 'done', c: 'done' }, 3).map((t) => t.id)).toEqual(['b']);
  });
});
