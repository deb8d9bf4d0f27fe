import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ProjectRun } from '../models/project.models';
import { StatusBadgeComponent } from './status-badge.component';

/** The latest run: its status, when it was queued, started and finished, and why it failed. */
@Component({
  selector: 'app-run-summary',
  imports: [DatePipe, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (run(); as run) {
      <dl class="run-summary">
        <div>
          <dt>Latest run</dt>
          <dd data-testid="run-status" [attr.data-status]="run.status">
            <app-status-badge [status]="run.status" />
          </dd>
        </div>
        <div>
          <dt>Queued</dt>
          <dd>{{ run.createdAt | date: 'MMM d, HH:mm:ss' }}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{{ run.startedAt ? (run.startedAt | date: 'MMM d, HH:mm:ss') : '—' }}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{{ run.finishedAt ? (run.finishedAt | date: 'MMM d, HH:mm:ss') : '—' }}</dd>
        </div>
      </dl>
      @if (run.error) {
        <p class="run-error" role="alert">{{ run.error }}</p>
      }
    } @else {
      <p class="muted" data-testid="run-status" data-status="NONE">No run yet.</p>
    }
  `,
})
export class RunSummaryComponent {
  readonly run = input.required<ProjectRun | null>();
}
