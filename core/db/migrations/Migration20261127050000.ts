import { Migration } from '@mikro-orm/migrations';

/** Model calls metered once each (usage_logs) and per team/project/user model choices and budgets (model_settings). */
export class Migration20261127050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "model_settings" ("id" uuid not null, "scope" varchar(16) not null, "scope_id" uuid not null, "role_models" jsonb not null default '{}', "run_token_budget" int null, "run_cost_budget_usd_nanos" bigint null, "token_budget" bigint null, "cost_budget_usd_nanos" bigint null, "updated_at" timestamptz not null default now(), constraint "model_settings_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "model_settings" add constraint "model_settings_scope_unique" unique ("scope", "scope_id");`);
    this.addSql(
      `create table "usage_logs" ("id" uuid not null, "call_key" varchar(300) not null, "user_id" uuid not null, "project_id" uuid null, "team_id" uuid null, "run_id" uuid null, "agent_role" varchar(32) not null, "model" varchar(160) not null, "provider" varchar(32) not null, "fallback_from" varchar(160) null, "prompt_tokens" int not null, "completion_tokens" int not null, "total_tokens" int not null, "cost_usd_nanos" bigint not null, "cost_inr_nanos" bigint not null, "latency_ms" int null, "response" jsonb not null, "created_at" timestamptz not null default now(), constraint "usage_logs_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "usage_logs" add constraint "usage_logs_call_key_unique" unique ("call_key");`);
    this.addSql(`create index "usage_logs_user_created_idx" on "usage_logs" ("user_id", "created_at");`);
    this.addSql(`create index "usage_logs_project_created_idx" on "usage_logs" ("project_id", "created_at");`);
    this.addSql(`create index "usage_logs_team_created_idx" on "usage_logs" ("team_id", "created_at");`);
    this.addSql(`create index "usage_logs_run_idx" on "usage_logs" ("run_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "usage_logs" cascade;`);
    this.addSql(`drop table if exists "model_settings" cascade;`);
  }
}
