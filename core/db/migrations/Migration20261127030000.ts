import { Migration } from '@mikro-orm/migrations';

/** OAuth identities: GitHub and Google accounts linked to users. */
export class Migration20261127030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "oauth_identities" ("id" uuid not null, "provider" varchar(16) not null, "provider_user_id" varchar(255) not null, "user_id" uuid not null, "email" varchar(320) not null, "created_at" timestamptz not null default now(), constraint "oauth_identities_pkey" primary key ("id"));`);
    this.addSql(`create index "oauth_identities_user_id_index" on "oauth_identities" ("user_id");`);
    this.addSql(`alter table "oauth_identities" add constraint "oauth_identities_provider_provider_user_id_unique" unique ("provider", "provider_user_id");`);
    this.addSql(`alter table "oauth_identities" add constraint "oauth_identities_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "oauth_identities" cascade;');
  }
}
