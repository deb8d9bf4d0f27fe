import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { from, switchMap } from 'rxjs';
import { EnvVarsComponent } from '../components/env-vars.component';
import { TargetSettingsComponent } from '../components/target-settings.component';
import type { DeployResult } from '../models/deploy-error';
import type { DeploySettings } from '../models/deploy.models';
import { DeployApi } from '../services/deploy-api.service';

/** `/projects/:id/deployments/settings`: each target's options and the project's env vars and secrets. */
@Component({
  selector: 'app-deploy-settings-page',
  imports: [RouterLink, EnvVarsComponent, TargetSettingsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back-link" [routerLink]="['/projects', id(), 'deployments']">← Deployments</a>
    <header class="page-header">
      <div>
        <h1>Deployment settings</h1>
        <p class="muted">
          Where this project deploys and with what. Provider tokens are yours (or your team's):
          <a routerLink="/account" fragment="deploy-tokens">manage tokens</a>.
        </p>
      </div>
    </header>
    @let r = data();
    @if (!r) {
      <p class="muted" aria-busy="true">Loading settings…</p>
    } @else if (!r.ok) {
      <div class="callout error" role="alert" data-testid="deploy-settings-error">{{ r.error.message }}</div>
    } @else {
      @if (!r.value.canConfigure) {
        <div class="callout note" data-testid="deploy-settings-read-only">
          <p>You can see these settings but not change them: ask the project's owner or a team admin.</p>
        </div>
      }
      <h2>Targets</h2>
      <div class="targets">
        @for (t of r.value.targets; track t.target) {
          <app-target-settings [projectId]="id()" [target]="t" [canConfigure]="r.value.canConfigure" />
        }
      </div>
      <app-env-vars
        [projectId]="id()"
        [targets]="r.value.targets"
        [vars]="r.value.env"
        [canConfigure]="r.value.canConfigure"
      />
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 960px;
    }
    h2 {
      margin: 8px 0 10px;
    }
    .targets {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
      gap: 12px;
      margin-bottom: 20px;
    }
    .callout.note {
      background: var(--info-bg);
      border: 1px solid color-mix(in srgb, var(--accent) 25%, transparent);
    }
  `,
})
export class DeploySettingsPage {
  readonly id = input.required<string>();
  private readonly api = inject(DeployApi);
  protected readonly data = signal<DeployResult<DeploySettings> | null>(null);

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id) => {
          this.data.set(null);
          return from(this.api.settings(id));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.data.set(result));
  }
}
