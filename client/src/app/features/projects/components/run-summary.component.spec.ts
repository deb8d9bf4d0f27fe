import { TestBed } from '@angular/core/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import type { ProjectRun } from '../models/project.models';
import { RunSummaryComponent } from './run-summary.component';

const RUN: ProjectRun = {
  id: 'r1',
  status: 'CANCELLED',
  startedAt: '2026-11-27T10:00:01.000Z',
  finishedAt: '2026-11-27T10:05:00.000Z',
  error: null,
  createdAt: '2026-11-27T10:00:00.000Z',
  startedBy: { id: 'u3', displayName: 'Linus' },
  approvedBy: null,
  pausedBy: null,
  cancelledBy: null,
  planStatus: null,
  offlineBuild: null,
};

describe('RunSummaryComponent', () => {
  async function render(run: ProjectRun | null): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(RunSummaryComponent);
    fixture.componentRef.setInput('run', run);
    await settle(fixture);
    return fixture.nativeElement;
  }
  const line = (root: HTMLElement) =>
    byTestId(root, 'run-actors')[0]?.textContent?.replace(/\s+/g, ' ').trim();

  it('says who started the run', async () => {
    expect(line(await render(RUN))).toBe('Started by Linus.');
  });

  it('adds who approved, paused and cancelled it, when set', async () => {
    const root = await render({
      ...RUN,
      approvedBy: { id: 'u1', displayName: 'Ada' },
      pausedBy: { id: 'u2', displayName: 'Grace' },
      cancelledBy: { id: 'u1', displayName: 'Ada' },
    });
    expect(line(root)).toBe(
      'Started by Linus, approved by Ada, paused by Grace, cancelled by Ada.',
    );
    expect(byTestId(root, 'run-cancelled-by')[0]?.textContent).toBe('Ada');
  });

  it('names nobody for a run from before this was recorded, or with no run', async () => {
    expect(byTestId(await render({ ...RUN, startedBy: null }), 'run-actors')).toHaveLength(0);
    expect(byTestId(await render(null), 'run-actors')).toHaveLength(0);
  });

  const status = (root: HTMLElement) => byTestId(root, 'run-status')[0]!;

  it('shows a run whose plan waits for a person as awaiting approval, in amber', async () => {
    for (const runStatus of ['QUEUED', 'RUNNING'] as const) {
      const root = await render({
        ...RUN,
        status: runStatus,
        finishedAt: null,
        planStatus: 'proposed',
      });
      expect(status(root).getAttribute('data-status')).toBe('AWAITING_APPROVAL');
      expect(status(root).textContent?.trim()).toBe('Awaiting approval');
      expect(status(root).querySelector('.badge-attention')).not.toBeNull();
    }
    const approved = await render({ ...RUN, status: 'RUNNING', planStatus: 'approved' });
    expect(status(approved).textContent?.trim()).toBe('Running');
  });

  it('shows a cancelled run in grey as cancelled, never as a failure', async () => {
    const root = await render({ ...RUN, error: 'The build was cancelled' });
    expect(status(root).textContent?.trim()).toBe('Cancelled');
    expect(status(root).querySelector('.badge-muted')).not.toBeNull();
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(byTestId(root, 'run-cancelled')[0]?.textContent?.trim()).toBe(
      'The build was cancelled.',
    );
  });

  it('says an offline result was built from a blueprint, not from the description, when none fitted', async () => {
    const offlineBuild = {
      blueprintName: 'Minimal Node project',
      matched: false,
      note: 'Offline mode: … not what the description asks for.',
    };
    const done = await render({ ...RUN, status: 'SUCCEEDED', offlineBuild });
    const note = byTestId(done, 'run-offline-note')[0]!;
    expect(note.getAttribute('data-matched')).toBe('false');
    expect(note.textContent).toMatch(
      /Built offline from the "Minimal Node project" blueprint, not from the description/,
    );
    const waiting = await render({
      ...RUN,
      status: 'RUNNING',
      planStatus: 'proposed',
      offlineBuild,
    });
    expect(byTestId(waiting, 'run-offline-note')[0]?.textContent?.trim()).toBe(offlineBuild.note);
    expect(
      byTestId(await render({ ...RUN, status: 'SUCCEEDED' }), 'run-offline-note'),
    ).toHaveLength(0);
    const failed = await render({
      ...RUN,
      status: 'FAILED',
      error: 'The tests fail',
      offlineBuild,
    });
    expect(byTestId(failed, 'run-offline-note')[0]?.textContent).toMatch(
      /Worked offline on the "Minimal Node project" blueprint, not on the description/,
    );
    // A cancelled run builds nothing: no note about what it would have built.
    expect(byTestId(await render({ ...RUN, offlineBuild }), 'run-offline-note')).toHaveLength(0);
  });
});
