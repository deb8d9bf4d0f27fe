/** What BillingService and its halves (billing-admin.ts, billing-plan-change.ts) share, in a module of its own. */
import type { Client } from '@temporalio/client';
import type { BillingDeps, BillingMirror } from './billing-mirror';
import type { Invoices } from './invoices';

/** What billing needs when it is on (services.ts builds it once). */
export interface BillingServiceDeps extends BillingDeps {
  /** The invoices the mirror issues; its supplier's state is a new customer's place of supply until they save details. */
  invoices: Invoices;
  temporal: () => Client | Promise<Client>;
  /** The worker task queue `subscriptionWorkflow` runs on. */
  taskQueue: string;
  mirror: BillingMirror;
  /** Where the client loads Checkout from (the stand-in in tests). */
  checkoutUrl: string;
}
