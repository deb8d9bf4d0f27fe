import { TestBed } from '@angular/core/testing';
import { session } from '../testing/billing-payloads';
import { RazorpayCheckout } from './razorpay-checkout.service';

type Options = Record<string, unknown> & {
  handler: (r: Record<string, string>) => void;
  modal: { ondismiss: () => void };
};

/** Stands in for checkout.js's `window.Razorpay`, recording what the page asked for. */
class FakeRazorpay {
  static created: FakeRazorpay[] = [];
  readonly listeners: Record<string, (r: { error?: { description?: string } }) => void> = {};
  opened = false;
  constructor(readonly options: Options) {
    FakeRazorpay.created.push(this);
  }
  on(event: string, cb: (r: { error?: { description?: string } }) => void) {
    this.listeners[event] = cb;
  }
  open() {
    this.opened = true;
  }
}

const scripts = () => Array.from(document.head.querySelectorAll<HTMLScriptElement>('script[src]'));
const win = window as unknown as { Razorpay?: unknown };

describe('RazorpayCheckout', () => {
  let checkout: RazorpayCheckout;

  beforeEach(() => {
    FakeRazorpay.created = [];
    scripts().forEach((s) => s.remove());
    delete win.Razorpay;
    checkout = TestBed.inject(RazorpayCheckout);
  });

  /** checkout.js arrives: it defines window.Razorpay, then the script's load event fires. */
  const loadScript = async () => {
    await Promise.resolve();
    win.Razorpay = FakeRazorpay;
    scripts()[0]!.dispatchEvent(new Event('load'));
    await new Promise((r) => setTimeout(r));
  };

  it('loads checkout.js only when asked, once, and hands the subscription to Checkout with a prefill', async () => {
    expect(scripts()).toHaveLength(0);
    const outcome = checkout.open(session());
    expect(scripts().map((s) => s.src)).toEqual(['http://127.0.0.1:9/v1/checkout.js']);
    await loadScript();
    const rzp = FakeRazorpay.created[0]!;
    expect(rzp.opened).toBe(true);
    expect(rzp.options).toMatchObject({
      key: 'rzp_test_key',
      subscription_id: 'sub_1',
      amount: 149_900,
      currency: 'INR',
      prefill: { name: 'Ada', email: 'ada@example.com' },
    });
    expect(rzp.options).not.toHaveProperty('order_id');
    rzp.options.handler({ razorpay_payment_id: 'pay_9', razorpay_subscription_id: 'sub_1', razorpay_signature: 'abc' });
    await expect(outcome).resolves.toEqual({
      kind: 'paid',
      payment: { razorpayPaymentId: 'pay_9', razorpaySubscriptionId: 'sub_1', razorpayOrderId: null, razorpaySignature: 'abc' },
    });

    // The second payment reuses the loaded script and passes an order.
    const again = checkout.open(session({ orderId: 'order_7', subscriptionId: null }));
    await new Promise((r) => setTimeout(r));
    expect(scripts()).toHaveLength(1);
    const second = FakeRazorpay.created[1]!;
    expect(second.options).toMatchObject({ order_id: 'order_7' });
    expect(second.options).not.toHaveProperty('subscription_id');
    second.options.modal.ondismiss();
    await expect(again).resolves.toEqual({ kind: 'dismissed' });
  });

  it("says what the bank said when the payer closes Checkout after a declined attempt", async () => {
    const outcome = checkout.open(session());
    await loadScript();
    const rzp = FakeRazorpay.created[0]!;
    rzp.listeners['payment.failed']!({ error: { description: 'Your card was declined.' } });
    rzp.options.modal.ondismiss();
    await expect(outcome).resolves.toEqual({ kind: 'failed', message: 'The payment failed: Your card was declined. Nothing was charged.' });
  });

  it('reports a script that cannot load, and tries again next time', async () => {
    const outcome = checkout.open(session());
    await Promise.resolve();
    scripts()[0]!.dispatchEvent(new Event('error'));
    await expect(outcome).resolves.toMatchObject({ kind: 'failed' });
    expect(scripts()).toHaveLength(0);
    void checkout.open(session());
    expect(scripts()).toHaveLength(1);
  });
});
