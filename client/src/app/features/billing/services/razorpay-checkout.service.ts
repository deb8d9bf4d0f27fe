import { DOCUMENT } from '@angular/common';
import { Injectable, InjectionToken, inject } from '@angular/core';
import type { VerifyPaymentInput } from '../../../generated/schema';
import type { CheckoutSession } from '../models/billing.models';

/** How Checkout ended: paid (the fields the server verifies), closed by the payer, or failed to open. */
export type CheckoutOutcome =
  | { readonly kind: 'paid'; readonly payment: VerifyPaymentInput }
  | { readonly kind: 'dismissed' }
  | { readonly kind: 'failed'; readonly message: string };

/** Opens Razorpay Checkout for a session; tests replace it with a fake. */
export interface CheckoutOpener {
  open(session: CheckoutSession): Promise<CheckoutOutcome>;
}

/** What checkout.js's handler receives (Razorpay's names). */
interface RazorpayResponse {
  razorpay_payment_id?: string;
  razorpay_order_id?: string;
  razorpay_subscription_id?: string;
  razorpay_signature?: string;
}

interface RazorpayInstance {
  open(): void;
  on?(event: string, handler: (r: { error?: { description?: string } }) => void): void;
}
type RazorpayConstructor = new (options: Record<string, unknown>) => RazorpayInstance;

/**
 * Loads `checkout.js` (Razorpay's, or the wire fake's stand-in) only when a payer clicks, once per URL,
 * then opens it. Never loaded while billing is off: only a CheckoutSession, which the server gives only
 * when billing is on, names the script.
 */
@Injectable({ providedIn: 'root' })
export class RazorpayCheckout implements CheckoutOpener {
  private readonly document = inject(DOCUMENT);
  private readonly loads = new Map<string, Promise<RazorpayConstructor | null>>();

  async open(session: CheckoutSession): Promise<CheckoutOutcome> {
    const Razorpay = await this.load(session.checkoutUrl);
    if (!Razorpay) return { kind: 'failed', message: 'The payment window could not load. Check your connection and try again.' };
    return new Promise<CheckoutOutcome>((resolve) => {
      let failure: string | null = null;
      const rzp = new Razorpay({
        key: session.keyId,
        ...(session.orderId ? { order_id: session.orderId } : { subscription_id: session.subscriptionId }),
        amount: session.amount,
        currency: session.currency,
        name: session.name,
        description: session.description,
        prefill: { name: session.prefillName, email: session.prefillEmail },
        handler: (r: RazorpayResponse) => resolve({ kind: 'paid', payment: toVerifyInput(r) }),
        // Closed after a declined attempt: say what the bank said; closed before paying: nothing happened.
        modal: { ondismiss: () => resolve(failure ? { kind: 'failed', message: failure } : { kind: 'dismissed' }) },
      });
      // A declined attempt keeps the window open for another try; the payer closes it to give up.
      rzp.on?.('payment.failed', (r) => {
        const said = r.error?.description;
        failure = said ? `The payment failed: ${said} Nothing was charged.` : 'The payment failed. Nothing was charged.';
      });
      rzp.open();
    });
  }

  private load(url: string): Promise<RazorpayConstructor | null> {
    let loading = this.loads.get(url);
    if (!loading) {
      loading = new Promise<RazorpayConstructor | null>((resolve) => {
        const script = this.document.createElement('script');
        script.src = url;
        script.async = true;
        script.onload = () => resolve(this.constructorOf());
        script.onerror = () => {
          this.loads.delete(url);
          script.remove();
          resolve(null);
        };
        this.document.head.appendChild(script);
      });
      this.loads.set(url, loading);
    }
    return loading;
  }

  private constructorOf(): RazorpayConstructor | null {
    const view = this.document.defaultView as (Window & { Razorpay?: RazorpayConstructor }) | null;
    return view?.Razorpay ?? null;
  }
}

function toVerifyInput(r: RazorpayResponse): VerifyPaymentInput {
  return {
    razorpayPaymentId: r.razorpay_payment_id ?? '',
    razorpaySignature: r.razorpay_signature ?? '',
    razorpayOrderId: r.razorpay_order_id ?? null,
    razorpaySubscriptionId: r.razorpay_subscription_id ?? null,
  };
}

/** The Checkout the page uses; tests provide a fake. */
export const CHECKOUT = new InjectionToken<CheckoutOpener>('CHECKOUT', {
  providedIn: 'root',
  factory: () => inject(RazorpayCheckout),
});
