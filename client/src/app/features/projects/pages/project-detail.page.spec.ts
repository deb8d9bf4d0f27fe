import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApolloTestingController,
  ApolloTestingModule,
  type TestOperation,
} from 'apollo-angular/testing';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { MONACO_LOADER } from '../../../shared/code-viewer/code-viewer-engine';
import { eventPayload, filePayload, projectPayload } from '../../../../testing/fixtures';
import {
  FakeCodeViewerEngine,
  FakeRealtimeConnection,
  byTestId,
  settle,
  typeInto,
} from '../../../../testing/fakes';
import { EVENT_STREAM_RETRY_DELAY } from '../services/project-event-stream.service';
import { ProjectDetailPage, REFRESH_AUDIT_MS } from './project-detail.page';

describe('ProjectDetailPage', () => {
  let fixture: ComponentFixture<ProjectDetailPage>;
  let apollo: ApolloTestingController;
  let connection: FakeRealtimeConnection;
  let monaco: FakeCodeViewerEngine;
  let root: HTMLElement;

  beforeEach(() => {
    connection = new FakeRealtimeConnection();
    monaco = new FakeCodeViewerEngine();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: connection },
        { provide: MONACO_LOADER, useValue: () => Promise.resolve(monaco) },
        { provide: EVENT_STREAM_RETRY_DELAY, useValue: () => 0 },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(ProjectDetailPage);
    root = fixture.nativeElement;
  });

  const testIds = (id: string) => byTestId(root, id);
  const renderedEvents = () =>
    testIds('event-item').map((li) => [li.dataset['eventId'], li.dataset['eventType']]);

  /** Opens the page on p1 and answers the project query and the event log; returns the live subscription. */
  async function open(
    project = projectPayload(),
    log = [eventPayload('1-0', 'run.queued')],
  ): Promise<TestOperation> {
    fixture.componentRef.setInput('id', 'p1');
    await settle(fixture);
    apollo.expectOne('Project').flushData({ project });
    await settle(fixture);
    apollo.expectOne('ProjectEventLog').flushData({ projectEventLog: log });
    await settle(fixture);
    return apollo.expectOne('ProjectEvents');
  }

  async function emit(
    op: TestOperation,
    id: string,
    type: string,
    message?: string,
  ): Promise<void> {
    op.flushData({ projectEvents: eventPayload(id, type, message) });
    await settle(fixture);
  }

  it('shows the project, its latest run and the event log, then subscribes after the last logged id', async () => {
    const live = await open(projectPayload(), [
      eventPayload('1-0', 'run.queued'),
      eventPayload('2-0', 'run.started'),
    ]);

    expect(root.querySelector('h1')?.textContent).toBe('Recipe box');
    expect(testIds('project-status')[0]?.dataset['status']).toBe('BUILDING');
    expect(testIds('run-status')[0]?.dataset['status']).toBe('RUNNING');
    expect(live.operation.variables).toEqual({ projectId: 'p1', after: '2-0' });

    await emit(live, '3-0', 'step.started', 'Writing package.json');
    const items = testIds('event-item');
    expect(renderedEvents()).toEqual([
      ['1-0', 'run.queued'],
      ['2-0', 'run.started'],
      ['3-0', 'step.started'],
    ]);
    expect(items[2]?.textContent).toContain('Writing package.json');
    expect(items[2]?.querySelector('time')?.getAttribute('datetime')).toBe(
      '2026-11-27T10:00:02.000Z',
    );
  });

  it('names the owning team in the header, linking to its page', async () => {
    await open(projectPayload({ team: { __typename: 'Team', id: 't1', name: 'Platform crew' } }));
    const team = testIds('project-team')[0];
    expect(team?.textContent).toContain('Platform crew');
    expect(team?.querySelector('a')?.getAttribute('href')).toBe('/teams/t1');
  });

  it('shows no team for a personal project', async () => {
    await open();
    expect(testIds('project-team')).toHaveLength(0);
  });

  it('drops events it has already shown', async () => {
    const live = await open();
    await emit(live, '1-0', 'run.queued');
    await emit(live, '2-0', 'run.started');
    await emit(live, '2-0', 'run.started');
    expect(renderedEvents().map(([id]) => id)).toEqual(['1-0', '2-0']);
  });

  it('re-subscribes after the last id seen when the socket reconnects', async () => {
    const first = await open();
    await emit(first, '2-0', 'run.started');
    await emit(first, '10-0', 'step.started');

    connection.drop.next();
    await settle(fixture);
    expect(root.querySelector('.stream-state')?.getAttribute('data-state')).toBe('reconnecting');

    connection.reconnect.next();
    await settle(fixture);
    const resumed = apollo.expectOne('ProjectEvents');
    expect(resumed.operation.variables).toEqual({ projectId: 'p1', after: '10-0' });
    expect(root.querySelector('.stream-state')?.getAttribute('data-state')).toBe('live');

    // The server may replay the boundary; the page still shows each event once.
    await emit(resumed, '10-0', 'step.started');
    await emit(resumed, '11-0', 'step.completed');
    expect(renderedEvents().map(([id]) => id)).toEqual(['1-0', '2-0', '10-0', '11-0']);
  });

  it('re-subscribes from the last id after the subscription fails on the network', async () => {
    const first = await open();
    await emit(first, '5-1', 'step.started');
    first.networkError(new Error('socket closed'));
    await settle(fixture);
    expect(apollo.expectOne('ProjectEvents').operation.variables['after']).toBe('5-1');
  });

  it('refetches status and files when the run completes', async () => {
    const live = await open();
    await emit(live, '2-0', 'file.created');
    await emit(live, '3-0', 'run.completed');
    await settle(fixture, REFRESH_AUDIT_MS + 20);

    // One refetch for the burst.
    apollo.expectOne('Project').flushData({
      project: projectPayload({
        status: 'READY',
        latestRun: {
          ...projectPayload().latestRun,
          status: 'SUCCEEDED',
          finishedAt: '2026-11-27T10:01:00.000Z',
        },
        files: [filePayload('package.json', { language: 'json', size: 1234 })],
      }),
    });
    await settle(fixture);

    expect(testIds('project-status')[0]?.dataset['status']).toBe('READY');
    expect(testIds('run-status')[0]?.dataset['status']).toBe('SUCCEEDED');
    const file = testIds('file-item')[0];
    expect(file?.dataset['path']).toBe('package.json');
    expect(file?.textContent).toContain('1.2 kB');
  });

  it('offers to build again with the team once the run ended, then shows the new run and its events', async () => {
    const finished = { ...projectPayload().latestRun, status: 'SUCCEEDED' };
    const live = await open(projectPayload({ status: 'READY', latestRun: finished }));
    await settle(fixture);
    const teamRun = (run: Record<string, unknown>, buildMode: string, description: string) => ({
      project: {
        __typename: 'Project',
        id: 'p1',
        buildMode,
        description,
        autoApprovePlan: false,
        latestRun: {
          __typename: 'ProjectRun',
          error: null,
          plan: null,
          planStatus: null,
          testsPassed: null,
          team: null,
          agentTasks: [],
          agents: [],
          handoffs: [],
          ...run,
        },
      },
    });
    apollo
      .expectOne('AgentTeamRun')
      .flushData(teamRun({ id: 'r1', status: 'SUCCEEDED' }, 'starter', 'Save and tag recipes.'));
    await settle(fixture);
    const description = testIds('rebuild-description')[0] as HTMLTextAreaElement;
    expect(description.value).toBe('Save and tag recipes.');

    typeInto(description, 'Save, tag and share recipes.');
    testIds('rebuild-submit')[0]?.click();
    await settle(fixture);
    apollo
      .expectOne('StartAgentTeamRun')
      .flushData({ startTeamRun: { __typename: 'ProjectRun', id: 'r2', status: 'QUEUED' } });
    await settle(fixture);
    apollo
      .expectOne('AgentTeamRun')
      .flushData(teamRun({ id: 'r2', status: 'QUEUED' }, 'team', 'Save, tag and share recipes.'));
    await settle(fixture, REFRESH_AUDIT_MS + 20);

    // The page reads the project again: the new run, its status and the new description.
    apollo.expectOne('Project').flushData({
      project: projectPayload({
        description: 'Save, tag and share recipes.',
        status: 'QUEUED',
        latestRun: { ...finished, id: 'r2', status: 'QUEUED', startedAt: null },
      }),
    });
    await settle(fixture);
    expect(testIds('project-status')[0]?.dataset['status']).toBe('QUEUED');
    expect(testIds('run-status')[0]?.dataset['status']).toBe('QUEUED');
    expect(root.querySelector('.project-description')?.textContent).toContain('share recipes');
    expect(testIds('team-panel')).toHaveLength(1);
    expect(testIds('rebuild-form')).toHaveLength(0);

    // The log goes on with the new run's events.
    await emit(live, '9-0', 'run.queued', 'Queued a build of Recipe box');
    expect(renderedEvents().at(-1)).toEqual(['9-0', 'run.queued']);
  });

  it('opens a file read-only in the code viewer', async () => {
    await open(
      projectPayload({
        files: [filePayload('src/app.ts'), filePayload('README.md', { language: 'markdown' })],
      }),
    );

    testIds('file-item')[0]?.click();
    await settle(fixture);
    apollo.expectOne('ProjectFile').flushData({
      project: {
        __typename: 'Project',
        id: 'p1',
        file: { ...filePayload('src/app.ts'), content: 'export const x = 1;\n' },
      },
    });
    await settle(fixture);

    const viewer = testIds('code-viewer')[0];
    expect(viewer?.dataset['path']).toBe('src/app.ts');
    expect(monaco.created).toHaveLength(1);
    expect(monaco.shown.at(-1)).toEqual({
      path: 'src/app.ts',
      language: 'typescript',
      content: 'export const x = 1;\n',
    });

    testIds('file-item')[1]?.click();
    await settle(fixture);
    apollo.expectOne('ProjectFile').flushData({
      project: {
        __typename: 'Project',
        id: 'p1',
        file: { ...filePayload('README.md', { language: 'markdown' }), content: '# Recipe box\n' },
      },
    });
    await settle(fixture);
    expect(testIds('code-viewer')[0]?.dataset['path']).toBe('README.md');
    expect(monaco.shown.at(-1)).toEqual({
      path: 'README.md',
      language: 'markdown',
      content: '# Recipe box\n',
    });
  });

  it('shows a not-found state for an unknown id and does not subscribe', async () => {
    fixture.componentRef.setInput('id', 'nope');
    await settle(fixture);
    apollo
      .expectOne('Project')
      .graphqlErrors([{ message: 'Project not found', extensions: { code: 'NOT_FOUND' } }]);
    await settle(fixture);
    expect(testIds('project-not-found')).toHaveLength(1);
    apollo.expectNone('ProjectEventLog');
    apollo.expectNone('ProjectEvents');
  });

  it('treats a null project as not found', async () => {
    fixture.componentRef.setInput('id', 'gone');
    await settle(fixture);
    apollo.expectOne('Project').flushData({ project: null });
    await settle(fixture);
    expect(testIds('project-not-found')).toHaveLength(1);
  });

  it('links its settings for those who manage it and marks an archived project', async () => {
    await open(projectPayload({ archivedAt: '2026-12-01T00:00:00.000Z' }));
    expect(testIds('project-settings-link')[0]?.getAttribute('href')).toBe('/projects/p1/settings');
    expect(testIds('archived-badge')[0]?.textContent).toContain('Archived');
  });

  it('offers a reader no settings link', async () => {
    const reader = {
      __typename: 'ProjectAccess',
      canEdit: false,
      canManage: false,
      canDelete: false,
    };
    await open(projectPayload({ myAccess: reader }));
    expect(testIds('project-settings-link')).toHaveLength(0);
    expect(testIds('archived-badge')).toHaveLength(0);
  });
});
