import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { byTestId, settle, settleUntil, typeInto } from '../../../../testing/fakes';
import type { CompRequest } from '../components/comp-tier-form.component';
import { BillingApi } from '../services/billing-api.service';
import { ok, refused, subscription } from '../testing/billing-payloads';
import { AdminBillingPage } from './admin-billing.page';

class FakeAdminApi {
  statuses: (string | null)[] = [];
  comps: CompRequest[] = [];
  refuse = false;
  adminSubscriptions(status: string | null) {
    this.statuses.push(status);
    const rows = [
      { subscriberKind: 'user', subscriberId: 'u9', subscriberName: 'ada@example.com', tier: 'pro', subscription: subscription() },
      { subscriberKind: 'team', subscriberId: 't9', subscriberName: 'Studio', tier: 'free', subscription: subscription({ id: 's2', status: 'halted', tier: 'team', planId: 'team-monthly' }) },
    ];
    return ok(status ? rows.filter((r) => r.subscription.status === status) : rows);
  }
  compTier(request: CompRequest) {
    this.comps.push(request);
    if (this.refuse) return refused('FORBIDDEN', 'Only platform admins can comp a tier.');
    return ok({ comp: request.tier ? { tier: request.tier } : null });
  }
}

describe('AdminBillingPage', () => {
  let fixture: ComponentFixture<AdminBillingPage>;
  let api: FakeAdminApi;
  let root: HTMLElement;

  beforeEach(async () => {
    api = new FakeAdminApi();
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: BillingApi, useValue: api }] });
    fixture = TestBed.createComponent(AdminBillingPage);
    root = fixture.nativeElement;
    await settleUntil(fixture, () => byTestId(root, 'admin-subscription-row').length > 0);
  });

  it('lists subscriptions and filters them by status', async () => {
    expect(byTestId(root, 'admin-subscription-row').map((r) => r.dataset['status'])).toEqual(['active', 'halted']);
    typeInto(byTestId(root, 'admin-status-filter')[0], 'halted', 'change');
    await settleUntil(fixture, () => byTestId(root, 'admin-subscription-row').length === 1);
    expect(api.statuses).toEqual([null, 'halted']);
    typeInto(byTestId(root, 'admin-status-filter')[0], 'paused', 'change');
    await settleUntil(fixture, () => byTestId(root, 'admin-subscriptions-empty').length === 1);
    expect(byTestId(root, 'admin-subscriptions-empty')[0]!.textContent).toContain('No paused subscriptions.');
  });

  it('comps a tier for the picked subscriber only with a reason, and shows a refusal', async () => {
    byTestId(root, 'admin-comp-pick')[1]!.click();
    await settle(fixture);
    expect((byTestId(root, 'comp-id')[0] as HTMLInputElement).value).toBe('t9');
    typeInto(byTestId(root, 'comp-tier')[0], 'team', 'change');
    byTestId(root, 'comp-submit')[0]!.click();
    await settle(fixture);
    expect(api.comps).toEqual([]);
    expect(root.textContent).toContain('Say why');

    typeInto(byTestId(root, 'comp-reason')[0], 'Partner studio, agreed by mail');
    byTestId(root, 'comp-submit')[0]!.click();
    await settleUntil(fixture, () => byTestId(root, 'comp-outcome').length > 0);
    expect(api.comps).toEqual([{ subscriberKind: 'team', subscriberId: 't9', tier: 'team', until: null, reason: 'Partner studio, agreed by mail' }]);
    expect(byTestId(root, 'comp-outcome')[0]!.textContent).toContain('Granted Team.');

    api.refuse = true;
    typeInto(byTestId(root, 'comp-reason')[0], 'again');
    byTestId(root, 'comp-submit')[0]!.click();
    await settleUntil(fixture, () => byTestId(root, 'comp-outcome')[0]?.getAttribute('role') === 'alert');
    expect(byTestId(root, 'comp-outcome')[0]!.textContent).toContain('Only platform admins');
  });
});
