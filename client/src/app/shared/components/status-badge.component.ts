import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** How a state looks: the words and the colour (a `badge-<tone>` class from styles.css). */
export interface StatusDisplay {
  readonly label: string;
  readonly tone: 'neutral' | 'info' | 'attention' | 'success' | 'danger' | 'muted';
}

/**
 * One label and one colour per state, for projects (ProjectStatus), runs (RunStatus) and the agent team's
 * phases (lower-case on the wire, matched here in upper case). Grey is for states nobody needs to act on,
 * amber for a person's turn, red only for a real failure.
 */
export const STATUS_DISPLAY: Readonly<Record<string, StatusDisplay>> = {
  QUEUED: { label: 'Queued', tone: 'neutral' },
  WAITING: { label: 'Waiting for a slot', tone: 'neutral' },
  BUILDING: { label: 'Building', tone: 'info' },
  RUNNING: { label: 'Running', tone: 'info' },
  PLANNING: { label: 'Planning', tone: 'info' },
  VERIFYING: { label: 'Verifying', tone: 'info' },
  AWAITING_APPROVAL: { label: 'Awaiting approval', tone: 'attention' },
  PAUSED: { label: 'Paused', tone: 'attention' },
  READY: { label: 'Ready', tone: 'success' },
  SUCCEEDED: { label: 'Succeeded', tone: 'success' },
  DONE: { label: 'Done', tone: 'success' },
  FAILED: { label: 'Failed', tone: 'danger' },
  CANCELLED: { label: 'Cancelled', tone: 'muted' },
};

/** The display of a state; a state this client does not know yet shows its own name, in grey. */
export function statusDisplay(status: string): StatusDisplay {
  const key = status.toUpperCase();
  const known = STATUS_DISPLAY[key];
  if (known) return known;
  const words = key.replace(/_/g, ' ').toLowerCase();
  return { label: words.charAt(0).toUpperCase() + words.slice(1), tone: 'neutral' };
}

/** A project, run or agent-team state as a coloured pill. */
@Component({
  selector: 'app-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'badge badge-' + display().tone" [attr.data-tone]="display().tone">{{
    display().label
  }}</span>`,
})
export class StatusBadgeComponent {
  readonly status = input.required<string>();
  protected readonly display = computed(() => statusDisplay(this.status()));
}
