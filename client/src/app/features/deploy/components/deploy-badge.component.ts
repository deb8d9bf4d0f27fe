import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type Deployment, deployStatusDisplay, providerLabel } from '../models/deploy.models';

/**
 * The newest deployment of one target as a pill: "Local · Live" with its URL, "Vercel · Deploying…", or
 * "Netlify · Failed"; the pill links to the deployment's page.
 */
@Component({
  selector: 'app-deploy-badge',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = deployment();
    <span class="deploy-badge" data-testid="deploy-badge" [attr.data-target]="d.target" [attr.data-status]="d.status">
      <a
        [class]="'badge badge-' + display().tone"
        [routerLink]="['/projects', d.projectId, 'deployments', d.id]"
        [attr.title]="'Open the deployment to ' + target()"
        >{{ target() }} · {{ display().label }}</a
      >
      @if (d.status === 'LIVE' && d.url) {
        <a class="url" data-testid="deploy-badge-url" [href]="d.url" target="_blank" rel="noopener">{{
          shortUrl()
        }}</a>
      }
    </span>
  `,
  styles: `
    .deploy-badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-size: 13px;
      max-width: 100%;
    }
    a.badge:hover {
      text-decoration: none;
      filter: brightness(0.97);
    }
    .url {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 260px;
    }
  `,
})
export class DeployBadgeComponent {
  readonly deployment = input.required<Deployment>();
  protected readonly display = computed(() => deployStatusDisplay(this.deployment().status));
  protected readonly target = computed(() => providerLabel(this.deployment().target));
  protected readonly shortUrl = computed(() => (this.deployment().url ?? '').replace(/^https?:\/\//, '').replace(/\/$/, ''));
}
