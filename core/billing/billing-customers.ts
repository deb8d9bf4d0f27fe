/**
 * The BillingCustomer row of a subscriber, created on first use with defaults from the account (a user) or the
 * team owner (a team): INR, country IN, the supplier's state, until the payer saves their own details. Its
 * Razorpay customer is created once and remembered on the row.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../../contracts/errors';
import { NotFoundError } from '../shared/domain.errors';
import { Team, TeamMember } from '../team/team.entity';
import { User } from '../user/user.entity';
import { BillingError } from './billing.errors';
import { BillingCustomer } from './billing.entities';
import type { RazorpayClient } from './razorpay';
import { razorpayCall } from './razorpay-call';
import type { Subscriber } from './tier-grants';

/** Name and email a new customer row starts with: the account's, or the team's name and its owner's email. */
export async function customerDefaults(em: EntityManager, subscriber: Subscriber): Promise<{ name: string; email: string }> {
  if (subscriber.kind === 'user') {
    const user = await em.findOne(User, { id: subscriber.id });
    if (!user) throw new NotFoundError('User', subscriber.id);
    return { name: user.displayName, email: user.email };
  }
  const [team, owner] = await Promise.all([
    em.findOne(Team, { id: subscriber.id }),
    em.findOne(TeamMember, { team: subscriber.id, role: 'owner' }, { populate: ['user'] }),
  ]);
  if (!team || !owner) throw new NotFoundError('Team', subscriber.id);
  return { name: team.name, email: owner.user.getEntity().email };
}

/** The subscriber's customer row, inserted with defaults the first time (concurrent callers get the same row). */
export async function ensureBillingCustomer(em: EntityManager, subscriber: Subscriber, supplierStateCode: string | null): Promise<BillingCustomer> {
  const where = { subscriberKind: subscriber.kind, subscriberId: subscriber.id };
  const existing = await em.findOne(BillingCustomer, where);
  if (existing) return existing;
  const defaults = await customerDefaults(em, subscriber);
  await em
    .createQueryBuilder(BillingCustomer)
    .insert({ id: randomUUID(), ...where, ...defaults, country: 'IN', stateCode: supplierStateCode, createdAt: new Date(), updatedAt: new Date() })
    .onConflict(['subscriber_kind', 'subscriber_id'])
    .ignore()
    .execute();
  return em.findOneOrFail(BillingCustomer, where, { refresh: true });
}

/**
 * The customer's Razorpay id, created once: the row's if it has one, else `customers.create` with
 * `fail_existing: 0` (Razorpay answers an existing customer with the same email instead of failing). Razorpay
 * keys customers by email, so a user and a team with the same owner email may share one there; the row that
 * stored it first keeps it and the other uses it without storing it.
 */
export async function ensureRazorpayCustomer(em: EntityManager, razorpay: RazorpayClient, customer: BillingCustomer): Promise<string> {
  if (customer.razorpayCustomerId) return customer.razorpayCustomerId;
  const created = await razorpayCall(
    'customers.create',
    () =>
      razorpay.customers.create({
        name: customer.name,
        email: customer.email,
        ...(customer.gstin ? { gstin: customer.gstin } : {}),
        fail_existing: 0,
        notes: { atelier_subscriber_kind: customer.subscriberKind, atelier_subscriber_id: customer.subscriberId },
      }),
    { code: ErrorCode.PAYMENT_DETAILS_INVALID, message: 'The payment provider did not accept these billing details; check the name, email and GSTIN.' },
  );
  const taken = await em.findOne(BillingCustomer, { razorpayCustomerId: created.id });
  if (taken && taken.id !== customer.id) return created.id;
  customer.razorpayCustomerId = created.id;
  await em.flush();
  return created.id;
}

/** The customer row of a subscription or payment; a BillingError when it is gone (it never is deleted). */
export async function customerOf(em: EntityManager, customerId: string): Promise<BillingCustomer> {
  const customer = await em.findOne(BillingCustomer, { id: customerId });
  if (!customer) throw new BillingError(ErrorCode.PAYMENT_NOT_FOUND, 'The billing details of this payment are missing.');
  return customer;
}
