import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { of } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { byTestId, settle, settleUntil } from '../../../../testing/fakes';
import { SandboxApi } from '../services/sandbox-api.service';
import type { SandboxView } from '../services/sandbox.documents';
import { SandboxPanelComponent } from './sandbox-panel.component';

const ID = '0b7f0d3e-2f7a-4c55-9a53-1f1f6e0b8a11';

/** A SandboxApi whose list answers from `boxes`; start and destroy are recorded. */
class FakeSandboxApi {
  boxes: SandboxView[] = [];
  started: string[] = [];
  destroyed: string[] = [];
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
    const [start] = byTestId(fixture.nativeElement, 'sandbox-start');
    start!.click();
    await settle(fixture);
    expect(api.started).toEqual(['p1']);
    expect(byTestId(fixture.nativeElement, 'sandbox-status')[0]?.textContent).toContain('starting');
    expect(byTestId(fixture.nativeElement, 'sandbox-waiting')).toHaveLength(1);
  });

  it('shows the preview in an iframe with an opaque origin, and stops the sandbox', async () => {
    api.boxes = [
      {
        id: ID,
        status: 'RUNNING',
        runtime: 'node',
        previewUrl: `/preview/${ID}/`,
        terminalPath: `/terminal/${ID}`,
        lastActivityAt: '',
      },
    ];
    fixture.componentRef.setInput('projectId', 'p2');
    await settleUntil(fixture, () => byTestId(fixture.nativeElement, 'sandbox-preview').length > 0);
    const [frame] = byTestId(fixture.nativeElement, 'sandbox-preview') as HTMLIFrameElement[];
    expect(frame!.getAttribute('src')).toBe(`/preview/${ID}/`);
    expect(frame!.getAttribute('sandbox')).toContain('allow-scripts');
    expect(frame!.getAttribute('sandbox')).not.toContain('allow-same-origin');
    byTestId(fixture.nativeElement, 'sandbox-stop')[0]!.click();
    await settle(fixture);
    expect(api.destroyed).toEqual([ID]);
    expect(byTestId(fixture.nativeElement, 'sandbox-start')).toHaveLength(1);
  });
});
