import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LoadedListComponent } from '../../../shared/components/loaded-list.component';
import { CompTierFormComponent, type CompTier } from '../components/comp-tier-form.component';
import type { AdminSubscriptionsQuery } from '../../../generated/billing';
import type { BillingResult } from '../models/billing-error';
import { billingDate, subscriptionStatus, tierLabel } from '../models/billing.models';
import { formatMoney } from '../models/money';
import { BillingApi } from '../services/billing-api.service';

type AdminSubscription = AdminSubscriptionsQuery['adminSubscriptions'][number];

const STATUSES = ['active', 'pending', 'halted', 'paused', 'created', 'authenticated', 'cancelled', 'completed', 'expired'];

/** `/admin/billing` (platform admins): every subscription, filtered by status, and comping a tier. */
@Component({
  selector: 'app-admin-billing-page',
  imports: [RouterLink, LoadedListComponent, CompTierFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-billing.page.html',
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
      max-width: 1080px;
      margin: 0 auto;
    }
    .page-header {
      margin: 0;
    }
    .filter {
      display: flex;
      align-items: center;
      gap: 8px;
      font-size: 13px;
    }
    .filter select {
      font: inherit;
      padding: 4px 8px;
      border: 1px solid var(--border-strong);
      border-radius: 6px;
    }
    .scroll {
      overflow-x: auto;
      /* The card's rounded bottom corners stay visible under the table's square ones. */
      border-radius: 0 0 var(--radius) var(--radius);
    }
    .table.flat {
      border: 0;
      border-radius: 0;
      min-width: 640px;
    }
    .body {
      padding: 14px;
    }
    .body:has(.scroll) {
      padding: 0;
    }
    .nowrap {
      white-space: nowrap;
    }
    .sub {
      display: block;
      font-size: 12px;
    }
  `,
})
export class AdminBillingPage {
  private readonly api = inject(BillingApi);
  protected readonly statuses = STATUSES;
  protected readonly status = signal<string | null>(null);
  protected readonly list = signal<BillingResult<readonly AdminSubscription[]> | null>(null);
  protected readonly target = signal<{ kind: string; id: string } | null>(null);
  protected readonly label = tierLabel;
  protected readonly date = billingDate;
  protected readonly money = formatMoney;
  protected readonly display = subscriptionStatus;
  protected readonly comp: CompTier = (request) => this.api.compTier(request);

  constructor() {
    void this.load();
  }

  protected filter(value: string): void {
    this.status.set(value || null);
    void this.load();
  }

  protected async load(): Promise<void> {
    this.list.set(null);
    this.list.set(await this.api.adminSubscriptions(this.status()));
  }
}
