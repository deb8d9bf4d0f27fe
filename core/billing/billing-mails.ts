/**
 * The subject and text of every billing mail `subscriptionWorkflow` sends (through activities/billing). Plain text,
 * amounts exact from minor units, one link the reader can act on.
 */
import { DUNNING_RETRY_DAYS, type BillingCurrency, type SubscriberKind } from '../../contracts/billing';

export const BILLING_MAIL_KINDS = ['payment-failed', 'dunning-retry', 'downgraded', 'payment-received'] as const;
export type BillingMailKind = (typeof BILLING_MAIL_KINDS)[number];

/** What one billing mail says; `attempt`, `payUrl` and the amount matter to some kinds only. */
export interface BillingMailInput {
  kind: BillingMailKind;
  to: string;
  /** The payer's name for the greeting (the email address when unknown). */
  name?: string;
  /** Our subscription row id (for the log, never shown). */
  subscriptionId: string;
  /** Whose billing page the mail links to (`/billing`, or `/teams/<id>/billing` for a team). */
  subscriber?: { kind: SubscriberKind; id: string };
  /** Dunning retry 1 to 3. */
  attempt?: number;
  /** The payment link that settles the amount due. */
  payUrl?: string | null;
  /** Minor units. */
  amount?: number;
  currency?: BillingCurrency;
}

/** An amount in minor units as people read it (`₹1,499.00`, `$19.00`), exact: no floating point. */
export function formatMoney(amount: number, currency: BillingCurrency): string {
  const major = Math.floor(Math.abs(amount) / 100);
  const minor = String(Math.abs(amount) % 100).padStart(2, '0');
  const grouped = major.toLocaleString(currency === 'INR' ? 'en-IN' : 'en-US');
  return `${amount < 0 ? '-' : ''}${currency === 'INR' ? '₹' : '$'}${grouped}.${minor}`;
}

/** The billing page a mail links to. */
export function billingPageUrl(publicUrl: string, subscriber?: { kind: SubscriberKind; id: string }): string {
  const base = publicUrl.replace(/\/$/, '');
  return subscriber?.kind === 'team' ? `${base}/teams/${subscriber.id}/billing` : `${base}/billing`;
}

/** The subject and body of a billing mail. */
export function billingMail(input: BillingMailInput, publicUrl: string): { subject: string; text: string } {
  const page = billingPageUrl(publicUrl, input.subscriber);
  const due = input.amount !== undefined && input.currency ? formatMoney(input.amount, input.currency) : 'the amount due';
  const hello = `Hello ${input.name || input.to},`;
  const sign = '\n— Atelier';
  switch (input.kind) {
    case 'payment-failed':
      return {
        subject: 'Payment failed: we will retry',
        text: [
          hello,
          '',
          `Your Atelier subscription could not be renewed: the charge of ${due} failed.`,
          `Your plan stays as it is for now. We will send you a link to pay on day ${DUNNING_RETRY_DAYS.join(', ')} after today;`,
          'you can also update your card or pay on your billing page:',
          page,
          sign,
        ].join('\n'),
      };
    case 'dunning-retry': {
      const n = input.attempt ?? 1;
      const last = n >= DUNNING_RETRY_DAYS.length;
      return {
        subject: `Payment failed: retry ${n} of ${DUNNING_RETRY_DAYS.length}`,
        text: [
          hello,
          '',
          `Your Atelier subscription is still unpaid. Pay ${due} with this link:`,
          input.payUrl ?? page,
          '',
          last
            ? 'This is the last reminder: if it stays unpaid for one more day, your account moves to the Free tier. Your projects and files are kept.'
            : 'Your plan stays as it is while we retry. If the last retry fails too, your account moves to the Free tier; your projects and files are kept.',
          `Billing page: ${page}`,
          sign,
        ].join('\n'),
      };
    }
    case 'downgraded':
      return {
        subject: 'Moved to Free: your projects and files are kept',
        text: [
          hello,
          '',
          `Your Atelier subscription stayed unpaid after ${DUNNING_RETRY_DAYS.length} retries, so your account is on the Free tier now.`,
          'Your projects and files are kept; only the Free limits apply. Pay to restore your plan at once:',
          input.payUrl ?? page,
          `Billing page: ${page}`,
          sign,
        ].join('\n'),
      };
    case 'payment-received':
      return {
        subject: 'Payment received: your plan is active',
        text: [
          hello,
          '',
          `We received your payment${input.amount !== undefined && input.currency ? ` of ${due}` : ''}. Your plan is active again; nothing else to do.`,
          `Invoices are on your billing page: ${page}`,
          sign,
        ].join('\n'),
      };
  }
}
