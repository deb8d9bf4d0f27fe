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
});
