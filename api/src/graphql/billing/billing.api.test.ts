import { AuditEvent } from '../../../../core/audit/audit.entity';
import { Invoice } from '../../../../core/billing/billing.entities';
import { User } from '../../../../core/user/user.entity';
import { codeOf, createBillingKit, type BillingKit } from '../../../../test/fixtures/billing-api';
import { graphqlOver } from '../../../../test/graphql-http';

/**
 * The billing API against the Razorpay wire fake: plans, checkout and verification (the tier applies before the
 * mutation returns), GST invoices and their PDFs, who may see and change whose billing, the admins' tools, typed
 * PAYMENT_* / SUBSCRIPTION_* codes, and billing off.
 */
const ACCOUNT = `subscriberKind tier enabled canManage currency
  subscription { planId status grantsTier tier amount currency }
  comp { tier reason until }
  invoices { id kind number total taxKind cgst sgst igst pdfUrl }`;
const BILLING = `query($t: ID) { billing(teamId: $t) { ${ACCOUNT} } }`;
const SUBSCRIBE = 'mutation($p: ID!, $t: ID) { subscribe(planId: $p, teamId: $t) { keyId checkoutUrl subscriptionId orderId amount currency prefillEmail } }';
const VERIFY = `mutation($i: VerifyPaymentInput!, $t: ID) { verifyPayment(input: $i, teamId: $t) { ${ACCOUNT} } }`;
const CANCEL = 'mutation($t: ID) { cancelSubscription(teamId: $t, atCycleEnd: true) { tier } }';
const COMP = 'mutation($k: String!, $s: ID!, $tier: String, $r: String!) { compTier(subscriberKind: $k, subscriberId: $s, tier: $tier, reason: $r) { tier reason until } }';

type Account = {
  tier: string;
  canManage: boolean;
  subscription: { status: string; grantsTier: boolean; tier: string } | null;
  invoices: Array<{ id: string; number: string; total: number; taxKind: string; cgst: number; sgst: number; pdfUrl: string }>;
};

describe('billing on', () => {
  let kit: BillingKit;
  beforeAll(async () => void (kit = await createBillingKit()), 120_000);
  afterAll(() => kit?.dispose());

  /** Subscribes `userId` (or their team) to a plan and pays through the stand-in checkout; the callback's fields. */
  async function checkout(userId: string, teamId?: string, options: { badSignature?: boolean } = {}) {
    const session = (await kit.ok(SUBSCRIBE, { p: 'pro-monthly', t: teamId }, userId)).subscribe as { subscriptionId: string };
    const fields = kit.fake.checkoutPay({ subscriptionId: session.subscriptionId }, options);
    return {
      razorpayPaymentId: fields.razorpay_payment_id,
      razorpaySubscriptionId: fields.razorpay_subscription_id,
      razorpaySignature: fields.razorpay_signature,
    };
  }

  it('lists the paid plans with their prices and every tier’s limits', async () => {
    const ada = await kit.person('Ada');
    const { billingPlans, tierLimits } = (await kit.ok('{ billingPlans { id tier interval priceInr priceUsd } tierLimits { tier projects } }', {}, ada)) as {
      billingPlans: Array<{ id: string; priceInr: number }>;
      tierLimits: Array<{ tier: string }>;
    };
    expect(billingPlans.map((p) => p.id)).toEqual(['pro-monthly', 'pro-yearly', 'team-monthly', 'team-yearly', 'enterprise-monthly', 'enterprise-yearly']);
    expect(billingPlans[0]).toEqual({ id: 'pro-monthly', tier: 'pro', interval: 'monthly', priceInr: 149_900, priceUsd: 1_900 });
    expect(tierLimits.map((t) => t.tier)).toEqual(['free', 'pro', 'team', 'enterprise']);
  });

  it('upgrades a user to pro the moment the checkout verifies, with a GST invoice whose PDF only they and admins download', async () => {
    const { signUp } = graphqlOver(kit.base);
    const root = await signUp('Root');
    await kit.stack.db.orm.em.fork().nativeUpdate(User, { id: root.id }, { platformRole: 'admin' });
    const ada = await signUp('Ada');
    const eve = await signUp('Eve');
    const before = (await kit.ok(BILLING, {}, ada.id)).billing as Account;
    expect(before).toMatchObject({ tier: 'free', enabled: true, canManage: true, subscription: null, invoices: [] });

    const session = (await kit.ok(SUBSCRIBE, { p: 'pro-monthly' }, ada.id)).subscribe;
    expect(session).toMatchObject({ keyId: 'rzp_test_atelier', checkoutUrl: `${kit.fake.url}/v1/checkout.js`, amount: 149_900, currency: 'INR', orderId: null });
    const fields = kit.fake.checkoutPay({ subscriptionId: (session as { subscriptionId: string }).subscriptionId });
    const verified = (
      await kit.ok(
        VERIFY,
        { i: { razorpayPaymentId: fields.razorpay_payment_id, razorpaySubscriptionId: fields.razorpay_subscription_id, razorpaySignature: fields.razorpay_signature } },
        ada.id,
      )
    ).verifyPayment as Account;
    expect(verified).toMatchObject({ tier: 'pro', subscription: { status: 'active', grantsTier: true, tier: 'pro' } });
    expect((await kit.stack.db.orm.em.fork().findOneOrFail(User, { id: ada.id })).tier).toBe('pro');
    // Karnataka to Karnataka (the default supplier state and customer): CGST + SGST, exact in paise.
    expect(verified.invoices).toHaveLength(1);
    const invoice = verified.invoices[0]!;
    expect(invoice).toMatchObject({ total: 149_900, taxKind: 'intra', pdfUrl: `/billing/invoices/${invoice.id}.pdf` });
    expect(invoice.cgst + invoice.sgst + (await kit.stack.db.orm.em.fork().findOneOrFail(Invoice, { id: invoice.id })).taxableValue).toBe(149_900);

    const pdf = await fetch(`${kit.base}${invoice.pdfUrl}`, { headers: { cookie: ada.cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${invoice.number.replace(/\//g, '-')}.pdf"`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fetch(`${kit.base}${invoice.pdfUrl}`, { headers: { cookie: root.cookie } })).status).toBe(200);
    // Someone else, a made-up id, a malformed one: the same 404. Signed out: 401.
    expect((await fetch(`${kit.base}${invoice.pdfUrl}`, { headers: { cookie: eve.cookie } })).status).toBe(404);
    expect((await fetch(`${kit.base}/billing/invoices/00000000-0000-4000-8000-000000000000.pdf`, { headers: { cookie: ada.cookie } })).status).toBe(404);
    expect((await fetch(`${kit.base}/billing/invoices/nope.pdf`, { headers: { cookie: ada.cookie } })).status).toBe(404);
    expect((await fetch(`${kit.base}${invoice.pdfUrl}`)).status).toBe(401);

    // One live subscription per subscriber.
    expect(codeOf(await kit.gql(SUBSCRIBE, { p: 'team-monthly' }, ada.id))).toBe('SUBSCRIPTION_EXISTS');
  });

  it('refuses a forged checkout signature with PAYMENT_SIGNATURE_INVALID and changes nothing', async () => {
    const bob = await kit.person('Bob');
    const forged = await checkout(bob, undefined, { badSignature: true });
    const refused = await kit.gql(VERIFY, { i: forged }, bob);
    expect(codeOf(refused)).toBe('PAYMENT_SIGNATURE_INVALID');
    expect(refused.errors![0]!.message).not.toMatch(/secret|hmac|stack/i);
    const after = (await kit.ok(BILLING, {}, bob)).billing as Account;
    expect(after).toMatchObject({ tier: 'free', subscription: { status: 'created', grantsTier: false }, invoices: [] });
    // A signature for another subscription's payment does not pass either.
    const other = await checkout(await kit.person('Cal'));
    expect(codeOf(await kit.gql(VERIFY, { i: { ...forged, razorpaySignature: other.razorpaySignature } }, bob))).toBe('PAYMENT_SIGNATURE_INVALID');
  });

  it("lets a team's owners alone see and change its billing; admins read it; members, admins and strangers are FORBIDDEN", async () => {
    const [olga, adam, mia, stranger] = await Promise.all(['Olga', 'Adam', 'Mia', 'Sten'].map((n) => kit.person(n)));
    const root = await kit.person('Admin', { admin: true });
    const team = await kit.team(olga, { [adam]: 'admin', [mia]: 'member' });
    for (const who of [adam, mia, stranger]) {
      expect(codeOf(await kit.gql(BILLING, { t: team }, who))).toBe('FORBIDDEN');
      expect(codeOf(await kit.gql(SUBSCRIBE, { p: 'team-monthly', t: team }, who))).toBe('FORBIDDEN');
    }
    expect(codeOf(await kit.gql(BILLING, { t: team }, null))).toBe('UNAUTHENTICATED');
    expect((await kit.ok(BILLING, { t: team }, root)).billing).toMatchObject({ subscriberKind: 'team', canManage: false });
    expect(codeOf(await kit.gql(SUBSCRIBE, { p: 'team-monthly', t: team }, root))).toBe('FORBIDDEN');

    const paid = await checkout(olga, team);
    const account = (await kit.ok(VERIFY, { i: paid, t: team }, olga)).verifyPayment as Account;
    expect(account).toMatchObject({ tier: 'pro', canManage: true, subscription: { status: 'active' } });
    // The team's tier, not the owner's own account.
    expect((await kit.ok(BILLING, {}, olga)).billing).toMatchObject({ tier: 'free', subscription: null });
    expect(codeOf(await kit.gql(CANCEL, { t: team }, adam))).toBe('FORBIDDEN');
    expect((await kit.ok(CANCEL, { t: team }, olga)).cancelSubscription).toEqual({ tier: 'pro' });
  });

  it('keeps comps, payment links and the subscription list to platform admins; a comp applies at once and is audited', async () => {
    const root = await kit.person('Root', { admin: true });
    const dee = await kit.person('Dee');
    expect(codeOf(await kit.gql(COMP, { k: 'user', s: dee, tier: 'team', r: 'conference speaker' }, dee))).toBe('FORBIDDEN');
    expect(codeOf(await kit.gql('{ adminSubscriptions { subscriberId } }', {}, dee))).toBe('FORBIDDEN');
    expect(codeOf(await kit.gql('mutation($p: ID!) { refundPayment(paymentId: $p, reason: "x") }', { p: dee }, dee))).toBe('FORBIDDEN');
    expect(codeOf(await kit.gql(COMP, { k: 'planet', s: dee, tier: 'team', r: 'x' }, root))).toBe('BAD_USER_INPUT');

    expect((await kit.ok(COMP, { k: 'user', s: dee, tier: 'team', r: 'conference speaker' }, root)).compTier).toEqual({ tier: 'team', reason: 'conference speaker', until: null });
    expect((await kit.ok(BILLING, {}, dee)).billing).toMatchObject({ tier: 'team', comp: { tier: 'team' } });
    expect((await kit.stack.db.orm.em.fork().findOneOrFail(User, { id: dee })).tier).toBe('team');
    const audit = await kit.stack.db.orm.em.fork().find(AuditEvent, { action: 'billing.comp', target: `user:${dee}` });
    expect(audit.map((a) => [a.actorId, a.data?.reason ?? a.data])).toEqual([[root, 'conference speaker']]);

    await kit.ok(COMP, { k: 'user', s: dee, tier: null, r: 'talk over' }, root);
    expect((await kit.ok(BILLING, {}, dee)).billing).toMatchObject({ tier: 'free', comp: null });

    const list = (await kit.ok('{ adminSubscriptions(limit: 500) { subscriberKind subscriberId subscription { status } } }', {}, root)).adminSubscriptions as unknown[];
    expect(Array.isArray(list)).toBe(true);
    expect(codeOf(await kit.gql('{ adminSubscriptions(limit: 501) { subscriberId } }', {}, root))).toBe('BAD_USER_INPUT');
  });

  it('names what is wrong with typed codes', async () => {
    const fay = await kit.person('Fay');
    expect(codeOf(await kit.gql(SUBSCRIBE, { p: 'gold-weekly' }, fay))).toBe('SUBSCRIPTION_PLAN_INVALID');
    expect(codeOf(await kit.gql(CANCEL, {}, fay))).toBe('SUBSCRIPTION_NOT_FOUND');
    expect(codeOf(await kit.gql('mutation { pauseSubscription { tier } }', {}, fay))).toBe('SUBSCRIPTION_NOT_FOUND');
    expect(codeOf(await kit.gql(SUBSCRIBE, { p: 'pro-monthly' }, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await kit.gql('query { billing(teamId: "not-a-team") { tier } }', {}, fay))).toBe('BAD_USER_INPUT');
    const details = 'mutation($i: BillingDetailsInput!) { saveBillingDetails(input: $i) { country gstin } }';
    expect(codeOf(await kit.gql(details, { i: { name: 'Fay', email: 'fay@example.com', country: 'IN', stateCode: '29', gstin: 'NOT-A-GSTIN' } }, fay))).toBe(
      'PAYMENT_DETAILS_INVALID',
    );
    expect((await kit.ok(details, { i: { name: 'Fay Ltd', email: 'fay@example.com', country: 'DE' } }, fay)).saveBillingDetails).toEqual({ country: 'DE', gstin: null });
    expect((await kit.ok(BILLING, {}, fay)).billing).toMatchObject({ currency: 'USD' });
  });

  it('redirects a payment link’s callback to the billing page, paid only when its signature verifies', async () => {
    const noRedirect = { redirect: 'manual' } as const;
    const bogus = new URLSearchParams({
      razorpay_payment_id: 'pay_x',
      razorpay_payment_link_id: 'plink_x',
      razorpay_payment_link_reference_id: 'ref',
      razorpay_payment_link_status: 'paid',
      razorpay_signature: '00'.repeat(32),
    });
    const refused = await fetch(`${kit.base}/billing/payment-link/callback?${bogus}`, noRedirect);
    expect([refused.status, refused.headers.get('location')]).toEqual([303, '/billing?paid=0']);
    const missing = await fetch(`${kit.base}/billing/payment-link/callback?razorpay_payment_id=pay_x`, noRedirect);
    expect(missing.headers.get('location')).toBe('/billing?paid=0');

    const root = await kit.person('Root', { admin: true });
    const gus = await kit.person('Gus');
    const link = (
      await kit.ok(
        'mutation($s: ID!) { createPaymentLink(subscriberKind: "user", subscriberId: $s, amount: 100000, description: "Workshop") { id url } }',
        { s: gus },
        root,
      )
    ).createPaymentLink as { url: string };
    const fields = kit.fake.payPaymentLink(kit.paymentLinkId(link.url));
    const paid = await fetch(`${kit.base}/billing/payment-link/callback?${new URLSearchParams({ ...fields })}`, noRedirect);
    expect([paid.status, paid.headers.get('location')]).toEqual([303, '/billing?paid=1']);
    expect(((await kit.ok(BILLING, {}, gus)).billing as Account).invoices.map((i) => i.total)).toEqual([100_000]);
  });
});

describe('billing off', () => {
  let kit: BillingKit;
  beforeAll(async () => void (kit = await createBillingKit({ billing: false })), 120_000);
  afterAll(() => kit?.dispose());

  it('keeps everyone on free, says how to turn billing on, and refuses every change with PAYMENT_BILLING_OFF', async () => {
    const ada = await kit.person('Ada');
    const account = (await kit.ok('{ billing { enabled howToEnable tier subscription { id } limits { tier projects } } }', {}, ada)).billing as {
      howToEnable: string;
    };
    expect(account).toMatchObject({ enabled: false, tier: 'free', subscription: null, limits: { tier: 'free' } });
    expect(account.howToEnable).toContain('RAZORPAY_KEY_ID');
    const refused = await kit.gql(SUBSCRIBE, { p: 'pro-monthly' }, ada);
    expect(codeOf(refused)).toBe('PAYMENT_BILLING_OFF');
    expect(refused.errors![0]!.message).toContain('RAZORPAY_WEBHOOK_SECRET');
    expect(codeOf(await kit.gql(CANCEL, {}, ada))).toBe('PAYMENT_BILLING_OFF');
    expect((await kit.deliver('{"event":"payment.captured","payload":{}}', { eventId: 'evt_off' })).status).toBe(404);
    expect((await fetch(`${kit.base}/billing/payment-link/callback`, { redirect: 'manual' })).status).toBe(404);
  });
});
