import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

const TONE: Record<string, string> = {
  QUEUED: 'neutral',
  BUILDING: 'progress',
  RUNNING: 'progress',
  READY: 'success',
  SUCCEEDED: 'success',
  FAILED: 'danger',
};

/** A project or run status as a coloured pill. */
@Component({
  selector: 'app-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="'badge badge-' + tone()">{{ label() }}</span>`,
})
export class StatusBadgeComponent {
  readonly status = input.required<string>();
  protected readonly tone = computed(() => TONE[this.status()] ?? 'neutral');
  protected readonly label = computed(
    () => this.status().charAt(0) + this.status().slice(1).toLowerCase(),
  );
}
