import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { auditTime, filter, startWith, switchMap, tap } from 'rxjs';
import { CONFIRM } from '../../../shared/browser.tokens';
import { DeploymentHistoryComponent } from '../components/deployment-history.component';
import { ProjectDeployComponent } from '../components/project-deploy.component';
import type { DeployResult } from '../models/deploy-error';
import { type DeployHistory, type Deployment, providerLabel } from '../models/deploy.models';
import { DeployApi } from '../services/deploy-api.service';
import { DeployEventStream, streamIdAt } from '../services/deploy-event-stream.service';
import { HISTORY_AUDIT_MS } from './deployment.page';
import { ProjectNotFoundComponent } from '../../../shared/components/project-not-found.component';

/** `/projects/:id/deployments`: what is live where, every deployment with Rollback, Deploy, and the settings link. */
@Component({
  selector: 'app-deployments-page',
  imports: [RouterLink, DeploymentHistoryComponent, ProjectDeployComponent, ProjectNotFoundComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deployments.page.html',
  styles: `
    .live-list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 12px;
      margin-bottom: 16px;
    }
    .live-target {
      padding: 12px 14px;
      display: grid;
      gap: 4px;
      min-width: 0;
    }
    .live-target a {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .app-state {
      color: var(--muted);
      font-size: 13px;
    }
    .panel-header h2 {
      margin: 0;
    }
    .header-actions {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      justify-content: flex-end;
    }
  `,
})
export class DeploymentsPage {
  readonly id = input.required<string>();
  private readonly api = inject(DeployApi);
  private readonly stream = inject(DeployEventStream);
  private readonly router = inject(Router);
  private readonly confirm = inject(CONFIRM);

  protected readonly data = signal<DeployResult<DeployHistory> | null>(null);
  protected readonly canConfigure = computed(() => {
    const d = this.data();
    return !!d?.ok && d.value.canConfigure;
  });
  protected readonly events = signal<readonly { type: string }[]>([]);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly label = providerLabel;

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((projectId) => {
          this.data.set(null);
          const changes$ = this.stream.watch(projectId, streamIdAt(new Date().toISOString())).pipe(
            filter((u) => u.kind === 'event' && u.event.type !== 'deploy.log'),
            tap((u) => u.kind === 'event' && this.events.update((list) => [...list.slice(-50), u.event])),
          );
          return changes$.pipe(
            auditTime(HISTORY_AUDIT_MS),
            startWith(null),
            switchMap(() => this.api.history(projectId, 100)),
            tap((result) => (result.ok || !this.data()?.ok) && this.data.set(result)),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected async rollback(target: Deployment): Promise<void> {
    const when = new Date(target.createdAt).toLocaleString();
    if (!this.confirm(`Roll back ${providerLabel(target.target)} to the deployment of ${when}? It goes live again from its kept package.`))
      return;
    this.busy.set(true);
    this.actionError.set(null);
    const result = await this.api.rollback(target.id);
    this.busy.set(false);
    if (!result.ok) return this.actionError.set(result.error.message);
    void this.router.navigate(['/projects', result.value.projectId, 'deployments', result.value.id]);
  }
}
