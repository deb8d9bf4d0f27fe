import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { of } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { byTestId, settle, settleUntil } from '../../../../testing/fakes';
import { SandboxApi } from '../services/sandbox-api.service';
import type {
  PreviewLinkFragment as PreviewLink,
  SandboxViewFragment as SandboxView,
} from '../../../generated/sandbox';
import { SandboxPanelComponent } from './sandbox-panel.component';

const ID = '0b7f0d3e-2f7a-4c55-9a53-1f1f6e0b8a11';
const ORIGIN = `http://${ID}.preview.localhost:4001/`;

/** A SandboxApi whose list answers from `boxes`; start and destroy are recorded. */
class FakeSandboxApi {
  boxes: SandboxView[] = [];
  started: string[] = [];
  destroyed: string[] = [];
  opened: string[] = [];
  linkUrl = `${ORIGIN}?atelier_preview_token=t1`;
  openPreview(sandboxId: string) {
    this.opened.push(sandboxId);
    return of<Result<PreviewLink>>({ ok: true, value: { url: this.linkUrl, expiresAt: null } });
  }
  list() {
    return of<Result<SandboxView[]>>({ ok: true, value: this.boxes });
  }
  start(projectId: string) {
    this.started.push(projectId);
    this.boxes = [
      {
        id: ID,
        status: 'CREATING',
        runtime: 'node',
        previewUrl: null,
        terminalPath: `/terminal/${ID}`,
        lastActivityAt: '',
      },
    ];
    return of<Result<string>>({ ok: true, value: 'wf' });
  }
  destroy(id: string) {
    this.destroyed.push(id);
    this.boxes = [];
    return of<Result<boolean>>({ ok: true, value: true });
  }
}

describe('SandboxPanelComponent', () => {
  let fixture: ComponentFixture<SandboxPanelComponent>;
  let api: FakeSandboxApi;

  beforeEach(async () => {
    api = new FakeSandboxApi();
    TestBed.configureTestingModule({ providers: [{ provide: SandboxApi, useValue: api }] });
    fixture = TestBed.createComponent(SandboxPanelComponent);
    fixture.componentRef.setInput('projectId', 'p1');
    // The first list arrives on a timer (the poll's first tick).
    await settle(fixture, 10);
  });

  afterEach(() => fixture.destroy());

  it('starts a sandbox for the project and shows it starting', async () => {
    // The first list arrives on the poll's first tick, later than 10 ms when the machine is busy.
    await settleUntil(fixture, () => byTestId(fixture.nativeElement, 'sandbox-start').length > 0);
    const [start] = byTestId(fixture.nativeElement, 'sandbox-start');
    start!.click();
    await settle(fixture);
    expect(api.started).toEqual(['p1']);
    expect(byTestId(fixture.nativeElement, 'sandbox-status')[0]?.textContent).toContain('starting');
    expect(byTestId(fixture.nativeElement, 'sandbox-waiting')).toHaveLength(1);
  });

  const running = (): SandboxView => ({
    id: ID,
    status: 'RUNNING',
    runtime: 'node',
    previewUrl: ORIGIN,
    terminalPath: `/terminal/${ID}`,
    lastActivityAt: '',
  });

  it('shows the preview from its own origin through a link asked for once, and stops the sandbox', async () => {
    api.boxes = [running()];
    fixture.componentRef.setInput('projectId', 'p2');
    await settleUntil(fixture, () => byTestId(fixture.nativeElement, 'sandbox-preview').length > 0);
    const [frame] = byTestId(fixture.nativeElement, 'sandbox-preview') as HTMLIFrameElement[];
    expect(frame!.getAttribute('src')).toBe(`${ORIGIN}?atelier_preview_token=t1`);
    // Safe on a separate origin, and needed for the page to call its own API.
    expect(frame!.getAttribute('sandbox')).toContain('allow-scripts');
    expect(frame!.getAttribute('sandbox')).toContain('allow-same-origin');
    await settle(fixture, 10);
    expect(api.opened).toEqual([ID]);
    byTestId(fixture.nativeElement, 'sandbox-stop')[0]!.click();
    await settle(fixture);
    expect(api.destroyed).toEqual([ID]);
    expect(byTestId(fixture.nativeElement, 'sandbox-start')).toHaveLength(1);
  });

  it('frames only a URL on the sandbox\'s own preview host', async () => {
    api.linkUrl = `${ORIGIN.replace(ID, 'ffffffff-2f7a-4c55-9a53-1f1f6e0b8a11')}`;
    api.boxes = [running()];
    fixture.componentRef.setInput('projectId', 'p3');
    await settleUntil(fixture, () => byTestId(fixture.nativeElement, 'sandbox-preview').length > 0);
    const [frame] = byTestId(fixture.nativeElement, 'sandbox-preview') as HTMLIFrameElement[];
    expect(frame!.getAttribute('src')).toBe('about:blank');
  });

  it('opens the preview in a tab with a fresh link', async () => {
    const open = jest.spyOn(window, 'open').mockReturnValue(null);
    api.boxes = [running()];
    fixture.componentRef.setInput('projectId', 'p4');
    await settleUntil(fixture, () => byTestId(fixture.nativeElement, 'sandbox-open-tab').length > 0);
    api.linkUrl = `${ORIGIN}?atelier_preview_token=t2`;
    byTestId(fixture.nativeElement, 'sandbox-open-tab')[0]!.click();
    await settle(fixture);
    expect(open).toHaveBeenCalledWith(`${ORIGIN}?atelier_preview_token=t2`, '_blank', 'noopener');
    open.mockRestore();
  });
});
