import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { DOWNLOAD_FILE } from '../../../shared/browser.tokens';
import { FormState } from '../../../shared/form-state';
import { AccountSettingsApi } from '../services/account-settings-api.service';

type DeleteValue = { password: string };

/**
 * The viewer's data (GDPR): download everything Atelier stores about them as JSON, or delete the
 * account after typing the password and ticking an explicit confirmation.
 */
@Component({
  selector: 'app-my-data',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-data.component.html',
  styles: `
    :host {
      display: block;
      margin-top: 16px;
    }
    .section-body {
      padding: 14px;
      display: grid;
      gap: 16px;
    }
    .form {
      padding: 0;
      max-width: 480px;
    }
    .check {
      display: flex;
      gap: 8px;
      align-items: flex-start;
    }
    h3 {
      margin: 0 0 4px;
      font-size: 15px;
    }
  `,
})
export class MyDataComponent {
  private readonly api = inject(AccountSettingsApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly download = inject(DOWNLOAD_FILE);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  protected readonly confirmed = signal(false);
  protected readonly form = new FormState<DeleteValue>({ password: '' }, (v) =>
    v.password ? {} : { password: 'Type your password to confirm.' },
  );

  protected async exportData(): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set(null);
    const result = await firstValueFrom(this.api.exportMyData());
    this.exporting.set(false);
    if (!result.ok) {
      this.exportError.set(result.error.message);
      return;
    }
    this.download({
      name: `atelier-export-${new Date().toISOString().slice(0, 10)}.json`,
      type: 'application/json',
      content: JSON.stringify(result.value, null, 2),
    });
  }

  /** On success the server has ended the session: forget it as signing out does, then leave. */
  protected async deleteAccount(): Promise<void> {
    if (!this.confirmed() || !this.form.begin()) return;
    const result = await firstValueFrom(this.api.deleteAccount(this.form.value().password));
    if (!result.ok) {
      const { error } = result;
      // A wrong password is the password field's error, not a lapsed session.
      this.form.end(
        error.code === 'UNAUTHENTICATED'
          ? { ...error, fieldErrors: { password: error.message } }
          : error,
      );
      return;
    }
    this.form.end();
    this.form.reset();
    await this.session.endedByServer();
    await this.router.navigateByUrl(this.session.singleUser() ? '/projects' : '/sign-up');
  }
}
