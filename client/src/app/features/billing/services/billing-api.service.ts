import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import {
  AdminSubscriptionsDocument,
  BillingCatalogDocument,
  BillingDocument,
  BillingTeamsDocument,
  CancelSubscriptionDocument,
  ChangePlanDocument,
  CompTierDocument,
  PauseSubscriptionDocument,
  ResumeSubscriptionDocument,
  SaveBillingDetailsDocument,
  SubscribeDocument,
  VerifyPaymentDocument,
} from '../../../generated/billing';
import type { BillingDetailsInput, VerifyPaymentInput } from '../../../generated/schema';
import { type BillingResult, billingResult } from '../models/billing-error';

/**
 * The billing feature's view of the GraphQL API. Every call ends in a `BillingResult` (errors are state);
 * `teamId` null is the caller's own billing. Nothing is cached: billing changes under the page (webhooks).
 */
@Injectable({ providedIn: 'root' })
export class BillingApi {
  private readonly apollo = inject(Apollo);

  private query<D, V extends Record<string, unknown>, T>(
    query: Parameters<Apollo['query']>[0]['query'] & { __apiType?: (v: V) => D },
    variables: V,
    pick: (d: D) => T | null | undefined,
  ): Promise<BillingResult<T>> {
    return billingResult(this.apollo.query({ query, variables, fetchPolicy: 'no-cache' }), pick);
  }

  private mutate<D, V extends Record<string, unknown>, T>(
    mutation: Parameters<Apollo['mutate']>[0]['mutation'] & { __apiType?: (v: V) => D },
    variables: V,
    pick: (d: D) => T | null | undefined,
  ): Promise<BillingResult<T>> {
    return billingResult(this.apollo.mutate({ mutation, variables, fetchPolicy: 'no-cache' }), pick);
  }

  /** The paid plans and every tier's limits. */
  catalog() {
    return this.query(BillingCatalogDocument, {}, (d) => d);
  }

  account(teamId: string | null) {
    return this.query(BillingDocument, { teamId }, (d) => d.billing);
  }

  /** The viewer's teams with their role (owners manage a team's billing). */
  teams() {
    return this.query(BillingTeamsDocument, {}, (d) => d.teams);
  }

  saveDetails(teamId: string | null, input: BillingDetailsInput) {
    return this.mutate(SaveBillingDetailsDocument, { teamId, input }, (d) => d.saveBillingDetails);
  }

  subscribe(teamId: string | null, planId: string) {
    return this.mutate(SubscribeDocument, { teamId, planId }, (d) => d.subscribe);
  }

  verifyPayment(teamId: string | null, input: VerifyPaymentInput) {
    return this.mutate(VerifyPaymentDocument, { teamId, input }, (d) => d.verifyPayment);
  }

  changePlan(teamId: string | null, planId: string) {
    return this.mutate(ChangePlanDocument, { teamId, planId }, (d) => d.changePlan);
  }

  cancel(teamId: string | null, atCycleEnd: boolean) {
    return this.mutate(CancelSubscriptionDocument, { teamId, atCycleEnd }, (d) => d.cancelSubscription);
  }

  pause(teamId: string | null) {
    return this.mutate(PauseSubscriptionDocument, { teamId }, (d) => d.pauseSubscription);
  }

  resume(teamId: string | null) {
    return this.mutate(ResumeSubscriptionDocument, { teamId }, (d) => d.resumeSubscription);
  }

  /** Platform admins: subscriptions, newest first, optionally of one status. */
  adminSubscriptions(status: string | null, limit = 200) {
    return this.query(AdminSubscriptionsDocument, { status, limit }, (d) => d.adminSubscriptions);
  }

  /** Platform admins grant a tier (null revokes); the answer's `comp` is null after a revoke. */
  compTier(input: { subscriberKind: string; subscriberId: string; tier: string | null; until: string | null; reason: string }) {
    return this.mutate(CompTierDocument, input, (d) => ({ comp: d.compTier }));
  }
}
