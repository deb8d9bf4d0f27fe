import { TestBed } from '@angular/core/testing';
import { STATUS_DISPLAY, StatusBadgeComponent, statusDisplay } from './status-badge.component';

/** Every state the server names (core/project ProjectStatus and RunStatus, the coordinator's phases). */
const PROJECT_STATES = ['QUEUED', 'BUILDING', 'AWAITING_APPROVAL', 'READY', 'FAILED', 'CANCELLED'];
const RUN_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const TEAM_PHASES = [
  'waiting',
  'planning',
  'awaiting_approval',
  'running',
  'paused',
  'verifying',
  'done',
  'failed',
];

function render(status: string): HTMLElement {
  const fixture = TestBed.createComponent(StatusBadgeComponent);
  fixture.componentRef.setInput('status', status);
  fixture.detectChanges();
  return fixture.nativeElement.querySelector('.badge') as HTMLElement;
}

describe('StatusBadgeComponent', () => {
  it.each([
    ['QUEUED', 'Queued', 'neutral'],
    ['BUILDING', 'Building', 'info'],
    ['AWAITING_APPROVAL', 'Awaiting approval', 'attention'],
    ['awaiting_approval', 'Awaiting approval', 'attention'],
    ['READY', 'Ready', 'success'],
    ['FAILED', 'Failed', 'danger'],
    ['CANCELLED', 'Cancelled', 'muted'],
    ['RUNNING', 'Running', 'info'],
    ['SUCCEEDED', 'Succeeded', 'success'],
    ['waiting', 'Waiting for a slot', 'neutral'],
    ['paused', 'Paused', 'attention'],
  ])('shows %s as "%s" in %s', (status, label, tone) => {
    const badge = render(status);
    expect(badge.textContent?.trim()).toBe(label);
    expect(badge.classList).toContain(`badge-${tone}`);
  });

  it('gives every state the server names a label of its own, and red only to failures', () => {
    const states = [
      ...new Set([...PROJECT_STATES, ...RUN_STATES, ...TEAM_PHASES.map((p) => p.toUpperCase())]),
    ];
    for (const state of states) expect(STATUS_DISPLAY[state]).toBeDefined();
    const labels = states.map((s) => statusDisplay(s).label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(states.filter((s) => statusDisplay(s).tone === 'danger')).toEqual(['FAILED']);
  });

  it('names a state it does not know in words, in grey', () => {
    expect(statusDisplay('ROLLING_BACK')).toEqual({ label: 'Rolling back', tone: 'neutral' });
  });
});
