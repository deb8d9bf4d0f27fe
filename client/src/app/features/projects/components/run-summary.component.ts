import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ProjectRun, RunActor } from '../models/project.models';
import { StatusBadgeComponent } from '../../../shared/components/status-badge.component';

/**
 * The latest run: its status, when it was queued, started and finished, who started, approved, paused
 * or cancelled it (a team's runs are anyone's in the team to act on), and why it failed.
 */
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
      @if (actors().length) {
        <p class="muted run-actors" data-testid="run-actors">
          @for (a of actors(); track a.key) {
            {{ a.label }}
            <span class="strong" [attr.data-testid]="'run-' + a.key + '-by'">{{ a.name }}</span
            >{{ $last ? '.' : ',' }}
          }
        </p>
      }
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

  /** Who acted, in the order a run goes through: "Started by A, approved by B." */
  protected readonly actors = computed(() => {
    const run = this.run();
    if (!run) return [];
    const acts: [string, RunActor | null | undefined][] = [
      ['started', run.startedBy],
      ['approved', run.approvedBy],
      ['paused', run.pausedBy],
      ['cancelled', run.cancelledBy],
    ];
    return acts
      .filter((act): act is [string, RunActor] => !!act[1])
      .map(([key, actor], i) => ({
        key,
        label: `${i === 0 ? key[0]!.toUpperCase() + key.slice(1) : key} by`,
        name: actor.displayName,
      }));
  });
}
