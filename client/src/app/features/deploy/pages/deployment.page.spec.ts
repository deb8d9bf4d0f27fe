import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { CONFIRM } from '../../../shared/browser.tokens';
import { byTestId, settle, settleUntil } from '../../../../testing/fakes';
import type { DeployLogLine, DeployTarget, Deployment } from '../models/deploy.models';
import { DeployApi } from '../services/deploy-api.service';
import { DeployEventStream, type DeployStreamUpdate } from '../services/deploy-event-stream.service';
import { PROJECT, deployEvent, deployment, line, target } from '../testing/deploy-payloads';
import { DeploymentPage } from './deployment.page';

class FakeDeployApi {
  current: Deployment = deployment();
  lines: DeployLogLine[] = [line(1, 'npm install'), line(2, 'added 12 packages')];
  past: Deployment[] = [];
  targets: DeployTarget[] = [target('local', { appState: 'running' })];
  reads: number[] = [];
  calls: string[] = [];
  deployment(_id: string, after = 0) {
    this.reads.push(after);
    return Promise.resolve({ ok: true as const, value: { ...this.current, logs: this.lines.filter((l) => l.seq > after) } });
  }
  history() {
    return Promise.resolve({ ok: true as const, value: { canDeploy: true, canConfigure: true, history: this.past, targets: this.targets } });
  }
  cancel(id: string) {
    this.calls.push(`cancel ${id}`);
    return Promise.resolve({ ok: true as const, value: { ...this.current, status: 'CANCELLED' } });
  }
  rollback(id: string) {
    this.calls.push(`rollback ${id}`);
    return Promise.resolve({ ok: true as const, value: deployment({ id: 'd3', trigger: 'rollback', status: 'QUEUED' }) });
  }
  redeploy(id: string) {
    this.calls.push(`redeploy ${id}`);
    return Promise.resolve({ ok: true as const, value: deployment({ id: 'd4', trigger: 'redeploy', status: 'QUEUED' }) });
  }
  stopLocalApp(projectId: string) {
    this.calls.push(`stop ${projectId}`);
    return Promise.resolve({ ok: true as const, value: target('local', { appState: 'stopped' }) });
  }
}

class FakeStream {
  readonly updates = new Subject<DeployStreamUpdate>();
  watched: (string | null)[] = [];
  watch(_projectId: string, after: string | null) {
    this.watched.push(after);
    return this.updates.asObservable();
  }
  emit(type: string, data: Record<string, unknown>, id = `${Date.now()}-${Math.random()}`) {
    this.updates.next({ kind: 'event', event: deployEvent(id, type, { deploymentId: 'd1', ...data }) });
  }
}

describe('DeploymentPage', () => {
  let fixture: ComponentFixture<DeploymentPage>;
  let api: FakeDeployApi;
  let stream: FakeStream;
  let root: HTMLElement;
  let confirmAnswer: boolean;
  let navigate: jest.SpyInstance;

  async function open(setup?: (api: FakeDeployApi) => void) {
    api = new FakeDeployApi();
    setup?.(api);
    stream = new FakeStream();
    confirmAnswer = true;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: DeployApi, useValue: api },
        { provide: DeployEventStream, useValue: stream },
        { provide: CONFIRM, useValue: () => confirmAnswer },
      ],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(DeploymentPage);
    fixture.componentRef.setInput('id', PROJECT);
    fixture.componentRef.setInput('deploymentId', 'd1');
    root = fixture.nativeElement;
    await settleUntil(fixture, () => byTestId(root, 'deploy-timeline').length > 0);
  }

  afterEach(() => fixture.destroy());

  const stepStates = () => byTestId(root, 'deploy-step').map((s) => `${s.dataset['step']}:${s.dataset['state']}`);
  const logTexts = () => byTestId(root, 'deploy-log-line').map((l) => l.querySelector('.text')!.textContent);

  it('follows a deployment: timeline, the first lines, then live lines each once, then the URL', async () => {
    await open();
    expect(stepStates()[0]).toBe('BUILDING:current');
    expect(logTexts()).toEqual(['npm install', 'added 12 packages']);
    // Subscribed from a little before the deployment was created: nothing of it is missed.
    expect(stream.watched[0]).toMatch(/^\d+-0$/);

    stream.emit('deploy.log', { lines: [line(2, 'added 12 packages'), line(3, 'npm test', 'system')] });
    stream.emit('deploy.log', { lines: [line(3, 'npm test', 'system')] }, '5-5');
    stream.emit('deploy.log', { lines: [line(3, 'npm test', 'system')] }, '5-5');
    stream.emit('deploy.status', { status: 'CHECKING' });
    await settle(fixture);
    expect(logTexts()).toEqual(['npm install', 'added 12 packages', 'npm test']);
    expect(byTestId(root, 'deploy-log-line').at(-1)!.dataset['stream']).toBe('system');
    expect(stepStates().slice(3, 5)).toEqual(['DEPLOYING:done', 'CHECKING:current']);
    expect(byTestId(root, 'deployment-cancel')).toHaveLength(1);

    api.current = deployment({ status: 'LIVE', isLive: true, url: 'http://todo.apps.localhost:4002/', finishedAt: '2026-12-07T10:01:05.000Z' });
    stream.emit('deploy.live', { url: 'http://todo.apps.localhost:4002/' });
    await settleUntil(fixture, () => byTestId(root, 'deployment-open-app').length > 0);
    expect(byTestId(root, 'deployment-open-app')[0]!.getAttribute('href')).toBe('http://todo.apps.localhost:4002/');
    expect(byTestId(root, 'deployment-status')[0]!.dataset['status']).toBe('LIVE');
    expect(stepStates().every((s) => s.endsWith(':done'))).toBe(true);
    expect(byTestId(root, 'deployment-cancel')).toHaveLength(0);
    expect(byTestId(root, 'deployment-redeploy')).toHaveLength(1);
  });

  it('reads the missing lines when the stream skips some', async () => {
    await open();
    api.lines = [...api.lines, line(3, 'three'), line(4, 'four')];
    stream.emit('deploy.log', { lines: [line(4, 'four')] });
    await settleUntil(fixture, () => logTexts().length === 4);
    expect(logTexts()).toEqual(['npm install', 'added 12 packages', 'three', 'four']);
    expect(api.reads.at(-1)).toBe(2);
  });

  it('shows a failure on the step it happened at, in words, and what stays live', async () => {
    await open((a) => {
      a.current = deployment({ status: 'FAILED', errorCode: 'DEPLOY_TESTS_FAILED', error: null, finishedAt: '2026-12-07T10:00:30.000Z' });
      a.targets = [target('local', { appState: 'running', liveDeployment: { id: 'd0', url: 'http://todo.apps.localhost:4002/', status: 'LIVE' } })];
    });
    await settleUntil(fixture, () => byTestId(root, 'deployment-still-live')[0]?.textContent?.includes('#d0') === true);
    expect(stepStates()[0]).toBe('BUILDING:failed');
    const [failure] = byTestId(root, 'deployment-failure');
    expect(failure!.dataset['code']).toBe('DEPLOY_TESTS_FAILED');
    expect(failure!.textContent).toContain('tests failed');
    expect(byTestId(root, 'deployment-still-live')[0]!.textContent).toContain('stays live at http://todo.apps.localhost:4002/');
  });

  it('cancels only once confirmed', async () => {
    await open();
    confirmAnswer = false;
    byTestId(root, 'deployment-cancel')[0]!.click();
    await settle(fixture);
    expect(api.calls).toEqual([]);
    confirmAnswer = true;
    byTestId(root, 'deployment-cancel')[0]!.click();
    await settle(fixture);
    expect(api.calls).toEqual(['cancel d1']);
  });

  it('lists the history with the live one marked and rolls back after a confirm', async () => {
    await open((a) => {
      a.current = deployment({ status: 'LIVE', isLive: true, url: 'http://todo.apps.localhost:4002/' });
      a.past = [
        a.current,
        deployment({ id: 'd0', status: 'SUPERSEDED', canRollback: true, createdAt: '2026-12-07T09:00:00.000Z', finishedAt: '2026-12-07T09:01:04.000Z', startedAt: '2026-12-07T09:00:00.000Z' }),
        deployment({ id: 'dx', status: 'FAILED' }),
      ];
    });
    await settleUntil(fixture, () => byTestId(root, 'deploy-history-row').length === 3);
    const rows = byTestId(root, 'deploy-history-row');
    expect(rows.map((r) => r.dataset['live'])).toEqual(['true', 'false', 'false']);
    expect(rows[1]!.textContent).toContain('1 min 4 s');
    expect(rows[1]!.textContent).toContain('Ada');
    expect(byTestId(root, 'deploy-rollback')).toHaveLength(1);
    byTestId(root, 'deploy-rollback')[0]!.click();
    await settle(fixture);
    expect(api.calls).toEqual(['rollback d0']);
    expect(navigate).toHaveBeenCalledWith(['/projects', PROJECT, 'deployments', 'd3']);
  });

  it('shows no local app before the first deployment went live', async () => {
    await open((a) => (a.targets = [target('local')]));
    await settle(fixture, 20);
    expect(byTestId(root, 'local-app')).toHaveLength(0);
  });

  it("reads an unsettled local app's state again until it settles", async () => {
    await open((a) => {
      a.current = deployment({ status: 'LIVE', isLive: true });
      a.targets = [target('local', { appState: null, liveDeployment: { id: 'd1', url: null, status: 'LIVE' } })];
    });
    await settleUntil(fixture, () => byTestId(root, 'local-app-state').length > 0);
    expect(byTestId(root, 'local-app').at(0)!.textContent).toContain('Checking');
    api.targets = [target('local', { appState: 'running', liveDeployment: { id: 'd1', url: null, status: 'LIVE' } })];
    await settleUntil(fixture, () => byTestId(root, 'local-app-state')[0]?.dataset['state'] === 'running', 8000);
  }, 15_000);

  it("shows the local app's state and stops it", async () => {
    await open((a) => (a.current = deployment({ status: 'LIVE', isLive: true })));
    await settleUntil(fixture, () => byTestId(root, 'local-app-state').length > 0);
    expect(byTestId(root, 'local-app-state')[0]!.dataset['state']).toBe('running');
    byTestId(root, 'local-app-stop')[0]!.click();
    await settle(fixture);
    expect(api.calls).toEqual([`stop ${PROJECT}`]);
    expect(byTestId(root, 'local-app-state')[0]!.dataset['state']).toBe('stopped');
    expect(byTestId(root, 'local-app-start')).toHaveLength(1);
  });
});
