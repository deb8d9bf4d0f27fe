import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from '../../../core/auth/auth-session.service';
import type { Result } from '../../../core/user-facing-error';
import { MyDataComponent } from '../components/my-data.component';
import { ProviderKeysComponent } from '../components/provider-keys.component';
import { DeployTokensComponent } from '../../deploy/components/deploy-tokens.component';
import { ResendVerificationComponent } from '../components/resend-verification.component';
import { UsageMetersComponent } from '../components/usage-meters.component';
import { MyModelUsageComponent } from '../../models/components/my-model-usage.component';
import type { AccountSessionFragment as AccountSession } from '../../../generated/account';
import { AccountApi } from '../../auth/services/account-api.service';
import { ThemePickerComponent } from '../../../core/theme/components/theme-picker.component';

/**
 * `/account`: the viewer's profile, theme and signed-in sessions, with ways to end them; with an account,
 * also their provider keys, usage and data (see `features/account`).
 */
@Component({
  selector: 'app-account-page',
  imports: [
    DatePipe,
    RouterLink,
    ProviderKeysComponent,
    DeployTokensComponent,
    UsageMetersComponent,
    MyModelUsageComponent,
    MyDataComponent,
    ResendVerificationComponent,
    ThemePickerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account.page.html',
})
export class AccountPage {
  protected readonly session = inject(AuthSession);
  private readonly api = inject(AccountApi);
  private readonly router = inject(Router);
  protected readonly sessions = signal<Result<AccountSession[]> | null>(null);
  /** Ids of sessions being revoked, so their buttons disable. */
  protected readonly revoking = signal<ReadonlySet<string>>(new Set());
  protected readonly actionError = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    await this.session.ensureLoaded();
    // The local user of single-user mode has no sessions to list.
    if (!this.session.signedIn()) return;
    this.sessions.set(null);
    const result = await firstValueFrom(this.api.sessions());
    this.sessions.set(
      result.ok ? { ok: true, value: [...result.value].sort(currentFirst) } : result,
    );
  }

  protected async revoke(id: string): Promise<void> {
    this.actionError.set(null);
    this.revoking.update((ids) => new Set(ids).add(id));
    const result = await firstValueFrom(this.api.revokeSession(id));
    this.revoking.update((ids) => new Set([...ids].filter((other) => other !== id)));
    if (!result.ok) {
      this.actionError.set(result.error.message);
      return;
    }
    this.sessions.update((list) =>
      list?.ok ? { ok: true, value: list.value.filter((s) => s.id !== id) } : list,
    );
  }

  protected async signOutEverywhere(): Promise<void> {
    this.actionError.set(null);
    const result = await this.session.logOutEverywhere();
    if (result.ok) await this.router.navigateByUrl('/log-in');
    else this.actionError.set(result.error.message);
  }
}

function currentFirst(a: AccountSession, b: AccountSession): number {
  return Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt);
}
