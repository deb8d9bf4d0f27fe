import { agentCards, taskViews } from './agent-team-view';
import type { AgentTask, AgentTeamRun } from './agent-team.models';

const plan = {
  summary: 'A todo API',
  tasks: [
    { id: 'design', title: 'Design', type: 'design', dependencies: [], role: 'architect' },
    { id: 'api', title: 'Routes', type: 'implement', dependencies: ['design'] },
  ],
};

const record = (key: string, status: string, extra: Partial<AgentTask> = {}): AgentTask => ({
  key,
  title: key,
  type: 'implement',
  role: 'backend',
  reasoning: 'r',
  handoffFrom: null,
  status,
  outcome: null,
  summary: null,
  turns: 1,
  tokens: 10,
  costUsd: 0,
  startedAt: null,
  finishedAt: null,
  ...extra,
});

const run = (extra: Partial<AgentTeamRun>): AgentTeamRun => ({
  id: 'r1',
  status: 'RUNNING',
  error: null,
  plan,
  planStatus: 'approved',
  testsPassed: null,
  offlineBuild: null,
  team: null,
  agentTasks: [],
  agents: [],
  handoffs: [],
  ...extra,
});

describe('taskViews', () => {
  it('takes role and status from the live state while the workflow runs', () => {
    const views = taskViews(
      run({
        team: {
          phase: 'running',
          planVersion: 1,
          pausedReason: null,
          testsPassed: null,
          filesWritten: 0,
          waiting: null,
          tasks: [
            {
              key: 'design',
              title: 'Design',
              role: 'architect',
              status: 'running',
              agentStatus: 'coding',
              question: null,
            },
          ],
        },
        agentTasks: [record('design', 'done')],
      }),
    );
    expect(views.map((v) => [v.id, v.role, v.status])).toEqual([
      ['design', 'architect', 'running'],
      ['api', undefined, 'pending'],
    ]);
  });

  it('takes them from the records once the run closed, and adds follow-up tasks after their origin', () => {
    const views = taskViews(
      run({
        status: 'SUCCEEDED',
        agentTasks: [
          record('design', 'done', { role: 'architect' }),
          record('api', 'done'),
          record('api-fix', 'done', { role: 'debugger', type: 'debug', handoffFrom: 'api' }),
        ],
      }),
    );
    expect(views.map((v) => [v.id, v.role, v.status, v.dependencies])).toEqual([
      ['design', 'architect', 'done', []],
      ['api', 'backend', 'done', ['design']],
      ['api-fix', 'debugger', 'done', ['api']],
    ]);
  });
});

describe('agentCards', () => {
  it('gives every role a card with its running tasks and its metrics', () => {
    const r = run({
      agentTasks: [record('api', 'running')],
      agents: [
        {
          role: 'backend',
          status: 'working',
          currentTaskKey: 'api',
          tasksDone: 2,
          tasksFailed: 0,
          turns: 5,
          tokens: 900,
          costUsd: 0,
          timeMs: 1,
          successRate: 1,
        },
      ],
    });
    const cards = agentCards(r, taskViews(r));
    expect(cards).toHaveLength(10);
    const backend = cards.find((c) => c.role === 'backend')!;
    expect(backend.working).toEqual([{ key: 'api', title: 'Routes' }]);
    expect(backend.metrics?.tasksDone).toBe(2);
    // Its history: the role's own task records, in the order given.
    expect(backend.history.map((t) => [t.key, t.status])).toEqual([['api', 'running']]);
    expect(cards.find((c) => c.role === 'tester')).toEqual({
      role: 'tester',
      working: [],
      metrics: null,
      history: [],
    });
  });
});

describe('live agent state', () => {
  it('carries what a running agent is doing and the question it is blocked on, to its task and card', () => {
    const team = {
      phase: 'running',
      planVersion: 1,
      pausedReason: null,
      testsPassed: null,
      filesWritten: 0,
      waiting: null,
      tasks: [
        {
          key: 'design',
          title: 'Design',
          role: 'architect',
          status: 'done',
          agentStatus: 'idle',
          question: null,
        },
        {
          key: 'api',
          title: 'Routes',
          role: 'backend',
          status: 'running',
          agentStatus: 'blocked',
          question: 'Which port?',
        },
      ],
    };
    const views = taskViews(run({ team }));
    expect(views.find((v) => v.id === 'api')).toMatchObject({
      status: 'running',
      agentStatus: 'blocked',
      question: 'Which port?',
    });
    expect(views.find((v) => v.id === 'design')!.question).toBeNull();
    const backend = agentCards(run({ team }), views).find((c) => c.role === 'backend')!;
    expect(backend.working).toEqual([{ key: 'api', title: 'Routes', agentStatus: 'blocked' }]);
  });
});
