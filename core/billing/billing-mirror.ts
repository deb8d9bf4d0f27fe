/**
 * BillingMirror keeps our billing rows equal to Razorpay's truth. Every method fetches the entity from Razorpay
 * (never trusting a webhook's copy), writes it in one transaction under a row or advisory lock, and applies the
 * subscriber's tier in that transaction. Each method is idempotent, so Temporal may retry or replay it freely.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SUBSCRIPTION_ENDED, type BillingCurrency, type SubscriptionStatus } from '../../contracts/billing';
import { ErrorCode } from '../../contracts/errors';
import { BillingError } from './billing.errors';
import { customerOf } from './billing-customers';
import { subscriptionSnapshot } from './billing-mirror.types';
import { planIdOf } from './billing-plans';
import { Subscription } from './billing.entities';
import type { BillingDeps, PaymentSnapshot, StoredDunning, SubscriptionSnapshot } from './billing-mirror.types';
import { createDunningLink, recordPayment, recordRefund, type PaymentContext } from './mirror-payments';
import { razorpayCall } from './razorpay-call';
import { applyTier, grantsTierOf, subscriberOf } from './tier-grants';

export type { BillingDeps, InvoiceIssuer, PaymentSnapshot, StoredDunning, SubscriptionSnapshot } from './billing-mirror.types';

/** The fields of Razorpay's subscription entity the mirror reads (`paused` is a real status the SDK's type omits). */
interface RazorpaySubscriptionEntity {
  id: string;
  status: SubscriptionStatus;
  plan_id: string;
  current_start?: number | null;
  current_end?: number | null;
  charge_at?: number | null;
  ended_at?: number | null;
  paid_count?: number;
  short_url?: string | null;
  notes?: Record<string, string> | unknown[] | null;
}

const at = (unix: number | null | undefined) => (unix ? new Date(unix * 1000) : null);

export class BillingMirror {
  constructor(private readonly deps: BillingDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Fetches the subscription, writes what is newer than our row, recomputes grantsTier and applies the tier. */
  async syncSubscription(razorpaySubscriptionId: string): Promise<SubscriptionSnapshot> {
    const fetchedAt = this.now();
    const entity = (await razorpayCall('subscriptions.fetch', () => this.deps.razorpay.subscriptions.fetch(razorpaySubscriptionId), {
      code: ErrorCode.SUBSCRIPTION_NOT_FOUND,
      message: 'The payment provider does not know this subscription.',
    })) as unknown as RazorpaySubscriptionEntity;
    const notes = entity.notes && !Array.isArray(entity.notes) ? entity.notes : {};
    if (!notes.atelier_subscriber_id) {
      // One made on Razorpay's dashboard or by another app on the same account: never ours, so no retry will find a row.
      throw new BillingError(ErrorCode.SUBSCRIPTION_NOT_FOUND, `Subscription ${razorpaySubscriptionId} was not created by Atelier.`);
    }
    return this.withRow(razorpaySubscriptionId, async (em, row) => {
      if (!isStale(row, entity, fetchedAt)) {
        row.status = entity.status;
        row.currentStart = at(entity.current_start);
        row.currentEnd = at(entity.current_end);
        row.chargeAt = at(entity.charge_at);
        row.endedAt = at(entity.ended_at);
        row.paidCount = entity.paid_count ?? row.paidCount;
        row.shortUrl = entity.short_url ?? row.shortUrl;
        row.syncedAt = fetchedAt;
        // Razorpay reports the plan billed now. It differs from ours while an upgrade paid by proration waits for
        // the cycle end there (ours already moved), and when a scheduled downgrade took effect (then we follow).
        const plan = await planIdOf(em, entity.plan_id);
        if (plan && plan !== row.planId && plan === row.scheduledPlanId) {
          row.planId = plan;
          row.scheduledPlanId = null;
        }
      }
    });
  }

  /** Records the workflow's dunning state, recomputes grantsTier and applies the tier. */
  async setDunning(razorpaySubscriptionId: string, dunning: StoredDunning | null): Promise<SubscriptionSnapshot> {
    return this.withRow(razorpaySubscriptionId, async (_em, row) => {
      row.dunning = dunning;
    });
  }

  /** Fetches the payment and records it once; a captured one gets its invoice, its order or link marked paid, a paid proration applied and the tier. */
  recordPayment(razorpayPaymentId: string, context: PaymentContext = {}): Promise<PaymentSnapshot> {
    return recordPayment(this.deps, this.now(), razorpayPaymentId, context);
  }

  /** Fetches the refund (and its payment); a processed refund gets one credit note against the payment's invoice. */
  recordRefund(razorpayRefundId: string): Promise<{ creditNoteNumber: string | null }> {
    return recordRefund(this.deps, this.now(), razorpayRefundId);
  }

  /** The payment link of dunning retry `attempt` (1–3) of the dunning that began at `since`; the same link on every call. */
  async createDunningLink(razorpaySubscriptionId: string, attempt: number, since: string): Promise<{ url: string; amount: number; currency: BillingCurrency }> {
    return createDunningLink(this.deps, razorpaySubscriptionId, attempt, since);
  }

  /** Runs `change` on the locked row, then recomputes grantsTier, applies the tier and answers the snapshot. */
  private withRow(razorpaySubscriptionId: string, change: (em: EntityManager, row: Subscription) => Promise<void>): Promise<SubscriptionSnapshot> {
    const now = this.now();
    return this.deps.orm.em.fork().transactional(async (em) => {
      const row = await em.findOne(Subscription, { razorpaySubscriptionId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row) {
        // Checkout creates the subscription at Razorpay before it inserts our row: a webhook can arrive in between.
        // A plain Error is retried; the row appears within moments.
        throw new Error(`No subscription row for ${razorpaySubscriptionId} yet`);
      }
      await change(em, row);
      row.grantsTier = grantsTierOf(row, now);
      await em.flush();
      await applyTier(em, subscriberOf(row), now);
      return subscriptionSnapshot(row, await customerOf(em, row.customerId));
    });
  }
}

/**
 * Whether a fetch is older than what our row already holds: another sync that fetched later has committed, or it
 * shows fewer paid cycles, or it would bring an ended subscription back to life. Razorpay's fetch is the truth,
 * but two fetches racing can commit in either order.
 */
function isStale(row: Subscription, entity: RazorpaySubscriptionEntity, fetchedAt: Date): boolean {
  if (row.syncedAt && row.syncedAt.getTime() > fetchedAt.getTime()) return true;
  if ((entity.paid_count ?? 0) < row.paidCount) return true;
  return SUBSCRIPTION_ENDED.includes(row.status) && !SUBSCRIPTION_ENDED.includes(entity.status);
}
