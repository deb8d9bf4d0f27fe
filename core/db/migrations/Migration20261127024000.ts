import { Migration } from '@mikro-orm/migrations';

/** Users' own model provider keys, sealed with AES-256-GCM. */
export class Migration20261127024000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "provider_keys" ("id" uuid not null, "user_id" uuid not null, "provider" varchar(32) not null, "base_url" varchar(500) null, "sealed" text not null, "hint" varchar(32) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "last_used_at" timestamptz null, constraint "provider_keys_pkey" primary key ("id"));`);
    this.addSql(`alter table "provider_keys" add constraint "provider_keys_user_provider_unique" unique ("user_id", "provider");`);
    this.addSql(`alter table "provider_keys" add constraint "provider_keys_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "provider_keys" cascade;');
  }
}
