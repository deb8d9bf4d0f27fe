import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ModelModeStatus } from '../services/model-mode-status.service';

/** A page banner while agents run on the offline provider: what that means and where to add a key. */
@Component({
  selector: 'app-offline-banner',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (status.offline(); as mode) {
      <div class="callout offline-banner" role="status" data-testid="offline-banner">
        <p>
          <strong>Offline models.</strong> {{ mode.message }}
          <a routerLink="/account">Add a provider key</a>
        </p>
      </div>
    }
  `,
  styles: `
    .offline-banner {
      background: var(--progress-bg);
      color: var(--progress);
    }
  `,
})
export class OfflineBannerComponent {
  protected readonly status = inject(ModelModeStatus);
}
