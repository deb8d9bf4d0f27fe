import { Migration } from '@mikro-orm/migrations';

/**
 * Billing: customers, Razorpay plans, subscriptions (at most one live per user or team), payments, orders, payment
 * links, webhook dedupe, GST invoices and their counters, admin comps; teams.tier.
 */
export class Migration20261207140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "billing_customers" ("id" uuid not null, "subscriber_kind" varchar(8) not null, "subscriber_id" uuid not null, "razorpay_customer_id" varchar(64) null, "name" varchar(200) not null, "email" varchar(320) not null, "gstin" varchar(15) null, "country" varchar(2) not null, "state_code" varchar(2) null, "address" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "billing_customers_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing_customers" add constraint "billing_customers_razorpay_customer_id_unique" unique ("razorpay_customer_id");`);
    this.addSql(`alter table "billing_customers" add constraint "billing_customers_subscriber_kind_subscriber_id_unique" unique ("subscriber_kind", "subscriber_id");`);
    this.addSql(`create table "billing_orders" ("id" uuid not null, "razorpay_order_id" varchar(64) not null, "receipt" varchar(40) not null, "customer_id" uuid not null, "purpose" varchar(16) not null, "subscription_id" uuid null, "plan_id" varchar(32) null, "amount" int not null, "currency" varchar(3) not null, "description" varchar(255) not null, "status" varchar(16) not null default 'created', "payment_id" varchar(64) null, "created_at" timestamptz not null default now(), "paid_at" timestamptz null, constraint "billing_orders_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing_orders" add constraint "billing_orders_razorpay_order_id_unique" unique ("razorpay_order_id");`);
    this.addSql(`alter table "billing_orders" add constraint "billing_orders_receipt_unique" unique ("receipt");`);
    this.addSql(`create index "billing_orders_customer_id_index" on "billing_orders" ("customer_id");`);
    this.addSql(`create table "billing_payment_links" ("id" uuid not null, "razorpay_payment_link_id" varchar(64) not null, "reference_id" varchar(40) not null, "customer_id" uuid not null, "purpose" varchar(16) not null, "subscription_id" uuid null, "amount" int not null, "currency" varchar(3) not null, "description" varchar(255) not null, "short_url" text not null, "status" varchar(16) not null default 'created', "payment_id" varchar(64) null, "created_at" timestamptz not null default now(), "paid_at" timestamptz null, constraint "billing_payment_links_pkey" primary key ("id"));`);
    this.addSql(`alter table "billing_payment_links" add constraint "billing_payment_links_razorpay_payment_link_id_unique" unique ("razorpay_payment_link_id");`);
    this.addSql(`alter table "billing_payment_links" add constraint "billing_payment_links_reference_id_unique" unique ("reference_id");`);
    this.addSql(`create index "billing_payment_links_customer_id_index" on "billing_payment_links" ("customer_id");`);
    this.addSql(`create index "billing_payment_links_subscription_id_index" on "billing_payment_links" ("subscription_id");`);
    this.addSql(`create table "billing_plans" ("plan_id" varchar(32) not null, "currency" varchar(3) not null, "razorpay_plan_id" varchar(64) not null, "created_at" timestamptz not null default now(), constraint "billing_plans_pkey" primary key ("plan_id", "currency"));`);
    this.addSql(`alter table "billing_plans" add constraint "billing_plans_razorpay_plan_id_unique" unique ("razorpay_plan_id");`);
    this.addSql(`create table "invoices" ("id" uuid not null, "kind" varchar(16) not null, "number" varchar(16) not null, "financial_year" varchar(5) not null, "seq" int not null, "subscriber_kind" varchar(8) not null, "subscriber_id" uuid not null, "customer_id" uuid not null, "payment_id" uuid null, "refund_id" varchar(64) null, "original_invoice_id" uuid null, "customer_name" varchar(200) not null, "customer_gstin" varchar(15) null, "customer_address" text null, "customer_country" varchar(2) not null, "place_of_supply" varchar(64) not null, "supplier" jsonb not null, "sac" varchar(8) not null, "description" varchar(255) not null, "currency" varchar(3) not null, "tax_kind" varchar(8) not null, "taxable_value" int not null, "cgst" int not null, "sgst" int not null, "igst" int not null, "total" int not null, "issued_at" timestamptz not null default now(), constraint "invoices_pkey" primary key ("id"));`);
    this.addSql(`alter table "invoices" add constraint "invoices_number_unique" unique ("number");`);
    this.addSql(`create index "invoices_customer_id_index" on "invoices" ("customer_id");`);
    this.addSql(`alter table "invoices" add constraint "invoices_payment_id_unique" unique ("payment_id");`);
    this.addSql(`alter table "invoices" add constraint "invoices_refund_id_unique" unique ("refund_id");`);
    this.addSql(`create index "invoices_subscriber_kind_subscriber_id_index" on "invoices" ("subscriber_kind", "subscriber_id");`);
    this.addSql(`alter table "invoices" add constraint "invoices_kind_financial_year_seq_unique" unique ("kind", "financial_year", "seq");`);
    this.addSql(`create table "invoice_counters" ("kind" varchar(16) not null, "financial_year" varchar(5) not null, "last_seq" int not null, constraint "invoice_counters_pkey" primary key ("kind", "financial_year"));`);
    this.addSql(`create table "payments" ("id" uuid not null, "razorpay_payment_id" varchar(64) not null, "kind" varchar(16) not null, "customer_id" uuid not null, "subscription_id" uuid null, "order_id" varchar(64) null, "payment_link_id" varchar(64) null, "amount" int not null, "currency" varchar(3) not null, "status" varchar(16) not null, "amount_refunded" int not null default 0, "method" varchar(32) null, "error_description" text null, "captured_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "payments_pkey" primary key ("id"));`);
    this.addSql(`alter table "payments" add constraint "payments_razorpay_payment_id_unique" unique ("razorpay_payment_id");`);
    this.addSql(`create index "payments_customer_id_index" on "payments" ("customer_id");`);
    this.addSql(`create index "payments_subscription_id_index" on "payments" ("subscription_id");`);
    this.addSql(`create table "subscriptions" ("id" uuid not null, "razorpay_subscription_id" varchar(64) not null, "customer_id" uuid not null, "subscriber_kind" varchar(8) not null, "subscriber_id" uuid not null, "plan_id" varchar(32) not null, "currency" varchar(3) not null, "status" varchar(16) not null default 'created', "current_start" timestamptz null, "current_end" timestamptz null, "charge_at" timestamptz null, "cancel_at_cycle_end" boolean not null default false, "scheduled_plan_id" varchar(32) null, "grants_tier" boolean not null default false, "dunning" jsonb null, "paid_count" int not null default 0, "short_url" text null, "ended_at" timestamptz null, "synced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "subscriptions_pkey" primary key ("id"));`);
    this.addSql(`alter table "subscriptions" add constraint "subscriptions_razorpay_subscription_id_unique" unique ("razorpay_subscription_id");`);
    this.addSql(`create index "subscriptions_customer_id_index" on "subscriptions" ("customer_id");`);
    this.addSql(`create index "subscriptions_subscriber_kind_subscriber_id_index" on "subscriptions" ("subscriber_kind", "subscriber_id");`);
    this.addSql(`create table "tier_comps" ("subscriber_kind" varchar(8) not null, "subscriber_id" uuid not null, "tier" varchar(16) not null, "until" timestamptz null, "reason" text not null, "granted_by" uuid not null, "created_at" timestamptz not null default now(), constraint "tier_comps_pkey" primary key ("subscriber_kind", "subscriber_id"));`);
    this.addSql(`create table "billing_webhook_events" ("event_id" varchar(64) not null, "event" varchar(64) not null, "subscription_id" varchar(64) null, "received_at" timestamptz not null default now(), constraint "billing_webhook_events_pkey" primary key ("event_id"));`);
    this.addSql(`create index "billing_webhook_events_received_at_index" on "billing_webhook_events" ("received_at");`);
    this.addSql(`alter table "teams" add column "tier" varchar(16) not null default 'free';`);
    this.addSql(`create unique index "subscriptions_one_live" on "subscriptions" ("subscriber_kind", "subscriber_id") where "status" not in ('cancelled', 'completed', 'expired');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing_customers" cascade;`);
    this.addSql(`drop table if exists "billing_orders" cascade;`);
    this.addSql(`drop table if exists "billing_payment_links" cascade;`);
    this.addSql(`drop table if exists "billing_plans" cascade;`);
    this.addSql(`drop table if exists "invoices" cascade;`);
    this.addSql(`drop table if exists "invoice_counters" cascade;`);
    this.addSql(`drop table if exists "payments" cascade;`);
    this.addSql(`drop table if exists "subscriptions" cascade;`);
    this.addSql(`drop table if exists "tier_comps" cascade;`);
    this.addSql(`drop table if exists "billing_webhook_events" cascade;`);
    this.addSql(`alter table "teams" drop column "tier";`);
  }
}
