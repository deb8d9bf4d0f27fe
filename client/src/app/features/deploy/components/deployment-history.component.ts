import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  type Deployment,
  TRIGGER_LABELS,
  deployStatusDisplay,
  duration,
  providerLabel,
} from '../models/deploy.models';

/**
 * The project's deployments, newest first: target, status, trigger, who, when, how long; the live one of each
 * target marked, the one shown highlighted, and Rollback on each that can be rolled back to.
 */
@Component({
  selector: 'app-deployment-history',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!deployments().length) {
      <p class="muted empty" data-testid="deploy-history-empty">No deployments yet.</p>
    } @else {
      <div class="table-scroll">
        <table class="table" data-testid="deploy-history">
          <thead>
            <tr>
              <th>Deployment</th>
              <th>Status</th>
              <th>Trigger</th>
              <th>By</th>
              <th>When</th>
              <th>Took</th>
              <th><span class="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (d of deployments(); track d.id) {
              @let s = status(d.status);
              <tr
                data-testid="deploy-history-row"
                [attr.data-deployment-id]="d.id"
                [attr.data-status]="d.status"
                [attr.data-live]="d.isLive"
                [class.current]="d.id === currentId()"
              >
                <td>
                  <a [routerLink]="['/projects', d.projectId, 'deployments', d.id]" class="strong">{{
                    label(d.target)
                  }}</a>
                  <span class="muted id">#{{ d.id.slice(0, 8) }}</span>
                </td>
                <td>
                  @if (d.isLive) {
                    <span class="badge badge-success" data-testid="deploy-history-live">Live now</span>
                  } @else {
                    <span [class]="'badge badge-' + s.tone">{{ s.label }}</span>
                  }
                  @if (d.skipTests) {
                    <span class="badge badge-attention" title="Tests were skipped for this deployment">Tests skipped</span>
                  }
                </td>
                <td>{{ trigger(d.trigger) }}</td>
                <td>{{ d.createdBy?.displayName ?? (d.trigger === 'agent' ? 'Devops agent' : '—') }}</td>
                <td class="muted nowrap">
                  <time [attr.datetime]="d.createdAt">{{ d.createdAt | date: 'MMM d, HH:mm' }}</time>
                </td>
                <td class="muted nowrap">{{ took(d) ?? '—' }}</td>
                <td class="actions">
                  @if (canDeploy() && d.canRollback) {
                    <button
                      type="button"
                      class="button"
                      data-testid="deploy-rollback"
                      [disabled]="busy()"
                      (click)="rollback.emit(d)"
                    >
                      Roll back
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styleUrl: '../../../shared/styles/sr-only.css',
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    .table td {
      vertical-align: middle;
    }
    /* A mark, not a fill: a fill in the badges' own pale colours would hide them. */
    tr.current td:first-child {
      box-shadow: inset 3px 0 0 var(--accent);
    }
    .id {
      margin-left: 6px;
      font-family: var(--mono);
      font-size: 12px;
    }
    .badge {
      white-space: nowrap;
    }
    .badge + .badge {
      margin-left: 6px;
    }
    .nowrap {
      white-space: nowrap;
    }
    .actions {
      text-align: right;
    }
    .empty {
      margin: 0;
      padding: 14px;
    }
  `,
})
export class DeploymentHistoryComponent {
  readonly deployments = input.required<readonly Deployment[]>();
  readonly currentId = input<string | null>(null);
  readonly canDeploy = input(false);
  readonly busy = input(false);
  readonly rollback = output<Deployment>();
  protected readonly status = deployStatusDisplay;
  protected readonly label = providerLabel;
  protected readonly trigger = (t: string) => TRIGGER_LABELS[t] ?? t;
  protected readonly took = (d: Deployment) => duration(d.startedAt ?? d.createdAt, d.finishedAt);
}
