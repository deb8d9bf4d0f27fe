import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { CONFIRM } from '../../../shared/browser.tokens';
import { FormState } from '../../../shared/form-state';
import { ModelModeStatus } from '../../models/services/model-mode-status.service';
import {
  NEEDS_BASE_URL,
  PROVIDERS,
  type ProviderKey,
  type ProviderKeyValue,
  providerLabel,
  validateProviderKey,
} from '../models/provider-key.models';
import { AccountSettingsApi } from '../services/account-settings-api.service';

/**
 * The viewer's own model keys: listed by hint (the API never returns a key), added or replaced one
 * provider at a time, deleted after a confirm. The typed key leaves memory once it is saved.
 */
@Component({
  selector: 'app-provider-keys',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './provider-keys.component.html',
  styles: `
    :host {
      display: block;
      margin-top: 16px;
    }
    .section-body {
      padding: 14px;
    }
    .form {
      padding: 16px 0 0;
      max-width: none;
    }
    td:last-child {
      text-align: right;
    }
  `,
})
export class ProviderKeysComponent {
  private readonly api = inject(AccountSettingsApi);
  private readonly confirm = inject(CONFIRM);
  /** A key added or removed may end or start offline mode: the header's badge reads it again. */
  private readonly modelMode = inject(ModelModeStatus);
  protected readonly providers = PROVIDERS;
  protected readonly label = providerLabel;
  protected readonly keys = signal<Result<ProviderKey[]> | null>(null);
  protected readonly deleting = signal<string | null>(null);
  protected readonly listError = signal<string | null>(null);
  protected readonly form = new FormState<ProviderKeyValue>(
    { provider: 'openai', key: '', baseUrl: '' },
    validateProviderKey,
  );
  protected readonly needsBaseUrl = computed(() => this.form.value().provider === NEEDS_BASE_URL);
  /** Saving replaces the key already stored for the chosen provider. */
  protected readonly replacing = computed(() => {
    const keys = this.keys();
    return !!keys?.ok && keys.value.some((k) => k.provider === this.form.value().provider);
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.keys.set(null);
    this.keys.set(await firstValueFrom(this.api.providerKeys()));
  }

  protected async save(): Promise<void> {
    if (!this.form.begin()) return;
    const { provider, key, baseUrl } = this.form.value();
    const url = provider === NEEDS_BASE_URL ? baseUrl.trim() : '';
    const result = await firstValueFrom(this.api.setProviderKey(provider, key.trim(), url || null));
    this.form.end(result.ok ? undefined : result.error);
    if (!result.ok) return;
    void this.modelMode.refresh();
    this.form.reset();
    this.form.set('provider', provider);
    const saved = result.value;
    this.keys.update((list) =>
      list?.ok
        ? {
            ok: true,
            value: [...list.value.filter((k) => k.provider !== saved.provider), saved].sort(
              (a, b) => a.provider.localeCompare(b.provider),
            ),
          }
        : list,
    );
  }

  protected async remove(provider: string): Promise<void> {
    if (!this.confirm(`Delete your ${providerLabel(provider)} key? Atelier can no longer use it.`))
      return;
    this.listError.set(null);
    this.deleting.set(provider);
    const result = await firstValueFrom(this.api.deleteProviderKey(provider));
    this.deleting.set(null);
    if (!result.ok) {
      this.listError.set(result.error.message);
      return;
    }
    void this.modelMode.refresh();
    this.keys.update((list) =>
      list?.ok ? { ok: true, value: list.value.filter((k) => k.provider !== provider) } : list,
    );
  }
}
