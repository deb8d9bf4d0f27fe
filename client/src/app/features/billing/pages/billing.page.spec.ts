import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { byTestId, settle, settleUntil } from '../../../../testing/fakes';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { UsageStatus } from '../../account/services/usage-status.service';
import type { BillingAccount } from '../models/billing.models';
import { BillingApi } from '../services/billing-api.service';
import { CHECKOUT } from '../services/razorpay-checkout.service';
import {
  FakeCheckout,
  FakeUsageStatus,
  account,
  catalog,
  invoice,
  ok,
  refused,
  session,
  subscription,
} from '../testing/billing-payloads';
import { BillingPage } from './billing.page';

class FakeBillingApi {
  current: BillingAccount = account();
  calls: string[] = [];
  reads: (string | null)[] = [];
  subscribeAnswer: () => ReturnType<BillingApi['subscribe']> = () => ok(session());
  account(teamId: string | null) {
    this.reads.push(teamId);
    return ok(this.current);
  }
  catalog() {
    return ok(catalog());
  }
  teams() {
    return ok([{ id: 't1', name: 'Studio', viewerRole: 'owner' }, { id: 't2', name: 'Guild', viewerRole: 'member' }]);
  }
  subscribe(teamId: string | null, planId: string) {
    this.calls.push(`subscribe ${teamId} ${planId}`);
    return this.subscribeAnswer();
  }
  verifyPayment(teamId: string | null, input: Record<string, unknown>) {
    this.calls.push(`verify ${teamId} ${JSON.stringify(input)}`);
    this.current = account({ tier: 'pro', subscription: subscription(), invoices: [invoice()] });
    return ok(this.current);
  }
  changePlan(_teamId: string | null, planId: string) {
    this.calls.push(`change ${planId}`);
    if (planId.startsWith('team'))
      return ok({ kind: 'upgrade', prorationAmount: 125_000, effectiveAt: null, checkout: session({ orderId: 'order_1', subscriptionId: null, amount: 125_000 }) });
    return ok({ kind: 'downgrade', prorationAmount: 0, effectiveAt: '2027-01-07T10:00:00.000Z', checkout: null });
  }
  cancel(_teamId: string | null, atCycleEnd: boolean) {
    this.calls.push(`cancel ${atCycleEnd}`);
    this.current = account({ tier: atCycleEnd ? 'pro' : 'free', subscription: atCycleEnd ? subscription({ cancelAtCycleEnd: true }) : null });
    return ok(this.current);
  }
  pause() {
    this.calls.push('pause');
    return ok(this.current);
  }
  resume() {
    this.calls.push('resume');
    return ok(this.current);
  }
  saveDetails() {
    return ok(this.current.customer!);
  }
}

describe('BillingPage', () => {
  let fixture: ComponentFixture<BillingPage>;
  let api: FakeBillingApi;
  let checkout: FakeCheckout;
  let usage: FakeUsageStatus;
  let root: HTMLElement;

  async function open(setup: (a: FakeBillingApi) => void = () => undefined, id?: string) {
    api = new FakeBillingApi();
    setup(api);
    checkout = new FakeCheckout();
    usage = new FakeUsageStatus();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: BillingApi, useValue: api },
        { provide: CHECKOUT, useValue: checkout },
        { provide: UsageStatus, useValue: usage },
        { provide: AuthSession, useValue: { viewer: signal({ id: 'u1', platformRole: 'user', displayName: 'Ada L', email: 'ada@account.test' }) } },
      ],
    });
    fixture = TestBed.createComponent(BillingPage);
    if (id) fixture.componentRef.setInput('id', id);
    root = fixture.nativeElement;
    await settleUntil(fixture, () => byTestId(root, 'billing-title').length > 0 && !root.textContent!.includes('Loading billing…'));
    await settle(fixture);
  }

  const text = (testId: string) => byTestId(root, testId).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
  const option = (planId: string) => byTestId(root, 'plan-option').find((o) => o.dataset['planId'] === planId)!;

  afterEach(() => fixture?.destroy());

  it('with billing off says so, how to turn it on, shows usage, and never opens Checkout', async () => {
    await open((a) => (a.current = account({ enabled: false, howToEnable: 'Set RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET.' })));
    expect(text('billing-off')[0]).toContain('Billing is off on this server — everyone is on Free');
    expect(text('billing-how-to-enable')[0]).toContain('RAZORPAY_KEY_ID');
    expect(byTestId(root, 'plan-picker')).toHaveLength(0);
    expect(byTestId(root, 'invoices')).toHaveLength(0);
    expect(root.querySelector('app-usage-meters')).not.toBeNull();
    expect(checkout.opened).toHaveLength(0);
    expect(document.querySelectorAll('script[src*="checkout"]')).toHaveLength(0);
  });

  it('prices plans in rupees with GST, monthly and yearly, with each tier\'s limits and the proration rule', async () => {
    await open();
    expect(option('free').classList).toContain('current');
    expect(byTestId(option('pro-monthly'), 'plan-option-price')[0]!.textContent).toBe('₹1,499');
    expect(byTestId(option('pro-monthly'), 'plan-option-tax')[0]!.textContent).toBe('incl. 18% GST');
    expect(byTestId(option('pro-monthly'), 'tier-limit').map((l) => l.textContent?.replace(/\s+/g, ''))).toContain('Projects15');
    expect(text('plan-choose')).toEqual(['Current plan', 'Choose Pro', 'Choose Team', 'Choose Enterprise']);
    expect(text('proration-rule')[0]).toMatch(/Upgrade: pay the difference for the rest of this cycle now.*Downgrade: takes effect at the end of the cycle, no refund/);
    byTestId(root, 'interval-yearly')[0]!.click();
    await settle(fixture);
    expect(byTestId(option('pro-yearly'), 'plan-option-price')[0]!.textContent).toBe('₹14,990');
    expect(byTestId(option('enterprise-yearly'), 'plan-option-price')[0]!.textContent).toBe('₹1,99,990');
  });

  it('prices in dollars without GST for a customer outside India', async () => {
    await open((a) => (a.current = account({ currency: 'USD' })));
    expect(byTestId(option('pro-monthly'), 'plan-option-price')[0]!.textContent).toBe('$19');
    expect(byTestId(option('pro-monthly'), 'plan-option-tax')[0]!.textContent).toBe('no GST (export)');
  });

  it('subscribes through Checkout, verifies on the server, then shows Pro, its invoice and fresh usage', async () => {
    await open();
    byTestId(option('pro-monthly'), 'plan-choose')[0]!.click();
    await settleUntil(fixture, () => text('plan-tier')[0] === 'Pro');
    expect(api.calls[0]).toBe('subscribe null pro-monthly');
    expect(checkout.opened).toEqual([session()]);
    expect(JSON.parse(api.calls[1]!.slice('verify null '.length))).toEqual({
      razorpayPaymentId: 'pay_1',
      razorpaySignature: 'sig',
      razorpaySubscriptionId: 'sub_1',
      razorpayOrderId: null,
    });
    expect(text('plan-status')[0]).toBe('Active');
    expect(text('plan-price')[0]).toContain('₹1,499 / month · incl. 18% GST');
    expect(text('plan-next-charge')[0]).toBe('Next charge 7 Jan 2027');
    expect(text('billing-notice')[0]).toContain('You are on Pro now.');
    expect(byTestId(root, 'invoice-row')[0]!.dataset['number']).toBe('ATL/26-27/000001');
    expect(byTestId(root, 'invoice-pdf')[0]!.getAttribute('href')).toBe('/billing/invoices/i1.pdf');
    expect(usage.refreshes).toBeGreaterThanOrEqual(1);
    expect(text('plan-choose')).toEqual(['Move to Free', 'Current plan', 'Upgrade to Team', 'Upgrade to Enterprise']);
  });

  it('charges an upgrade\'s proration as an order, and schedules a downgrade without Checkout', async () => {
    await open((a) => (a.current = account({ tier: 'pro', subscription: subscription() })));
    byTestId(option('team-monthly'), 'plan-choose')[0]!.click();
    await settleUntil(fixture, () => api.calls.length === 2);
    expect(api.calls[0]).toBe('change team-monthly');
    expect(checkout.opened[0]).toMatchObject({ orderId: 'order_1', amount: 125_000 });

    api.current = account({ tier: 'team', subscription: subscription({ planId: 'team-monthly', tier: 'team' }) });
    await fixture.componentInstance['store'].refresh();
    await settle(fixture);
    byTestId(option('pro-monthly'), 'plan-choose')[0]!.click();
    await settleUntil(fixture, () => byTestId(root, 'billing-notice').length > 0);
    expect(api.calls[2]).toBe('change pro-monthly');
    expect(checkout.opened).toHaveLength(1);
    expect(text('billing-notice')[0]).toContain('Changes to Pro, monthly on 7 Jan 2027');
  });

  it('a closed Checkout charges nothing and verifies nothing', async () => {
    await open();
    checkout.next = { kind: 'dismissed' };
    byTestId(option('pro-monthly'), 'plan-choose')[0]!.click();
    await settleUntil(fixture, () => byTestId(root, 'billing-notice').length > 0);
    expect(text('billing-notice')[0]).toContain('nothing was charged');
    expect(api.calls.filter((c) => c.startsWith('verify'))).toHaveLength(0);
  });

  it("fills the details form with the account's name and email until details are saved", async () => {
    await open((a) => (a.current = account({ customer: null })));
    expect((byTestId(root, 'details-name')[0] as HTMLInputElement).value).toBe('Ada L');
    expect((byTestId(root, 'details-email')[0] as HTMLInputElement).value).toBe('ada@account.test');
  });

  it('shows a refusal in words and keeps the page usable', async () => {
    await open((a) => (a.subscribeAnswer = () => refused('PAYMENT_PROVIDER_UNAVAILABLE', 'The payment provider is not answering. Nothing was charged twice; try again in a minute.')));
    byTestId(option('pro-monthly'), 'plan-choose')[0]!.click();
    await settleUntil(fixture, () => byTestId(root, 'billing-error').length > 0);
    expect(byTestId(root, 'billing-error')[0]!.dataset['code']).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(checkout.opened).toHaveLength(0);
    expect((byTestId(option('pro-monthly'), 'plan-choose')[0] as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows dunning: the retry, the next date, what is due and Pay now; then the drop to Free', async () => {
    const dunning = { since: '2027-01-07T10:00:00.000Z', attempts: 2, nextRetryAt: '2027-01-14T10:00:00.000Z', payUrl: 'https://rzp.io/i/abc', amountDue: 149_900, downgraded: false };
    await open((a) => (a.current = account({ tier: 'pro', subscription: subscription({ status: 'pending', dunning }) })));
    expect(text('plan-status')[0]).toBe('Payment failed');
    expect(byTestId(root, 'plan-next-charge')).toHaveLength(0);
    expect(text('dunning-attempts')[0]).toBe('Retry 2 of 3 · next retry 14 Jan 2027 · ₹1,499 due. You keep Pro while we retry.');
    expect(byTestId(root, 'dunning-pay')[0]!.getAttribute('href')).toBe('https://rzp.io/i/abc');

    api.current = account({ tier: 'free', subscription: subscription({ status: 'halted', grantsTier: false, dunning: { ...dunning, attempts: 3, nextRetryAt: null, downgraded: true } }) });
    await fixture.componentInstance['store'].refresh();
    await settle(fixture);
    expect(byTestId(root, 'dunning-banner')[0]!.dataset['downgraded']).toBe('true');
    expect(text('dunning-banner')[0]).toContain('Moved to Free');
    expect(text('plan-tier')[0]).toBe('Free');
    expect(text('plan-price')[0]).toContain('Pro plan · ₹1,499 / month');
    expect(text('dunning-banner')[0]).toContain('Your projects and files are kept. Pay ₹1,499 to restore Pro');
  });

  it('cancels only once confirmed, at the end of the cycle or now', async () => {
    await open((a) => (a.current = account({ tier: 'pro', subscription: subscription() })));
    byTestId(root, 'cancel-open')[0]!.click();
    await settle(fixture);
    expect(text('cancel-dialog')[0]).toContain('Keep Pro until 7 Jan 2027');
    expect(api.calls).toEqual([]);
    byTestId(root, 'cancel-confirm')[0]!.click();
    await settleUntil(fixture, () => byTestId(root, 'plan-note').length > 0);
    expect(api.calls).toEqual(['cancel true']);
    expect(text('plan-note')[0]).toBe('Cancels on 7 Jan 2027: Pro until then, then Free.');
    expect(byTestId(root, 'cancel-open')).toHaveLength(0);
    // Cancelling: Free is scheduled, and no plan can be chosen until the subscription ends.
    expect(text('plan-choose')[0]).toBe('From 7 Jan 2027');
    expect(text('plans-locked')[0]).toContain('Cancelled for 7 Jan 2027');
    expect(byTestId(root, 'plan-choose').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);

    api.current = account({ tier: 'pro', subscription: subscription() });
    await fixture.componentInstance['store'].refresh();
    await settle(fixture);
    byTestId(root, 'cancel-open')[0]!.click();
    await settle(fixture);
    (byTestId(root, 'cancel-now')[0] as HTMLInputElement).click();
    byTestId(root, 'cancel-confirm')[0]!.click();
    await settleUntil(fixture, () => text('plan-tier')[0] === 'Free');
    expect(api.calls[1]).toBe('cancel false');
  });

  it('pauses and resumes', async () => {
    await open((a) => (a.current = account({ tier: 'pro', subscription: subscription() })));
    byTestId(root, 'pause')[0]!.click();
    await settleUntil(fixture, () => api.calls.length > 0);
    expect(api.calls).toEqual(['pause']);
    api.current = account({ subscription: subscription({ status: 'paused', grantsTier: false }) });
    await fixture.componentInstance['store'].refresh();
    await settle(fixture);
    expect(text('plan-note')[0]).toContain('Paused: no charges');
    byTestId(root, 'resume')[0]!.click();
    await settleUntil(fixture, () => api.calls.length > 1);
    expect(api.calls[1]).toBe('resume');
  });

  it('marks credit notes and shows them as money back', async () => {
    await open((a) => (a.current = account({ tier: 'pro', subscription: subscription(), invoices: [
      invoice({ id: 'c1', kind: 'credit_note', number: 'ATC/26-27/000001', total: 50_000, pdfUrl: '/billing/invoices/c1.pdf' }),
      invoice(),
    ] })));
    const [credit, inv] = byTestId(root, 'invoice-row');
    expect(byTestId(credit!, 'credit-note')).toHaveLength(1);
    expect(byTestId(credit!, 'invoice-total')[0]!.textContent?.trim()).toBe('−₹500');
    expect(byTestId(inv!, 'credit-note')).toHaveLength(0);
    expect(byTestId(inv!, 'invoice-total')[0]!.textContent?.trim()).toBe('₹1,499');
  });

  it("reads a team's billing for its owner, with the team's limits and a switcher", async () => {
    await open((a) => (a.current = account({ subscriberKind: 'team', subscriberId: 't1', tier: 'team' })), 't1');
    expect(api.reads[0]).toBe('t1');
    expect(text('billing-title')[0]).toBe('Studio billing');
    expect(byTestId(root, 'billing-team-link').map((l) => l.textContent?.trim())).toEqual(['Studio']);
    expect(byTestId(root, 'team-limits')).toHaveLength(1);
    expect(root.querySelector('app-usage-meters')).toBeNull();
  });

  it("shows a team's billing read-only to someone who may not manage it", async () => {
    await open((a) => (a.current = account({ subscriberKind: 'team', subscriberId: 't2', canManage: false, subscription: subscription() })), 't2');
    expect(byTestId(root, 'billing-read-only')).toHaveLength(1);
    expect(byTestId(root, 'plan-choose').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(byTestId(root, 'cancel-open')).toHaveLength(0);
    expect(byTestId(root, 'billing-details')).toHaveLength(0);
  });
});
