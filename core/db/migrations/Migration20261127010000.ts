import { Migration } from '@mikro-orm/migrations';

/** Accounts: passwords, roles and tiers on users; sessions, single-use tokens and the audit log. */
export class Migration20261127010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_events" ("id" uuid not null, "at" timestamptz not null default now(), "actor_id" uuid null, "action" varchar(64) not null, "target" varchar(400) null, "ip" varchar(64) null, "data" jsonb null, constraint "audit_events_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_events_actor_id_index" on "audit_events" ("actor_id");`);
    this.addSql(`create index "audit_events_at_index" on "audit_events" ("at");`);
    this.addSql(`create table "sessions" ("id" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null default now(), "last_seen_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, "user_agent" varchar(400) null, "ip" varchar(64) null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`create table "auth_tokens" ("id" varchar(64) not null, "user_id" uuid not null, "purpose" varchar(32) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "auth_tokens_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_tokens_user_id_index" on "auth_tokens" ("user_id");`);
    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "auth_tokens" add constraint "auth_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "users" add column "password_hash" varchar(255) null, add column "platform_role" varchar(16) not null default 'user', add column "tier" varchar(16) not null default 'free', add column "email_verified_at" timestamptz null, add column "updated_at" timestamptz not null default now();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "auth_tokens" cascade;');
    this.addSql('drop table if exists "sessions" cascade;');
    this.addSql('drop table if exists "audit_events" cascade;');
    this.addSql('alter table "users" drop column "password_hash", drop column "platform_role", drop column "tier", drop column "email_verified_at", drop column "updated_at";');
  }
}
