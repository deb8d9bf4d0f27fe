import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { DeployResult } from '../models/deploy-error';
import type { DeployOverview, DeployTarget, Deployment } from '../models/deploy.models';
import { DeployApi } from '../services/deploy-api.service';
import { DeployBadgeComponent } from './deploy-badge.component';
import { DeployDialogComponent } from './deploy-dialog.component';

/** Events after which the badge reads the deployments again (log lines change nothing it shows). */
const CHANGING = new Set(['deploy.created', 'deploy.status', 'deploy.live', 'deploy.failed', 'deploy.cancelled', 'deploy.app']);

/**
 * The project header's deployments: a badge per target's newest deployment, a link to the history and the
 * Deploy button with its dialog, which opens the new deployment's page.
 */
@Component({
  selector: 'app-project-deploy',
  imports: [RouterLink, DeployBadgeComponent, DeployDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let o = loaded();
    <div class="project-deploy" data-testid="project-deploy">
      @if (o) {
        @if (showBadges()) {
          @for (d of o.latest; track d.id) {
            <app-deploy-badge [deployment]="d" [liveUrl]="liveUrl(o.targets, d.target)" />
          }
        }
        @if (showBadges() && o.latest.length) {
          <a class="button" data-testid="deployments-link" [routerLink]="['/projects', projectId(), 'deployments']"
            >Deployments</a
          >
        }
        @if (o.canDeploy) {
          <button
            type="button"
            class="button primary"
            data-testid="deploy-open"
            [disabled]="archived()"
            [attr.title]="archived() ? 'Restore the project to deploy it' : null"
            (click)="open.set(true)"
          >
            Deploy
          </button>
        }
      }
    </div>
    @if (open() && o) {
      <app-deploy-dialog
        [projectId]="projectId()"
        [teamId]="teamId()"
        [targets]="o.targets"
        (deployed)="onDeployed($event)"
        (closed)="open.set(false)"
      />
    }
  `,
  styles: `
    /* Beside the project's title in the header: wrap within a bounded width rather than squeeze the title. */
    :host {
      display: block;
      min-width: 0;
      max-width: 460px;
    }
    .project-deploy {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class ProjectDeployComponent {
  private readonly api = inject(DeployApi);
  private readonly router = inject(Router);
  readonly projectId = input.required<string>();
  readonly teamId = input<string | null>(null);
  readonly archived = input(false);
  /** Off where the page lists the deployments itself. */
  readonly showBadges = input(true);
  /** The project's events as the project page streams them: a deployment event refreshes the badge. */
  readonly events = input<readonly { readonly type: string }[]>([]);

  protected readonly overview = signal<DeployResult<DeployOverview> | null>(null);
  protected readonly loaded = computed(() => {
    const o = this.overview();
    return o?.ok ? o.value : null;
  });
  protected readonly open = signal(false);
  private readonly deployEvents = computed(() => this.events().filter((e) => CHANGING.has(e.type)).length);
  private loading = 0;

  constructor() {
    effect(() => {
      const id = this.projectId();
      this.deployEvents();
      untracked(() => void this.load(id));
    });
    inject(DestroyRef).onDestroy(() => (this.loading = -1));
  }

  private async load(id: string): Promise<void> {
    const call = ++this.loading;
    const result = await this.api.overview(id);
    // A later read (another event, another project) wins; a failed refresh keeps what is shown.
    if (call !== this.loading || (!result.ok && this.overview()?.ok)) return;
    this.overview.set(result);
  }

  protected liveUrl(targets: readonly DeployTarget[], target: string): string | null {
    return targets.find((t) => t.target === target)?.liveDeployment?.url ?? null;
  }

  protected onDeployed(deployment: Deployment): void {
    this.open.set(false);
    void this.router.navigate(['/projects', deployment.projectId, 'deployments', deployment.id]);
  }
}
