import { BILLING_PLANS } from '../../contracts/billing';
import { DEFAULT_LIMITS } from '../limits/tiers';
import { Subscription } from './billing.entities';
import { billingPlanViews, subscriptionView, tierLimitsViews } from './billing-views';

describe('billing views', () => {
  it('lists every paid plan with both prices', () => {
    const views = billingPlanViews();
    expect(views.map((v) => v.id)).toEqual(BILLING_PLANS.map((p) => p.id));
    expect(views[0]).toMatchObject({ id: 'pro-monthly', tier: 'pro', interval: 'monthly', priceInr: 149_900, priceUsd: 1_900, label: 'Pro (monthly)' });
  });

  it("shows each tier's limits as the limiters enforce them", () => {
    const views = tierLimitsViews();
    expect(views.map((v) => v.tier)).toEqual(['free', 'pro', 'team', 'enterprise']);
    expect(views[1]).toMatchObject({ tier: 'pro', label: 'Pro', projects: DEFAULT_LIMITS.tiers.pro.projects, maxRoomCapacity: DEFAULT_LIMITS.tiers.pro.maxRoomCapacity });
    expect(views[3].messagesPerHour).toBe(DEFAULT_LIMITS.tiers.enterprise.messagesPerHour);
  });

  it("prices a subscription at its plan in its currency and shows its dunning's dates as dates", () => {
    const row = Object.assign(new Subscription(), {
      razorpaySubscriptionId: 'sub_1',
      customerId: 'c',
      subscriberKind: 'user' as const,
      subscriberId: 'u',
      planId: 'team-yearly',
      currency: 'USD' as const,
      status: 'pending' as const,
      dunning: { since: '2026-12-01T00:00:00.000Z', attempts: 1, nextRetryAt: '2026-12-04T00:00:00.000Z', payUrl: 'https://rzp.io/x', amountDue: 49_000, downgraded: false },
    });
    const view = subscriptionView(row);
    expect(view).toMatchObject({ tier: 'team', interval: 'yearly', amount: 49_000, status: 'pending', manageUrl: null });
    expect(view.dunning).toEqual({ since: new Date('2026-12-01T00:00:00Z'), attempts: 1, nextRetryAt: new Date('2026-12-04T00:00:00Z'), payUrl: 'https://rzp.io/x', amountDue: 49_000, downgraded: false });
  });
});
