import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OfflineBuild, ProjectRun, RunActor } from '../models/project.models';
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
          <dd data-testid="run-status" [attr.data-status]="status()">
            <app-status-badge [status]="status()" />
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
      @if (run.status !== 'CANCELLED' && run.offlineBuild; as offline) {
        <p
          class="run-offline"
          data-testid="run-offline-note"
          [class.unmatched]="!offline.matched"
          [attr.data-matched]="offline.matched"
        >
          {{ resultNote(run, offline) }}
        </p>
      }
      @if (run.error) {
        @if (run.status === 'CANCELLED') {
          <p class="run-note" data-testid="run-cancelled">{{ run.error }}.</p>
        } @else {
          <p class="run-error" role="alert">{{ run.error }}</p>
        }
      }
    } @else {
      <p class="muted" data-testid="run-status" data-status="NONE">No run yet.</p>
    }
  `,
})
export class RunSummaryComponent {
  readonly run = input.required<ProjectRun | null>();

  /** A run whose plan waits for a person is awaiting approval, whatever its workflow is doing meanwhile. */
  protected readonly status = computed(() => {
    const run = this.run();
    if (!run) return 'NONE';
    const open = run.status === 'QUEUED' || run.status === 'RUNNING';
    return open && run.planStatus === 'proposed' ? 'AWAITING_APPROVAL' : run.status;
  });

  /** Offline, what was built: the server's note while the run goes on, in the past tense once it ended. */
  protected resultNote(run: ProjectRun, offline: OfflineBuild): string {
    if (run.status === 'FAILED') {
      return offline.matched
        ? `Worked offline on the "${offline.blueprintName}" blueprint, the closest match to the description.`
        : `Worked offline on the "${offline.blueprintName}" blueprint, not on the description: no built-in blueprint fits it.`;
    }
    if (run.status !== 'SUCCEEDED') return offline.note;
    return offline.matched
      ? `Built offline from the "${offline.blueprintName}" blueprint, the closest match to the description.`
      : `Built offline from the "${offline.blueprintName}" blueprint, not from the description: no built-in blueprint fits it. Its tests are the blueprint's tests.`;
  }

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
