/** Which subscriptions grant their tier, what applyTier writes, and that team projects' limits follow teams.tier. */
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { SubscriptionStatus } from '../../contracts/billing';
import { createTestDatabase } from '../../test/harness';
import { QuotaExceededError } from '../limits/limits.errors';
import { DEFAULT_LIMITS } from '../limits/tiers';
import { loadCallContext } from '../models/call-context';
import { Project } from '../project/project.entity';
import { assertProjectQuota } from '../project/project-quota';
import { payerTier } from '../project/run-payer';
import { Team, TeamMember } from '../team/team.entity';
import { User } from '../user/user.entity';
import { BillingCustomer, Subscription, TierComp } from './billing.entities';
import { applyTier, grantsTierOf } from './tier-grants';

let db: { orm: MikroORM; dispose(): Promise<void> };
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.dispose());

const now = new Date('2026-12-10T12:00:00Z');
const later = new Date('2027-01-10T12:00:00Z');
const earlier = new Date('2026-12-01T12:00:00Z');
const dunning = (downgraded: boolean) => ({ since: earlier.toISOString(), attempts: 1, nextRetryAt: null, payUrl: null, amountDue: 149_900, downgraded });

describe('grantsTierOf', () => {
  const base = { cancelAtCycleEnd: false, currentEnd: later, dunning: null };
  const cases: Array<[string, Partial<Subscription> & { status: SubscriptionStatus }, boolean]> = [
    ['active', { status: 'active' }, true],
    ['active, cancelled at cycle end, before currentEnd', { status: 'active', cancelAtCycleEnd: true }, true],
    ['active, cancelled at cycle end, after currentEnd', { status: 'active', cancelAtCycleEnd: true, currentEnd: earlier }, false],
    ['pending, no dunning yet', { status: 'pending' }, true],
    ['pending, dunning', { status: 'pending', dunning: dunning(false) }, true],
    ['pending, downgraded', { status: 'pending', dunning: dunning(true) }, false],
    ['halted, dunning', { status: 'halted', dunning: dunning(false) }, true],
    ['halted, downgraded', { status: 'halted', dunning: dunning(true) }, false],
    ['halted, paid link, before currentEnd', { status: 'halted' }, true],
    ['halted, paid link, after currentEnd', { status: 'halted', currentEnd: earlier }, false],
    ['created', { status: 'created' }, false],
    ['authenticated', { status: 'authenticated' }, false],
    ['paused', { status: 'paused' }, false],
    ['cancelled', { status: 'cancelled' }, false],
    ['completed', { status: 'completed' }, false],
    ['expired', { status: 'expired' }, false],
  ];
  test.each(cases)('%s', (_name, sub, expected) => {
    expect(grantsTierOf({ ...base, ...sub }, now)).toBe(expected);
  });
});

async function seedUser(em: EntityManager, tier = 'free'): Promise<User> {
  const user = em.create(User, { email: `${randomUUID()}@example.test`, displayName: 'Payer', tier });
  await em.flush();
  return user;
}

async function seedTeam(em: EntityManager, owner: User, tier = 'free'): Promise<Team> {
  const team = em.create(Team, { name: `team-${randomUUID().slice(0, 8)}`, tier });
  em.create(TeamMember, { team, user: owner, role: 'owner' });
  await em.flush();
  return team;
}

async function seedSubscription(em: EntityManager, kind: 'user' | 'team', id: string, planId: string, status: SubscriptionStatus, grantsTier: boolean) {
  const customer = em.create(BillingCustomer, { subscriberKind: kind, subscriberId: id, name: 'Payer', email: 'payer@example.test', country: 'IN' });
  em.create(Subscription, {
    razorpaySubscriptionId: `sub_${randomUUID().slice(0, 14)}`,
    customerId: customer.id,
    subscriberKind: kind,
    subscriberId: id,
    planId,
    currency: 'INR',
    status,
    grantsTier,
    currentEnd: later,
  });
  await em.flush();
}

const tierOf = async (id: string) => (await db.orm.em.fork().findOneOrFail(User, { id })).tier;

describe('applyTier', () => {
  test('a paid subscription that grants its tier sets users.tier; one that does not leaves free', async () => {
    const em = db.orm.em.fork();
    const paid = await seedUser(em);
    const unpaid = await seedUser(em);
    await seedSubscription(em, 'user', paid.id, 'pro-monthly', 'active', true);
    await seedSubscription(em, 'user', unpaid.id, 'team-monthly', 'created', false);
    expect(await applyTier(em, { kind: 'user', id: paid.id }, now)).toBe('pro');
    expect(await applyTier(em, { kind: 'user', id: unpaid.id }, now)).toBe('free');
    expect(await tierOf(paid.id)).toBe('pro');
    expect(await tierOf(unpaid.id)).toBe('free');
  });

  test('a comp beats a lower paid tier; a lower comp does not lower a paid tier', async () => {
    const em = db.orm.em.fork();
    const comped = await seedUser(em);
    const paidHigher = await seedUser(em);
    await seedSubscription(em, 'user', comped.id, 'pro-monthly', 'active', true);
    await seedSubscription(em, 'user', paidHigher.id, 'enterprise-monthly', 'active', true);
    em.create(TierComp, { subscriberKind: 'user', subscriberId: comped.id, tier: 'enterprise', until: later, reason: 'design partner', grantedBy: comped.id });
    em.create(TierComp, { subscriberKind: 'user', subscriberId: paidHigher.id, tier: 'pro', reason: 'old deal', grantedBy: comped.id });
    await em.flush();
    expect(await applyTier(em, { kind: 'user', id: comped.id }, now)).toBe('enterprise');
    expect(await applyTier(em, { kind: 'user', id: paidHigher.id }, now)).toBe('enterprise');
  });

  test('an expired comp is ignored, and a stored grant past a cancel-at-cycle-end currentEnd no longer counts', async () => {
    const em = db.orm.em.fork();
    const user = await seedUser(em, 'enterprise');
    em.create(TierComp, { subscriberKind: 'user', subscriberId: user.id, tier: 'enterprise', until: earlier, reason: 'trial', grantedBy: user.id });
    await seedSubscription(em, 'user', user.id, 'pro-monthly', 'active', true);
    const sub = await em.findOneOrFail(Subscription, { subscriberId: user.id });
    sub.cancelAtCycleEnd = true;
    await em.flush();
    expect(await applyTier(em, { kind: 'user', id: user.id }, now)).toBe('pro');
    expect(await applyTier(em, { kind: 'user', id: user.id }, new Date(later.getTime() + 1000))).toBe('free');
    expect(await tierOf(user.id)).toBe('free');
  });

  test('kind team writes teams.tier (not the owner), and the team project caps read in the same transaction see it', async () => {
    const em = db.orm.em.fork();
    const owner = await seedUser(em);
    const team = await seedTeam(em, owner);
    for (let i = 0; i < DEFAULT_LIMITS.tiers.free.projects!; i++) {
      em.create(Project, { owner, ownerTeam: team, name: `p${i}-${team.id.slice(0, 6)}`, framework: 'react' });
    }
    await seedSubscription(em, 'team', team.id, 'team-monthly', 'active', true);
    const teamOwner = { userId: owner.id, teamId: team.id };
    await expect(em.fork().transactional((tx) => assertProjectQuota(tx, DEFAULT_LIMITS, teamOwner))).rejects.toBeInstanceOf(QuotaExceededError);
    await em.fork().transactional(async (tx) => {
      expect(await applyTier(tx, { kind: 'team', id: team.id }, now)).toBe('team');
      await assertProjectQuota(tx, DEFAULT_LIMITS, teamOwner);
    });
    expect((await db.orm.em.fork().findOneOrFail(Team, { id: team.id })).tier).toBe('team');
    expect(await tierOf(owner.id)).toBe('free');
  });
});

describe('team project limits use the higher of teams.tier and the owner tier', () => {
  test('a team with teams.tier pro and a free owner gets pro project caps, model calls and payer tier', async () => {
    const em = db.orm.em.fork();
    const owner = await seedUser(em, 'free');
    const team = await seedTeam(em, owner, 'pro');
    const free = DEFAULT_LIMITS.tiers.free.projects!;
    const projects = Array.from({ length: free }, (_, i) => em.create(Project, { owner, ownerTeam: team, name: `t${i}-${team.id.slice(0, 6)}`, framework: 'react' }));
    await em.flush();
    await em.fork().transactional((tx) => assertProjectQuota(tx, DEFAULT_LIMITS, { userId: owner.id, teamId: team.id }));
    expect(await payerTier(em.fork(), projects[0]!)).toBe('pro');
    const context = await loadCallContext(em.fork(), { callKey: randomUUID(), userId: owner.id, projectId: projects[0]!.id });
    expect(context.tier).toBe('pro');

    // The owner's higher tier still wins over a lower team tier.
    await em.nativeUpdate(Team, { id: team.id }, { tier: 'free' });
    await em.nativeUpdate(User, { id: owner.id }, { tier: 'enterprise' });
    expect(await payerTier(em.fork(), projects[0]!)).toBe('enterprise');
    expect((await loadCallContext(em.fork(), { callKey: randomUUID(), userId: owner.id, projectId: projects[0]!.id })).tier).toBe('enterprise');

    // Both free: the free cap applies again.
    await em.nativeUpdate(User, { id: owner.id }, { tier: 'free' });
    await expect(em.fork().transactional((tx) => assertProjectQuota(tx, DEFAULT_LIMITS, { userId: owner.id, teamId: team.id }))).rejects.toBeInstanceOf(QuotaExceededError);
  });
});
