import type { AgentTaskResult } from '../run-agent-task.workflow';
import { addToPlan, followUpsFor, taskSucceeded, TYPE_OF_ROLE, type FollowUp } from './follow-up-rules';
import type { Plan, PlanTask } from './plan';

const task = (id: string, extra: Partial<PlanTask> = {}): PlanTask => ({
  id,
  title: `Task ${id}`,
  type: 'implement',
  description: `Do ${id}`,
  priority: 2,
  dependencies: [],
  files: [`src/${id}.ts`],
  acceptanceCriteria: [`${id} works`],
  ...extra,
});

const result = (extra: Partial<AgentTaskResult> = {}): AgentTaskResult => ({
  outcome: 'done',
  summary: 'Finished',
  turns: 3,
  tokens: 100,
  costUsd: 0,
  wrote: [],
  conflicts: [],
  ...extra,
});

const ids = (followUps: FollowUp[]) => followUps.map((f) => f.task.id);

describe('follow-up rules', () => {
  test('a task that simply finished, failed or ran out of turns asks for nothing', () => {
    expect(followUpsFor(task('a'), result(), 1)).toEqual([]);
    expect(followUpsFor(task('a'), result({ outcome: 'approved' }), 1)).toEqual([]);
    expect(followUpsFor(task('a'), result({ outcome: 'failed' }), 1)).toEqual([]);
    expect(followUpsFor(task('a'), result({ outcome: 'turn_limit' }), 1)).toEqual([]);
  });

  test('failed tests hand over to the debugger, and the test runs again once the fix is in', () => {
    const tests = task('t', { type: 'test', dependencies: ['a'], priority: 1 });
    const handoff = { toRole: 'debugger' as const, reason: 'Two tests fail', context: 'expected 2, got 3' };
    const [fix, retest, ...rest] = followUpsFor(tests, result({ outcome: 'handoff', handoff }), 3);
    expect(rest).toEqual([]);
    expect(fix).toEqual({
      after: 't',
      task: {
        id: 't-debugger-3',
        title: 'Task t: Two tests fail',
        type: 'debug',
        description: 'Two tests fail\nexpected 2, got 3',
        files: ['src/t.ts'],
        acceptanceCriteria: ['t works'],
      },
      role: 'debugger',
      context: 'expected 2, got 3',
      dependencies: [],
    });
    expect(retest).toEqual({
      after: 't-debugger-3',
      task: { id: 't-retest-3', title: 'Re-run: Task t', type: 'test', description: 'Do t', files: ['src/t.ts'], acceptanceCriteria: ['t works'] },
      role: 'tester',
      context: 'After t-debugger-3',
      dependencies: ['t-debugger-3'],
    });
  });

  test('a handoff from a task that is not a test gets no re-run; the task type follows the role handed to', () => {
    const handoff = (toRole: 'documentation' | 'coder') => ({ toRole, reason: 'r', context: 'c' });
    const docs = followUpsFor(task('a'), result({ outcome: 'handoff', handoff: handoff('documentation') }), 1);
    expect(docs.map((f) => [f.task.id, f.task.type, f.role])).toEqual([['a-documentation-1', 'docs', 'documentation']]);
    // A role with no task type of its own implements.
    const coder = followUpsFor(task('a'), result({ outcome: 'handoff', handoff: handoff('coder') }), 1);
    expect(coder.map((f) => [f.task.type, f.role])).toEqual([['implement', 'coder']]);
    expect(TYPE_OF_ROLE.coder).toBeUndefined();
  });

  test('a handoff outcome without a handoff asks for nothing', () => {
    expect(followUpsFor(task('a'), result({ outcome: 'handoff' }), 1)).toEqual([]);
  });

  test('requested changes go to a coder, then to a re-review that waits for them', () => {
    const review = task('r', { type: 'review', title: 'Review the API' });
    const followUps = followUpsFor(review, result({ outcome: 'changes_requested', summary: 'Validate the input' }), 2);
    expect(followUps.map((f) => [f.after, f.task.id, f.task.type, f.role, f.context, f.dependencies])).toEqual([
      ['r', 'r-changes-2', 'implement', 'coder', 'Validate the input', []],
      ['r-changes-2', 'r-rereview-2', 'review', 'reviewer', 'After r-changes-2', ['r-changes-2']],
    ]);
    expect(followUps[0]!.task).toMatchObject({ title: 'Requested changes: Review the API', description: 'Validate the input', files: ['src/r.ts'] });
    expect(followUps[1]!.task.title).toBe('Re-review: Review the API');
  });

  test('edits that collided with newer ones go to the reviewer, on the conflicting files only', () => {
    const [resolve] = followUpsFor(task('a'), result({ summary: 'Added the route', conflicts: ['src/app.ts', 'src/db.ts'] }), 5);
    expect(resolve).toEqual({
      after: 'a',
      task: {
        id: 'a-conflict-5',
        title: 'Resolve conflicting edits: src/app.ts, src/db.ts',
        type: 'review',
        description:
          "The Task a task's edits to src/app.ts, src/db.ts collided with newer edits on the same lines. Read the files, reconcile both intents, and write the result.",
        files: ['src/app.ts', 'src/db.ts'],
        acceptanceCriteria: ['Both changes are reflected or the conflict is explained'],
      },
      role: 'reviewer',
      context: 'Added the route',
      dependencies: [],
    });
  });

  test('several rules at once come in a fixed order: handoff, conflicts, requested changes', () => {
    const both = followUpsFor(task('t', { type: 'test' }), result({ outcome: 'handoff', handoff: { toRole: 'debugger', reason: 'r', context: 'c' }, conflicts: ['x.ts'] }), 1);
    expect(ids(both)).toEqual(['t-debugger-1', 't-retest-1', 't-conflict-1']);
    const changes = followUpsFor(task('r', { type: 'review' }), result({ outcome: 'changes_requested', conflicts: ['x.ts'] }), 4);
    expect(ids(changes)).toEqual(['r-conflict-4', 'r-changes-4', 'r-rereview-4']);
  });

  test('titles are cut to 200 characters', () => {
    const long = 'x'.repeat(300);
    const [fix] = followUpsFor(task('a'), result({ outcome: 'handoff', handoff: { toRole: 'debugger', reason: long, context: '' } }), 1);
    expect(fix!.task.title).toHaveLength(200);
    const [resolve] = followUpsFor(task('a'), result({ conflicts: [long] }), 1);
    expect(resolve!.task.title).toHaveLength(200);
  });

  test('which outcomes count as done', () => {
    const outcomes: AgentTaskResult['outcome'][] = ['done', 'approved', 'handoff', 'changes_requested', 'failed', 'turn_limit'];
    expect(outcomes.filter(taskSucceeded)).toEqual(['done', 'approved', 'handoff', 'changes_requested']);
  });
});

describe('adding a follow-up to the plan', () => {
  test('it takes the priority of the task it follows, and that task’s dependants wait for it too', () => {
    const plan: Plan = {
      summary: '',
      tasks: [task('t', { type: 'test', priority: 1 }), task('docs', { dependencies: ['t'] }), task('other', { priority: 4 })],
    };
    const [fix, retest] = followUpsFor(plan.tasks[0]!, result({ outcome: 'handoff', handoff: { toRole: 'debugger', reason: 'r', context: 'c' } }), 1);
    const added = addToPlan(plan, fix!);
    expect(added).toMatchObject({ id: 't-debugger-1', priority: 1, dependencies: [] });
    expect(plan.tasks.find((t) => t.id === 'docs')!.dependencies).toEqual(['t', 't-debugger-1']);
    expect(plan.tasks.find((t) => t.id === 'other')!.dependencies).toEqual([]);

    // The re-run waits for the fix; whatever waited for the fix (docs) now also waits for the re-run, the re-run
    // itself does not wait for itself, and the fix does not wait for the re-run (it is the re-run's dependency).
    addToPlan(plan, retest!);
    expect(plan.tasks.find((t) => t.id === 't-retest-1')).toMatchObject({ priority: 1, dependencies: ['t-debugger-1'], type: 'test' });
    expect(plan.tasks.find((t) => t.id === 'docs')!.dependencies).toEqual(['t', 't-debugger-1', 't-retest-1']);
    expect(plan.tasks.find((t) => t.id === 't-debugger-1')!.dependencies).toEqual([]);
    expect(plan.tasks.map((t) => t.id)).toEqual(['t', 'docs', 'other', 't-debugger-1', 't-retest-1']);
  });
});
