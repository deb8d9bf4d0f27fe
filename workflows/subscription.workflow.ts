import { ActivityFailure, allHandlersFinished, condition, continueAsNew, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { BillingMailInput, RecordedPayment, StoredDunning, SubscriptionSnapshotView } from '../activities/billing/billing.activities';
import {
  billingCommandSignal,
  DUNNING_RETRY_DAYS,
  razorpayEventSignal,
  SUBSCRIPTION_ENDED,
  subscriptionStateQuery,
  type BillingCommand,
  type BillingEventSignal,
  type SubscriptionStatus,
  type SubscriptionWorkflowState,
} from '../contracts/billing';
import { activityPresets } from '../temporal.config';

const DAY = 24 * 60 * 60_000;
const RETRIES = DUNNING_RETRY_DAYS.length;

/** How long a run lives and what it keeps. */
export const SUBSCRIPTION_WORKFLOW_LIMITS = {
  /** Continue as new after this many handled signals (or when Temporal suggests it). */
  maxHandled: 200,
  /** Event ids carried into the next run, newest last (the API dedupes first; this is the second line). */
  keepEventIds: 500,
  /** An ended subscription's workflow finishes after this long without a signal (a late event starts it again). */
  quietMs: DAY,
  /** A dunning step refused for good (a link Razorpay would not create) is tried again this much later. */
  stepRetryMs: 60 * 60_000,
} as const;

/** One signal waiting its turn: signals are handled one at a time, in arrival order. */
export type SubscriptionQueueItem = { kind: 'event'; event: BillingEventSignal } | { kind: 'command'; command: BillingCommand };

/** What a run hands the next one (continue-as-new). */
export interface SubscriptionCarry {
  status: SubscriptionStatus | null;
  dunning: StoredDunning | null;
  seenEventIds: string[];
  /** Mail keys sent in the current dunning (`<since>:<step>`). */
  mailed: string[];
  /** Signals received but not handled yet. */
  pending: SubscriptionQueueItem[];
  /** Workflow time (ms) of the last signal: an ended subscription's quiet period counts from it. */
  lastSignalAt: number;
}

export interface SubscriptionWorkflowInput {
  razorpaySubscriptionId: string;
  carried?: SubscriptionCarry;
  /** Overrides {@link SUBSCRIPTION_WORKFLOW_LIMITS}.maxHandled (tests of continue-as-new). */
  maxHandled?: number;
  /** How long a dunning "day" is, in ms (default 24 h); the durability test runs a whole dunning in seconds. */
  dayMs?: number;
}

const acts = proxyActivities<Activities>(activityPresets.billing);

/** Events that start dunning when the freshly fetched subscription is pending or halted. */
const DUNNING_TRIGGERS: readonly string[] = ['payment.failed', 'subscription.pending', 'subscription.halted'];

/**
 * When the step after `attempts` of a dunning that began at `since` is due: retry `attempts + 1` on its day, or
 * (after the last retry) the downgrade, one day later.
 */
export function dunningStepAt(since: string, attempts: number, dayMs = DAY): number {
  const start = Date.parse(since);
  return attempts < RETRIES ? start + DUNNING_RETRY_DAYS[attempts] * dayMs : start + (DUNNING_RETRY_DAYS[RETRIES - 1] + 1) * dayMs;
}

/**
 * One Razorpay subscription (`workflowIds.subscription(id)`, signal-with-start from the API): mirrors it and runs
 * its dunning. Every event and command is handled alone, in arrival order, and never trusted: the subscription (and
 * the payment or refund it names) is fetched afresh, so a replayed or reordered event cannot move state backwards.
 * Dunning starts on a failed charge (pending/halted), retries with a mailed payment link on days 1, 3 and 7,
 * downgrades to Free a day after the last retry, and ends at any payment (core/billing/README.md, "Dunning").
 */
export async function subscriptionWorkflow(input: SubscriptionWorkflowInput): Promise<SubscriptionWorkflowState> {
  const id = input.razorpaySubscriptionId;
  const carried = input.carried;
  const dayMs = input.dayMs ?? DAY;
  let status = carried?.status ?? null;
  let dunning = carried?.dunning ?? null;
  let handled = 0;
  let lastSignalAt = carried?.lastSignalAt ?? Date.now();
  let adopted = Boolean(carried);
  let stepRetryAt = 0;
  const seen = [...(carried?.seenEventIds ?? [])];
  const seenSet = new Set(seen);
  const mailed = new Set(carried?.mailed ?? []);
  const queue: SubscriptionQueueItem[] = [...(carried?.pending ?? [])];

  setHandler(razorpayEventSignal, (event) => {
    lastSignalAt = Date.now();
    if (seenSet.has(event.eventId)) return;
    seenSet.add(event.eventId);
    seen.push(event.eventId);
    queue.push({ kind: 'event', event });
  });
  setHandler(billingCommandSignal, (command) => {
    lastSignalAt = Date.now();
    queue.push({ kind: 'command', command });
  });
  setHandler(subscriptionStateQuery, () => ({ subscriptionId: id, status, dunning, handled }));

  const sync = async (): Promise<SubscriptionSnapshotView> => {
    const snap = await acts.syncSubscription({ razorpaySubscriptionId: id });
    // A fresh run (the previous one finished or was lost) takes up the dunning the mirror kept.
    if (!adopted && !dunning && snap.dunning) dunning = snap.dunning;
    adopted = true;
    status = snap.status;
    return snap;
  };
  const writeDunning = async (next: StoredDunning | null) => {
    await acts.setDunning({ razorpaySubscriptionId: id, dunning: next });
    dunning = next;
  };
  /** Sends a mail once per (subscription, dunning, step); the send is the last step of its branch. */
  const mail = async (snap: SubscriptionSnapshotView, since: string, step: string, fields: Omit<BillingMailInput, 'to' | 'subscriptionId'>) => {
    const key = `${since}:${step}`;
    if (mailed.has(key) || !snap.payerEmail) return;
    await acts.sendBillingMail({ ...fields, key: `${id}:${key}`, to: snap.payerEmail, name: snap.payerName, subscriptionId: snap.id, subscriber: snap.subscriber });
    mailed.add(key);
  };

  /** A payment of the subscription: it is active again, or a link or order of its own was paid (also after the downgrade). */
  const paidOff = (snap: SubscriptionSnapshotView, payment: RecordedPayment | null) =>
    snap.status === 'active' ||
    (payment?.status === 'captured' && (payment.kind === 'payment_link' || payment.kind === 'order') && payment.subscriptionRowId === snap.id);

  const endDunning = async (snap: SubscriptionSnapshotView, payment: RecordedPayment | null) => {
    const since = dunning!.since;
    await writeDunning(null);
    if (SUBSCRIPTION_ENDED.includes(snap.status)) return;
    await mail(snap, since, 'received', { kind: 'payment-received', amount: payment?.amount, currency: payment?.currency });
  };

  const startDunning = async (snap: SubscriptionSnapshotView, payment: RecordedPayment | null) => {
    const since = new Date(Date.now()).toISOString();
    const amountDue = payment?.status === 'failed' ? payment.amount : snap.amount;
    mailed.clear();
    stepRetryAt = 0;
    await writeDunning({ since, attempts: 0, nextRetryAt: new Date(dunningStepAt(since, 0, dayMs)).toISOString(), payUrl: null, amountDue, downgraded: false });
    await mail(snap, since, 'failed', { kind: 'payment-failed', amount: amountDue, currency: snap.currency });
  };

  /** After an event: a payment ends dunning, an ended subscription drops it, a failed charge starts it. */
  const react = async (snap: SubscriptionSnapshotView, payment: RecordedPayment | null, trigger: boolean) => {
    if (dunning) {
      if (paidOff(snap, payment) || SUBSCRIPTION_ENDED.includes(snap.status)) await endDunning(snap, payment);
    } else if (trigger && (snap.status === 'pending' || snap.status === 'halted')) {
      await startDunning(snap, payment);
    }
  };

  const handleEvent = async (event: BillingEventSignal) => {
    const snap = await sync();
    let payment: RecordedPayment | null = null;
    // A payment or refund the mirror refuses (not ours) is logged; the subscription's own state still counts.
    if (event.refundId && event.event.startsWith('refund.')) {
      await guarded(`refund ${event.refundId}`, () => acts.recordRefund({ razorpayRefundId: event.refundId! }));
    } else if (event.paymentId) {
      const context = { razorpaySubscriptionId: id, paymentLinkId: event.paymentLinkId };
      await guarded(`payment ${event.paymentId}`, async () => (payment = await acts.recordPayment({ razorpayPaymentId: event.paymentId!, context })));
    }
    await react(snap, payment, DUNNING_TRIGGERS.includes(event.event));
  };

  const handleCommand = async (command: BillingCommand) => {
    if (command.kind === 'comp') return; // a comp is not subscription state: the API applies it
    const payment = command.kind === 'payment-verified' ? await acts.recordPayment({ razorpayPaymentId: command.paymentId, context: { razorpaySubscriptionId: id } }) : null;
    await react(await sync(), payment, false);
  };

  /** The next dunning step (retry n, or the downgrade), each beginning with a fresh fetch. */
  const dunningStep = async (current: StoredDunning) => {
    const snap = await sync();
    if (paidOff(snap, null) || SUBSCRIPTION_ENDED.includes(snap.status)) return endDunning(snap, null);
    if (current.attempts < RETRIES) {
      const attempt = current.attempts + 1;
      const link = await acts.createDunningLink({ razorpaySubscriptionId: id, attempt, since: current.since });
      const nextRetryAt = attempt < RETRIES ? new Date(dunningStepAt(current.since, attempt, dayMs)).toISOString() : null;
      await writeDunning({ ...current, attempts: attempt, nextRetryAt, payUrl: link.url, amountDue: link.amount });
      await mail(snap, current.since, `retry-${attempt}`, { kind: 'dunning-retry', attempt, payUrl: link.url, amount: link.amount, currency: link.currency });
    } else {
      await writeDunning({ ...current, nextRetryAt: null, downgraded: true });
      await mail(snap, current.since, 'downgraded', { kind: 'downgraded', payUrl: current.payUrl, amount: current.amountDue, currency: snap.currency });
    }
  };

  /** Runs a step; a final refusal of one of its activities is logged and skipped (the state stays as it was). */
  const guarded = async (what: string, step: () => Promise<unknown>): Promise<boolean> => {
    try {
      await step();
      return true;
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn(`Billing: ${what} failed; skipped`, { subscription: id, error: error.cause?.message ?? error.message });
      return false;
    }
  };

  const carry = (): SubscriptionCarry => ({
    status,
    dunning,
    seenEventIds: seen.slice(-SUBSCRIPTION_WORKFLOW_LIMITS.keepEventIds),
    mailed: [...mailed],
    pending: [...queue],
    lastSignalAt,
  });

  for (;;) {
    if (handled >= (input.maxHandled ?? SUBSCRIPTION_WORKFLOW_LIMITS.maxHandled) || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof subscriptionWorkflow>({ razorpaySubscriptionId: id, maxHandled: input.maxHandled, dayMs: input.dayMs, carried: carry() });
    }
    const item = queue.shift();
    if (item) {
      await guarded(item.kind === 'event' ? `event ${item.event.event}` : `command ${item.command.kind}`, () =>
        item.kind === 'event' ? handleEvent(item.event) : handleCommand(item.command),
      );
      handled += 1;
      // Every sync was refused for good (a subscription Atelier did not create): nothing to mirror, so no workflow.
      if (status === null && !dunning && queue.length === 0) return { subscriptionId: id, status, dunning, handled };
      continue;
    }
    const now = Date.now();
    let wakeAt = Infinity;
    if (dunning && !dunning.downgraded) {
      const dueAt = Math.max(dunningStepAt(dunning.since, dunning.attempts, dayMs), stepRetryAt);
      if (now >= dueAt) {
        const current = dunning;
        if (!(await guarded(`dunning step ${current.attempts + 1}`, () => dunningStep(current)))) stepRetryAt = Date.now() + SUBSCRIPTION_WORKFLOW_LIMITS.stepRetryMs;
        continue;
      }
      wakeAt = dueAt;
    }
    if (!dunning && status && SUBSCRIPTION_ENDED.includes(status)) {
      const quietUntil = lastSignalAt + SUBSCRIPTION_WORKFLOW_LIMITS.quietMs;
      if (now >= quietUntil) return { subscriptionId: id, status, dunning, handled };
      wakeAt = Math.min(wakeAt, quietUntil);
    }
    if (wakeAt === Infinity) await condition(() => queue.length > 0);
    else await condition(() => queue.length > 0, Math.max(1, wakeAt - now));
  }
}
