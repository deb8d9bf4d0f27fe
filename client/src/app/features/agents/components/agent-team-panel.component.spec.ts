import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { GraphQLError } from 'graphql';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import { AGENT_TEAM_POLL_MS, AGENT_TEAM_REFRESH_MS, AgentTeamPanelComponent } from './agent-team-panel.component';

const PLAN = {
  summary: 'A todo REST API',
  tasks: [
    { id: 'design', title: 'Design the API', type: 'design', dependencies: [] },
    { id: 'store', title: 'Todo store', type: 'implement', dependencies: ['design'] },
    { id: 'routes', title: 'Routes', type: 'implement', dependencies: ['design', 'store'] },
  ],
};

function team(phase: string, statuses: Record<string, string> = {}, extra = {}) {
  return {
    __typename: 'TeamState',
    phase,
    waiting: null,
    planVersion: 1,
    pausedReason: null,
    testsPassed: null,
    filesWritten: 0,
    tasks: Object.entries(statuses).map(([key, status]) => ({
      __typename: 'TeamTaskState',
      key,
      title: PLAN.tasks.find((t) => t.id === key)?.title ?? key,
      role: key === 'design' ? 'architect' : 'backend',
      status,
    })),
    ...extra,
  };
}

function runPayload(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'ProjectRun',
    id: 'r1',
    status: 'RUNNING',
    error: null,
    plan: PLAN,
    planStatus: 'proposed',
    testsPassed: null,
    offlineBuild: null as unknown,
    team: team('awaiting_approval'),
    agentTasks: [] as unknown[],
    agents: [] as unknown[],
    handoffs: [] as unknown[],
    ...extra,
  };
}

const projectPayload = (run: unknown, buildMode = 'team') => ({
  project: {
    __typename: 'Project',
    id: 'p1',
    buildMode,
    description: 'A todo REST API in Express with tests',
    autoApprovePlan: false,
    latestRun: run,
  },
});

const endedRun = (status = 'SUCCEEDED') =>
  runPayload({ status, planStatus: 'approved', team: null, error: null });

describe('AgentTeamPanelComponent', () => {
  let fixture: ComponentFixture<AgentTeamPanelComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        { provide: AGENT_TEAM_POLL_MS, useValue: 3_600_000 },
        { provide: AGENT_TEAM_REFRESH_MS, useValue: 0 },
      ],
    });
  });

  afterEach(() => apollo.verify());

  const ids = (id: string) => byTestId(root, id);
  const click = async (id: string, index = 0) => {
    ids(id)[index]!.click();
    await settle(fixture);
  };

  async function open(payload = projectPayload(runPayload())): Promise<void> {
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(AgentTeamPanelComponent);
    root = fixture.nativeElement;
    fixture.componentRef.setInput('projectId', 'p1');
    await settle(fixture);
    apollo.expectOne('AgentTeamRun').flushData(payload);
    await settle(fixture);
  }

  async function reread(payload = projectPayload(runPayload())): Promise<void> {
    await settle(fixture);
    apollo.expectOne('AgentTeamRun').flushData(payload);
    await settle(fixture);
  }

  it('says before approval, in the server\'s words, when offline mode will build a blueprint instead of the description', async () => {
    const note = 'Offline mode: no model is configured and no built-in blueprint fits this description, so the team will build the "Minimal Node project" blueprint, not what the description asks for.';
    const offlineBuild = { __typename: 'OfflineBuild', blueprintName: 'Minimal Node project', matched: false, note };
    await open(projectPayload(runPayload({ offlineBuild })));
    const shown = ids('plan-review')[0]!.querySelector('[data-testid="plan-offline-note"]');
    expect(shown?.textContent?.trim()).toBe(note);
    expect(shown?.getAttribute('data-matched')).toBe('false');
    expect(ids('team-phase')[0]?.textContent?.trim()).toBe('Awaiting approval');
  });

  it('shows no offline note when the run is not offline', async () => {
    await open();
    expect(ids('plan-review')).toHaveLength(1);
    expect(ids('plan-offline-note')).toHaveLength(0);
  });

  it('shows nothing for a project built from the starter', async () => {
    await open(projectPayload(runPayload({ plan: null, team: null }), 'starter'));
    expect(ids('team-panel')).toHaveLength(0);
    expect(ids('rebuild-form')).toHaveLength(0);
  });

  it('says a queued run waits for a slot (not that the architect plans) and lets it be cancelled', async () => {
    await open(projectPayload(runPayload({ status: 'QUEUED', plan: null, planStatus: null, team: team('waiting') })));
    expect(ids('team-phase')[0]?.dataset['phase']).toBe('waiting');
    expect(ids('team-waiting')[0]?.textContent).toContain('Waiting for a free agent-run slot');
    expect(ids('plan-empty')).toHaveLength(0);
    expect(ids('run-cancel')).toHaveLength(1);
    expect(ids('run-pause')).toHaveLength(0);
  });

  it('says what a queued run waits for: the sandboxes in use and the builds holding them', async () => {
    const waiting = {
      __typename: 'BuildWait',
      kind: 'sandbox',
      limit: 2,
      used: 2,
      hiddenHolders: 1,
      holders: [{ __typename: 'BuildWaitHolder', projectId: 'p9', projectName: 'Shop', runId: '1a2b3c4d-0000-4000-8000-000000000000' }],
    };
    await open(projectPayload(runPayload({ status: 'QUEUED', plan: null, planStatus: null, team: team('waiting', {}, { waiting }) })));
    expect(ids('team-waiting')[0]?.textContent?.trim()).toBe(
      'Waiting for a free sandbox: 2 of 2 in use by Shop (run 1a2b3c4d) and 1 project you cannot see. This build starts when one is stopped.',
    );
  });

  describe('build again with the team', () => {
    const description = () => ids('rebuild-description')[0] as HTMLTextAreaElement;
    const autoApprove = () => ids('rebuild-auto-approve')[0] as HTMLInputElement;
    const submit = () => ids('rebuild-submit')[0] as HTMLButtonElement;

    it('is offered only once the latest run ended', async () => {
      await open(projectPayload(runPayload({ team: team('running') })));
      expect(ids('rebuild-form')).toHaveLength(0);
      fixture.componentRef.setInput('events', [{ type: 'run.completed' }]);
      await settle(fixture);
      await reread(projectPayload(runPayload({ status: 'SUCCEEDED', team: team('done') })));
      expect(ids('rebuild-form')).toHaveLength(1);
      expect(description().value).toBe('A todo REST API in Express with tests');
      expect(autoApprove().checked).toBe(false);
    });

    it('is offered after a failed starter build, prefilled from the project', async () => {
      const starter = projectPayload(
        { ...endedRun('FAILED'), plan: null, planStatus: null, error: 'npm install failed' },
        'starter',
      );
      await open({ project: { ...starter.project, autoApprovePlan: true } });
      expect(ids('team-panel')).toHaveLength(0);
      expect(ids('team-rebuild')).toHaveLength(1);
      expect(autoApprove().checked).toBe(true);
    });

    it('blocks a blank description with a visible message and sends nothing', async () => {
      await open(projectPayload(endedRun()));
      typeInto(description(), '   ');
      await click('rebuild-submit');
      apollo.expectNone('StartAgentTeamRun');
      expect(ids('field-error-description')[0]?.textContent).toContain('1 to 500 characters');
      expect(description().getAttribute('aria-invalid')).toBe('true');

      typeInto(description(), 'x'.repeat(501));
      await settle(fixture);
      expect(ids('field-error-description')).toHaveLength(1);
      await click('rebuild-submit');
      apollo.expectNone('StartAgentTeamRun');

      typeInto(description(), 'A todo API');
      await settle(fixture);
      expect(ids('field-error-description')).toHaveLength(0);
    });

    it('starts a new run, switches a starter project to the team and follows the new run', async () => {
      const starter = projectPayload({ ...endedRun(), plan: null, planStatus: null }, 'starter');
      await open(starter);
      const started: string[] = [];
      fixture.componentInstance.rebuilt.subscribe((id) => started.push(id));

      typeInto(description(), '  A todo REST API with tags  ');
      autoApprove().click();
      await click('rebuild-submit');
      expect(submit().disabled).toBe(true);
      expect(submit().textContent).toContain('Starting');
      const op = apollo.expectOne('StartAgentTeamRun');
      expect(op.operation.variables).toEqual({
        projectId: 'p1',
        description: 'A todo REST API with tags',
        autoApprovePlan: true,
      });
      op.flushData({ startTeamRun: { __typename: 'ProjectRun', id: 'r2', status: 'QUEUED' } });
      const next = projectPayload(
        runPayload({ id: 'r2', status: 'QUEUED', plan: null, planStatus: null, team: null }),
      );
      await reread({
        project: {
          ...next.project,
          description: 'A todo REST API with tags',
          autoApprovePlan: true,
        },
      });

      expect(started).toEqual(['r2']);
      expect(ids('team-panel')).toHaveLength(1);
      expect(ids('team-phase')[0]?.dataset['phase']).toBe('QUEUED');
      expect(ids('rebuild-form')).toHaveLength(0);
      expect(ids('plan-empty')).toHaveLength(1);

      // The new run's plan events make the panel read it again.
      fixture.componentRef.setInput('events', [{ type: 'plan.proposed' }]);
      await settle(fixture);
      await reread(projectPayload(runPayload({ id: 'r2' })));
      expect(ids('plan-review')).toHaveLength(1);
    });

    it('shows CONFLICT next to the form and keeps what was typed', async () => {
      await open(projectPayload(endedRun('FAILED')));
      typeInto(description(), 'A todo API with due dates');
      autoApprove().click();
      await click('rebuild-submit');
      apollo.expectOne('StartAgentTeamRun').graphqlErrors([
        new GraphQLError(
          'A build of this project is in progress; cancel it or wait for it to end',
          {
            extensions: { code: 'CONFLICT' },
          },
        ),
      ]);
      await settle(fixture);
      apollo.expectNone('AgentTeamRun');
      expect(ids('rebuild-error')[0]?.textContent).toContain(
        'A build of this project is in progress',
      );
      expect(description().value).toBe('A todo API with due dates');
      expect(autoApprove().checked).toBe(true);
      expect(submit().disabled).toBe(false);
    });

    it('shows the server’s description error under the field', async () => {
      await open(projectPayload(endedRun()));
      typeInto(description(), 'A todo API');
      await click('rebuild-submit');
      apollo.expectOne('StartAgentTeamRun').graphqlErrors([
        new GraphQLError('description: Describe the app in 1 to 500 characters', {
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'description',
            fieldErrors: [
              { field: 'description', message: 'Describe the app in 1 to 500 characters' },
            ],
          },
        }),
      ]);
      await settle(fixture);
      expect(ids('field-error-description')[0]?.textContent).toContain('1 to 500 characters');
      expect(ids('rebuild-error')).toHaveLength(0);
      expect(description().value).toBe('A todo API');
    });
  });

  it('draws the plan by dependency depth and approves it', async () => {
    await open();
    const nodes = ids('plan-node');
    expect(nodes.map((n) => [n.dataset['key'], n.dataset['depth'], n.dataset['status']])).toEqual([
      ['design', '0', 'pending'],
      ['store', '1', 'pending'],
      ['routes', '2', 'pending'],
    ]);
    expect(ids('plan-edge')).toHaveLength(3);
    expect(ids('plan-review')).toHaveLength(1);

    await click('plan-approve');
    const op = apollo.expectOne('ReviewPlan');
    expect(op.operation.variables).toEqual({ projectId: 'p1', approve: true, feedback: null });
    op.flushData({ reviewPlan: true });
    await reread(
      projectPayload(
        runPayload({ planStatus: 'approved', team: team('running', { design: 'running' }) }),
      ),
    );
    expect(ids('plan-review')).toHaveLength(0);
    expect(ids('plan-node')[0]!.dataset['status']).toBe('running');
    expect(
      root.querySelector('[data-role="architect"] [data-testid="agent-activity"]')?.textContent,
    ).toContain('Design the API');
  });

  it('shows the server’s field error when changes are requested without feedback', async () => {
    await open();
    await click('plan-request-changes');
    await click('plan-send-feedback');
    apollo.expectOne('ReviewPlan').graphqlErrors([
      new GraphQLError('Invalid', {
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ field: 'feedback', message: 'Say what the architect should change' }],
        },
      }),
    ]);
    await settle(fixture);
    expect(ids('field-error-feedback')[0]?.textContent).toContain(
      'Say what the architect should change',
    );

    typeInto(ids('plan-feedback-input')[0], 'Use SQLite');
    await click('plan-send-feedback');
    const op = apollo.expectOne('ReviewPlan');
    expect(op.operation.variables).toEqual({
      projectId: 'p1',
      approve: false,
      feedback: 'Use SQLite',
    });
    op.flushData({ reviewPlan: true });
    await reread();
  });

  it('pauses with a reason, shows CONFLICT as a sentence, and resumes a paused team', async () => {
    await open(projectPayload(runPayload({ team: team('running', { design: 'running' }) })));
    expect(ids('run-resume')).toHaveLength(0);
    typeInto(ids('pause-reason-input')[0], 'Lunch');
    await click('run-pause');
    const pause = apollo.expectOne('PauseRun');
    expect(pause.operation.variables).toEqual({ projectId: 'p1', reason: 'Lunch' });
    pause.graphqlErrors([
      new GraphQLError('Pausing: the project has no agent-team build in progress', {
        extensions: { code: 'CONFLICT' },
      }),
    ]);
    await settle(fixture);
    expect(ids('run-controls-error')[0]?.textContent).toContain('no agent-team build in progress');

    await click('run-pause');
    apollo.expectOne('PauseRun').flushData({ pauseRun: true });
    await reread(
      projectPayload(runPayload({ team: team('paused', {}, { pausedReason: 'Lunch' }) })),
    );
    expect(ids('run-controls-error')).toHaveLength(0);
    expect(ids('paused-reason')[0]?.textContent).toContain('Lunch');
    expect(ids('run-pause')).toHaveLength(0);
    await click('run-resume');
    apollo.expectOne('ResumeRun').flushData({ resumeRun: true });
    await reread();
  });

  it('cancels only after a confirmation', async () => {
    await open(projectPayload(runPayload({ team: team('running') })));
    await click('run-cancel');
    apollo.expectNone('CancelRun');
    await click('run-cancel-confirm');
    apollo.expectOne('CancelRun').flushData({ cancelRun: true });
    await reread(
      projectPayload(
        runPayload({ status: 'CANCELLED', error: 'The build was cancelled', team: null }),
      ),
    );
    // Cancelled, said in grey: not a failure.
    expect(ids('team-run-error')[0]?.textContent).toContain('cancelled');
    expect(ids('team-run-error')[0]?.classList).not.toContain('error');
    expect(ids('team-phase')[0]?.textContent?.trim()).toBe('Cancelled');
    expect(ids('run-cancel')).toHaveLength(0);
  });

  it('reads the run again when team events arrive, not for other events', async () => {
    await open();
    fixture.componentRef.setInput('events', [{ type: 'model.delta' }]);
    await settle(fixture);
    await settle(fixture, 10);
    apollo.expectNone('AgentTeamRun');
    fixture.componentRef.setInput('events', [{ type: 'model.delta' }, { type: 'task.assigned' }]);
    await settle(fixture);
    await reread(
      projectPayload(runPayload({ team: team('running', { design: 'done', store: 'running' }) })),
    );
    expect(ids('plan-node').map((n) => n.dataset['status'])).toEqual([
      'done',
      'running',
      'pending',
    ]);
  });

  it('polls the live state while the run is open and messages the agent of a running task', async () => {
    TestBed.overrideProvider(AGENT_TEAM_POLL_MS, { useValue: 5 });
    await open(projectPayload(runPayload({ team: team('running', { design: 'running' }) })));
    await settle(fixture, 10);
    apollo.expectOne('AgentTeamState').flushData({
      project: {
        __typename: 'Project',
        id: 'p1',
        latestRun: {
          __typename: 'ProjectRun',
          id: 'r1',
          status: 'RUNNING',
          team: team('running', { design: 'done', store: 'running' }),
        },
      },
    });
    await settle(fixture);
    expect(ids('plan-node').map((n) => n.dataset['status'])).toEqual([
      'done',
      'running',
      'pending',
    ]);
    expect(ids('agent-inbox').map((n) => n.dataset['key'])).toEqual(['store']);

    typeInto(ids('agent-inbox-input')[0], 'Use a Map');
    await click('agent-inbox-send');
    const op = apollo.expectOne('MessageAgent');
    expect(op.operation.variables).toEqual({
      projectId: 'p1',
      taskKey: 'store',
      text: 'Use a Map',
    });
    op.flushData({ messageAgent: true });
    await settle(fixture);
    expect(ids('agent-inbox-sent')).toHaveLength(1);
    fixture.destroy();
    for (const poll of apollo.match('AgentTeamState')) poll.flushData({ project: null });
  });

  it('stops polling once the run finished and shows what each role did', async () => {
    TestBed.overrideProvider(AGENT_TEAM_POLL_MS, { useValue: 5 });
    await open(
      projectPayload(
        runPayload({
          status: 'SUCCEEDED',
          team: null,
          agentTasks: PLAN.tasks.map((t) => ({
            __typename: 'AgentTask',
            key: t.id,
            title: t.title,
            type: t.type,
            role: 'backend',
            reasoning: 'r',
            handoffFrom: null,
            status: 'done',
            outcome: 'done',
            summary: t.id === 'store' ? 'Wrote src/store.js' : null,
            turns: 2,
            tokens: 100,
            costUsd: 0,
            startedAt: '2026-12-07T10:00:00.000Z',
            finishedAt: '2026-12-07T10:00:04.500Z',
          })),
          agents: [
            {
              __typename: 'AgentInstance',
              role: 'backend',
              status: 'done',
              currentTaskKey: null,
              tasksDone: 3,
              tasksFailed: 0,
              turns: 6,
              tokens: 300,
              costUsd: 0,
              timeMs: 4200,
              successRate: 1,
            },
          ],
          handoffs: [
            {
              __typename: 'AgentHandoff',
              fromTaskKey: 'routes',
              fromRole: 'tester',
              toRole: 'debugger',
              toTaskKey: 'routes-debugger-1',
              reason: 'a route returns 500',
              context: 'GET /todos fails',
            },
          ],
        }),
      ),
    );
    await settle(fixture, 20);
    apollo.expectNone('AgentTeamState');
    expect(ids('plan-node').every((n) => n.dataset['status'] === 'done')).toBe(true);
    expect(ids('run-pause')).toHaveLength(0);
    expect(ids('agent-card')).toHaveLength(10);
    expect(
      root
        .querySelector('[data-role="backend"] [data-testid="agent-metrics"]')
        ?.textContent?.replace(/\s+/g, ' '),
    ).toMatch(/3 done · 6 turns · 300 tokens · \$0\.00 · 100% success · 4\.2 s/);
    const backend = root.querySelector<HTMLElement>('[data-role="backend"]')!;
    expect(backend.dataset['agentStatus']).toBe('done');
    expect(backend.querySelector('[data-testid="agent-activity"]')?.textContent).toContain(
      'Finished',
    );
    expect(
      root.querySelector('[data-role="tester"] [data-testid="agent-activity"]')?.textContent,
    ).toContain('Idle');
    expect(ids('handoff').map((h) => h.textContent?.replace(/\s+/g, ' '))).toEqual([
      expect.stringContaining(
        'tester → debugger: a route returns 500 (routes → routes-debugger-1)',
      ),
    ]);
    expect(ids('handoff-context')[0]?.textContent).toBe('GET /todos fails');

    // A card opens (it is a button: click, Enter or Space) to show the role's tasks, statuses and times.
    const toggle = backend.querySelector<HTMLButtonElement>('[data-testid="agent-card-toggle"]')!;
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(ids('agent-history')).toHaveLength(0);
    toggle.click();
    await settle(fixture);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const history = ids('agent-history-task');
    expect(history.map((t) => t.dataset['key'])).toEqual(['design', 'store', 'routes']);
    expect(history[1]!.textContent?.replace(/\s+/g, ' ')).toMatch(/Todo store ?Done .*\(4\.5 s\) · 2 turns · 100 tokens Wrote src\/store\.js/);
    // A role with no tasks has nothing to open.
    expect(root.querySelector<HTMLButtonElement>('[data-role="tester"] [data-testid="agent-card-toggle"]')!.disabled).toBe(true);
    toggle.click();
    await settle(fixture);
    expect(ids('agent-history')).toHaveLength(0);
  });
});
