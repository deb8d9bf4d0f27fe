import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { UsageMetersComponent } from '../../account/components/usage-meters.component';
import { BillingDetailsFormComponent, type SaveDetails } from '../components/billing-details-form.component';
import { CancelDialogComponent } from '../components/cancel-dialog.component';
import { InvoicesTableComponent } from '../components/invoices-table.component';
import { PlanPickerComponent } from '../components/plan-picker.component';
import { SubscriptionCardComponent } from '../components/subscription-card.component';
import { TierLimitsComponent } from '../components/tier-limits.component';
import { type BillingPlan, paidSubscription, tierLabel } from '../models/billing.models';
import type { BillingResult } from '../models/billing-error';
import { BillingApi } from '../services/billing-api.service';
import { BillingStore } from '../services/billing-store.service';
import type { BillingTeamsQuery } from '../../../generated/billing';

type OwnedTeam = BillingTeamsQuery['teams'][number];

/**
 * `/billing` (the viewer's own) and `/teams/:id/billing` (a team's, for its owners): the plan in force, the
 * plans to move to, usage against limits, invoices and the invoice details. With billing off, says so and
 * how to turn it on. `?paid=` is where a payment link's callback lands.
 */
@Component({
  selector: 'app-billing-page',
  imports: [
    RouterLink,
    UsageMetersComponent,
    BillingDetailsFormComponent,
    CancelDialogComponent,
    InvoicesTableComponent,
    PlanPickerComponent,
    SubscriptionCardComponent,
    TierLimitsComponent,
  ],
  providers: [BillingStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './billing.page.html',
  styleUrl: './billing.page.css',
})
export class BillingPage {
  /** The team's id on `/teams/:id/billing`; undefined on `/billing`. */
  readonly id = input<string>();
  /** A payment link's callback outcome (`/billing?paid=true`). */
  readonly paid = input<string>();

  protected readonly store = inject(BillingStore);
  protected readonly session = inject(AuthSession);
  private readonly api = inject(BillingApi);
  protected readonly ownedTeams = signal<readonly OwnedTeam[]>([]);
  protected readonly cancelling = signal(false);
  protected readonly isAdmin = computed(() => this.session.viewer()?.platformRole === 'admin');
  protected readonly viewerContact = computed(() => {
    const v = this.session.viewer();
    return v ? { name: v.displayName, email: v.email ?? '' } : null;
  });
  protected readonly teamName = computed(() => this.ownedTeams().find((t) => t.id === this.id())?.name ?? null);
  protected readonly label = tierLabel;
  protected readonly paidSubscription = paidSubscription;
  protected readonly saveDetails: SaveDetails = (input) => this.store.saveDetails(input);

  constructor() {
    effect(() => {
      const teamId = this.id() ?? null;
      untracked(() => void this.store.load(teamId).then(() => this.paidNotice()));
    });
    void this.loadTeams();
  }

  protected choose(plan: BillingPlan): void {
    void this.store.choose(plan);
  }

  protected confirmCancel(atCycleEnd: boolean): void {
    this.cancelling.set(false);
    void this.store.cancel(atCycleEnd);
  }

  protected retry(): void {
    void this.store.load(this.id() ?? null);
  }

  private async loadTeams(): Promise<void> {
    const teams: BillingResult<readonly OwnedTeam[]> = await this.api.teams();
    if (teams.ok) this.ownedTeams.set(teams.value.filter((t) => t.viewerRole === 'owner'));
  }

  private paidNotice(): void {
    const paid = this.paid();
    if (paid === undefined) return;
    if (['true', '1', 'yes'].includes(paid)) this.store.notice.set('Payment received. Thank you: the invoice is below.');
    else this.store.problem.set({ code: 'PAYMENT_FAILED', message: 'The payment was not completed. Nothing was charged.', fieldErrors: {} });
  }
}
