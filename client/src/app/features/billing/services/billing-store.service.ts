import { Injectable, computed, inject, signal } from '@angular/core';
import type { BillingDetailsInput } from '../../../generated/schema';
import type { BillingCatalogQuery } from '../../../generated/billing';
import { UsageStatus } from '../../account/services/usage-status.service';
import type { BillingProblem, BillingResult } from '../models/billing-error';
import {
  type BillingAccount,
  type BillingCustomer,
  type BillingPlan,
  type CheckoutSession,
  paidSubscription,
  planName,
  tierLabel,
} from '../models/billing.models';
import { formatMoney } from '../models/money';
import { BillingApi } from './billing-api.service';
import { CHECKOUT } from './razorpay-checkout.service';

export type BillingCatalog = BillingCatalogQuery;

/** Which action is running, so its button shows it and the others wait. */
export type BillingAction = `plan:${string}` | 'cancel' | 'pause' | 'resume';

/**
 * The billing page's state as signals, and the only place that changes billing: plan choices through
 * Checkout, cancel, pause, resume. Every outcome is state (`problem`, `notice`), never an exception. After
 * anything that may change the tier it reads the billing and the viewer's usage again, so the limits
 * shown are the new tier's at once. One per page (`providers`).
 */
@Injectable()
export class BillingStore {
  private readonly api = inject(BillingApi);
  private readonly checkout = inject(CHECKOUT);
  private readonly usage = inject(UsageStatus);
  private readonly team = signal<string | null>(null);
  private generation = 0;

  readonly account = signal<BillingResult<BillingAccount> | null>(null);
  readonly catalog = signal<BillingResult<BillingCatalog> | null>(null);
  readonly busy = signal<BillingAction | null>(null);
  readonly problem = signal<BillingProblem | null>(null);
  readonly notice = signal<string | null>(null);
  readonly teamId = this.team.asReadonly();
  /** The account once loaded, else null. */
  readonly loaded = computed(() => {
    const a = this.account();
    return a?.ok ? a.value : null;
  });

  /** Loads the billing of the viewer (null) or of a team, and the plans once. */
  async load(teamId: string | null): Promise<void> {
    const generation = ++this.generation;
    this.team.set(teamId);
    this.account.set(null);
    this.problem.set(null);
    this.notice.set(null);
    const [account, catalog] = await Promise.all([
      this.api.account(teamId),
      this.catalog()?.ok ? Promise.resolve(this.catalog()!) : this.api.catalog(),
    ]);
    if (generation !== this.generation) return;
    this.account.set(account);
    this.catalog.set(catalog);
  }

  /** Reads the billing again (after an action, or "Try again"), and the viewer's usage for their own billing. */
  async refresh(): Promise<void> {
    const generation = this.generation;
    const [account] = await Promise.all([this.api.account(this.team()), this.team() ? null : this.usage.refresh()]);
    if (generation !== this.generation) return;
    if (account.ok || !this.account()?.ok) this.account.set(account);
    else if (!this.problem()) this.problem.set(account.error);
  }

  /** Subscribes, upgrades (paying the proration through Checkout) or schedules a downgrade. */
  async choose(plan: BillingPlan): Promise<void> {
    await this.run(`plan:${plan.id}`, async () => {
      const current = paidSubscription(this.loaded());
      if (!current) {
        const session = await this.api.subscribe(this.team(), plan.id);
        if (!session.ok) return this.fail(session.error);
        return this.pay(session.value, `You are on ${tierLabel(plan.tier)} now.`);
      }
      const change = await this.api.changePlan(this.team(), plan.id);
      if (!change.ok) return this.fail(change.error);
      const { kind, checkout, effectiveAt } = change.value;
      if (checkout) return this.pay(checkout, `You are on ${tierLabel(plan.tier)} now.`);
      const when = effectiveAt ? new Date(effectiveAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : null;
      this.notice.set(
        kind === 'downgrade' && when ? `Changes to ${planName(plan.id)} on ${when}. Until then nothing changes.` : `You are on ${tierLabel(plan.tier)} now.`,
      );
      await this.refresh();
    });
  }

  async cancel(atCycleEnd: boolean): Promise<void> {
    await this.run('cancel', async () => {
      const result = await this.api.cancel(this.team(), atCycleEnd);
      if (!result.ok) return this.fail(result.error);
      this.account.set(result);
      this.notice.set(atCycleEnd ? 'Cancelled for the end of the cycle.' : 'Cancelled. The unused days are refunded with a credit note.');
      await this.refresh();
    });
  }

  async pause(): Promise<void> {
    await this.run('pause', () => this.apply(this.api.pause(this.team()), 'Paused. Resume whenever you like.'));
  }

  async resume(): Promise<void> {
    await this.run('resume', () => this.apply(this.api.resume(this.team()), 'Resumed.'));
  }

  /** Saves the invoice details; the form shows a refusal itself. */
  async saveDetails(input: BillingDetailsInput): Promise<BillingResult<BillingCustomer>> {
    const result = await this.api.saveDetails(this.team(), input);
    if (result.ok) await this.refresh();
    return result;
  }

  dismissNotice(): void {
    this.notice.set(null);
  }

  private async pay(session: CheckoutSession, done: string): Promise<void> {
    const outcome = await this.checkout.open(session);
    if (outcome.kind === 'dismissed') {
      this.notice.set(`Payment cancelled: nothing was charged (${formatMoney(session.amount, session.currency)} was due).`);
      return this.refresh();
    }
    if (outcome.kind === 'failed') return this.fail({ code: 'CHECKOUT_FAILED', message: outcome.message, fieldErrors: {} });
    const verified = await this.api.verifyPayment(this.team(), outcome.payment);
    if (!verified.ok) return this.fail(verified.error);
    this.account.set(verified);
    this.notice.set(done);
    await this.refresh();
  }

  private async apply(call: Promise<BillingResult<BillingAccount>>, done: string): Promise<void> {
    const result = await call;
    if (!result.ok) return this.fail(result.error);
    this.account.set(result);
    this.notice.set(done);
    await this.refresh();
  }

  private async fail(error: BillingProblem): Promise<void> {
    this.problem.set(error);
    // The refusal may come from a state the page no longer shows (a webhook changed it): show the state now.
    await this.refresh();
  }

  private async run(action: BillingAction, body: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(action);
    this.problem.set(null);
    this.notice.set(null);
    try {
      await body();
    } finally {
      this.busy.set(null);
    }
  }
}
