import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
} from '@angular/core';
import { CONFIRM } from '../../../shared/browser.tokens';
import { FormFooterComponent } from '../../../shared/components/form-footer.component';
import { SecretFieldComponent } from '../../../shared/components/secret-field.component';
import { SecretListPanelComponent } from '../../../shared/components/secret-list-panel.component';
import { SecretRowComponent } from '../../../shared/components/secret-row.component';
import { FormState, type FormErrors } from '../../../shared/form-state';
import { ProviderList } from '../../../shared/keyed-list';
import type { DeployResult } from '../models/deploy-error';
import {
  type DeployToken,
  TOKEN_HELP,
  TOKEN_PROVIDERS,
  type TokenProvider,
  providerLabel,
} from '../models/deploy.models';

/** Where a panel's tokens live: the viewer's own, or a team's. */
export interface DeployTokenSource {
  list(): Promise<DeployResult<readonly DeployToken[]>>;
  /** Checks the token with the provider and stores it; the answer carries only its hint and account. */
  set(provider: string, token: string, scope: string | null): Promise<DeployResult<DeployToken>>;
  remove(provider: string): Promise<DeployResult<boolean>>;
  /** Whose token a delete confirmation names: "your", "Acme's". */
  readonly owner: string;
}

type TokenForm = { provider: string; token: string; scope: string };

function validateToken(v: TokenForm): FormErrors<TokenForm> {
  const errors: FormErrors<TokenForm> = {};
  if (!v.token.trim()) errors.token = 'Paste the token.';
  else if (/\s/.test(v.token.trim())) errors.token = 'A token has no spaces.';
  return errors;
}

/**
 * Deployment provider tokens listed by hint and account (the API never returns a token), added or replaced
 * one provider at a time (the server checks each with its provider first), deleted after a confirm.
 */
@Component({
  selector: 'app-deploy-tokens-panel',
  imports: [
    FormFooterComponent,
    SecretFieldComponent,
    SecretListPanelComponent,
    SecretRowComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deploy-tokens-panel.component.html',
  styleUrl: '../../../shared/styles/secret-keys-panel.css',
})
export class DeployTokensPanelComponent implements OnInit {
  private readonly confirm = inject(CONFIRM);
  readonly source = input.required<DeployTokenSource>();
  readonly heading = input('Deployment tokens');
  readonly emptyText = input('No tokens yet: the local target needs none.');
  readonly testId = input('deploy-tokens');

  protected readonly providers = TOKEN_PROVIDERS;
  protected readonly label = providerLabel;
  protected readonly tokens = new ProviderList<DeployToken>();
  protected readonly form = new FormState<TokenForm>(
    { provider: 'vercel', token: '', scope: '' },
    validateToken,
  );
  protected readonly help = computed(() => TOKEN_HELP[this.form.value().provider as TokenProvider]);
  protected readonly replacing = computed(() =>
    this.tokens.rows().some((t) => t.provider === this.form.value().provider),
  );

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    await this.tokens.load(() => this.source().list());
  }

  protected async save(): Promise<void> {
    if (!this.form.begin()) return;
    const { provider, token, scope } = this.form.value();
    const result = await this.source().set(provider, token.trim(), scope.trim() || null);
    this.form.end(result.ok ? undefined : { ...result.error, code: 'CONFLICT' });
    if (!result.ok) return;
    // The typed token leaves memory: only its hint stays.
    this.form.reset();
    this.form.set('provider', provider);
    this.tokens.saved(result.value);
  }

  protected async remove(provider: string): Promise<void> {
    if (
      !this.confirm(
        `Delete ${this.source().owner} ${providerLabel(provider)} token? Deployments there stop until a new one is added.`,
      )
    )
      return;
    await this.tokens.remove(provider, () => this.source().remove(provider));
  }
}
