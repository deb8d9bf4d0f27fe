import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { CONFIRM } from '../../../shared/browser.tokens';
import { FormFooterComponent } from '../../../shared/components/form-footer.component';
import { SecretFieldComponent } from '../../../shared/components/secret-field.component';
import { SecretListPanelComponent } from '../../../shared/components/secret-list-panel.component';
import { SecretRowComponent } from '../../../shared/components/secret-row.component';
import { FormState } from '../../../shared/form-state';
import { ProviderList } from '../../../shared/keyed-list';
import {
  NEEDS_BASE_URL,
  PROVIDERS,
  type ProviderKey,
  type ProviderKeyValue,
  providerLabel,
  validateProviderKey,
} from '../models/provider-key.models';

/** Where a panel's keys live: the viewer's own, or a team's. */
export interface ProviderKeySource {
  list(): Observable<Result<readonly ProviderKey[]>>;
  /** Stores or replaces the key; the answer carries only its hint. */
  set(provider: string, key: string, baseUrl: string | null): Observable<Result<ProviderKey>>;
  remove(provider: string): Observable<Result<boolean>>;
  /** Whose key a delete confirmation names: "your", "Acme's". */
  readonly owner: string;
}

/**
 * Model keys listed by hint (the API never returns a key), added or replaced one provider at a time,
 * deleted after a confirm. The typed key leaves memory once it is saved. The intro is projected.
 */
@Component({
  selector: 'app-provider-keys-panel',
  imports: [
    FormFooterComponent,
    SecretFieldComponent,
    SecretListPanelComponent,
    SecretRowComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './provider-keys-panel.component.html',
  styleUrl: '../../../shared/styles/secret-keys-panel.css',
})
export class ProviderKeysPanelComponent implements OnInit {
  private readonly confirm = inject(CONFIRM);
  readonly source = input.required<ProviderKeySource>();
  readonly heading = input('Model provider keys');
  readonly emptyText = input('No keys yet.');
  readonly testId = input('provider-keys');
  /** A key was stored or deleted. */
  readonly changed = output<void>();

  protected readonly providers = PROVIDERS;
  protected readonly label = providerLabel;
  protected readonly keys = new ProviderList<ProviderKey>();
  protected readonly form = new FormState<ProviderKeyValue>(
    { provider: 'openai', key: '', baseUrl: '' },
    validateProviderKey,
  );
  protected readonly needsBaseUrl = computed(() => this.form.value().provider === NEEDS_BASE_URL);
  /** Saving replaces the key already stored for the chosen provider. */
  protected readonly replacing = computed(() =>
    this.keys.rows().some((k) => k.provider === this.form.value().provider),
  );

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    await this.keys.load(() => firstValueFrom(this.source().list()));
  }

  protected async save(): Promise<void> {
    if (!this.form.begin()) return;
    const { provider, key, baseUrl } = this.form.value();
    const url = provider === NEEDS_BASE_URL ? baseUrl.trim() : '';
    const result = await firstValueFrom(this.source().set(provider, key.trim(), url || null));
    this.form.end(result.ok ? undefined : result.error);
    if (!result.ok) return;
    this.changed.emit();
    this.form.reset();
    this.form.set('provider', provider);
    this.keys.saved(result.value);
  }

  protected async remove(provider: string): Promise<void> {
    const question = `Delete ${this.source().owner} ${providerLabel(provider)} key? Atelier can no longer use it.`;
    if (!this.confirm(question)) return;
    if (await this.keys.remove(provider, () => firstValueFrom(this.source().remove(provider)))) {
      this.changed.emit();
    }
  }
}
