import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type Deployment, deployStatusDisplay, providerLabel } from '../models/deploy.models';

/**
 * The newest deployment of one target as a pill: "Local · Live" with its URL, "Vercel · Deploying…", or
 * "Netlify · Failed" (with the URL of what stays live, if anything); the pill links to the deployment's page.
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
      @if (url(); as href) {
        <a class="url" data-testid="deploy-badge-url" [href]="href" target="_blank" rel="noopener"
          [attr.title]="d.status === 'LIVE' ? null : 'The previous deployment is still live here'">{{ shortUrl() }}</a>
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
  /** The target's live URL when the newest deployment is not the live one (it failed, or is on its way). */
  readonly liveUrl = input<string | null>(null);
  protected readonly url = computed(() => {
    const d = this.deployment();
    return d.status === 'LIVE' ? d.url : this.liveUrl();
  });
  protected readonly display = computed(() => deployStatusDisplay(this.deployment().status));
  protected readonly target = computed(() => providerLabel(this.deployment().target));
  protected readonly shortUrl = computed(() => (this.url() ?? '').replace(/^https?:\/\//, '').replace(/\/$/, ''));
}
