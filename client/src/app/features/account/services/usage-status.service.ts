import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { type Usage, worstMeter } from '../models/usage.models';
import { AccountSettingsApi } from './account-settings-api.service';

/**
 * The viewer's usage, shared by the header badge and the account page. Read once per signed-in
 * viewer (no polling: the badge should cost one small query), and again whenever the account page opens.
 */
@Injectable({ providedIn: 'root' })
export class UsageStatus {
  private readonly api = inject(AccountSettingsApi);
  private readonly state = signal<Result<Usage> | null>(null);
  private viewerId: string | null = null;
  private generation = 0;

  /** The last answer, or null before the first one. */
  readonly usage = this.state.asReadonly();
  /** The meter nearest its limit once any crossed 80%, else null. */
  readonly worst = computed(() => {
    const usage = this.state();
    return usage?.ok ? worstMeter(usage.value) : null;
  });

  /** Loads for a newly signed-in viewer; forgets everything when nobody is signed in. */
  follow(viewerId: string | null): void {
    if (viewerId === this.viewerId) return;
    this.viewerId = viewerId;
    this.generation++;
    this.state.set(null);
    if (viewerId) void this.refresh();
  }

  /**
   * The viewer just used up some of a limit (created a project, a team …): read again, so the badge does not
   * keep showing the usage of sign-in time. Nothing while nobody is followed (signed out, single-user mode).
   */
  changed(): void {
    if (this.viewerId) void this.refresh();
  }

  async refresh(): Promise<void> {
    const generation = this.generation;
    const result = await firstValueFrom(this.api.usage());
    // An answer for a viewer who has since signed out must not reappear.
    if (generation === this.generation) this.state.set(result);
  }
}
