import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ModelModeStatus } from '../../models/services/model-mode-status.service';
import { AccountSettingsApi } from '../services/account-settings-api.service';
import {
  type ProviderKeySource,
  ProviderKeysPanelComponent,
} from './provider-keys-panel.component';

/** The viewer's own model keys, which their personal projects' runs use. */
@Component({
  selector: 'app-provider-keys',
  imports: [ProviderKeysPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-provider-keys-panel [source]="source" (changed)="modelMode.refresh()">
      <p class="muted">
        Your own keys for the model providers. They are stored encrypted and never shown again; the
        list shows a hint to tell them apart.
      </p>
    </app-provider-keys-panel>
  `,
})
export class ProviderKeysComponent {
  private readonly api = inject(AccountSettingsApi);
  /** A key added or removed may end or start offline mode: the header's badge reads it again. */
  protected readonly modelMode = inject(ModelModeStatus);
  protected readonly source: ProviderKeySource = {
    list: () => this.api.providerKeys(),
    set: (provider, key, baseUrl) => this.api.setProviderKey(provider, key, baseUrl),
    remove: (provider) => this.api.deleteProviderKey(provider),
    owner: 'your',
  };
}
