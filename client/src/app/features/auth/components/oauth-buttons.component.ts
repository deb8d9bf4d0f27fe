import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { safeReturnUrl } from '../../../core/auth/log-in-url';
import { oauthStartUrl, providerLabel } from '../models/oauth';

/**
 * "Continue with GitHub/Google": plain links, since the sign-in is a chain of full-page redirects through
 * the provider that ends back on `returnUrl` with the session cookie set. Nothing shows unless the
 * server offers a provider.
 */
@Component({
  selector: 'app-oauth-buttons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (links().length) {
      <div class="oauth-buttons">
        @for (link of links(); track link.provider) {
          <a class="button" [href]="link.href" [attr.data-testid]="'oauth-' + link.provider">
            Continue with {{ link.label }}
          </a>
        }
        <p class="muted oauth-or">or with your email</p>
      </div>
    }
  `,
})
export class OAuthButtonsComponent {
  private readonly session = inject(AuthSession);
  /** Where to land once signed in; checked again by the server. */
  readonly returnUrl = input<string>();
  protected readonly links = computed(() =>
    this.session.oauthProviders().map((provider) => ({
      provider,
      label: providerLabel(provider),
      href: oauthStartUrl(provider, safeReturnUrl(this.returnUrl())),
    })),
  );
}
