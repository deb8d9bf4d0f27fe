import { Migration } from '@mikro-orm/migrations';

/** Sandboxes: project, owner, backend, status, ports, preview URL and last activity (issue 5). */
export class Migration20261127060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sandboxes" ("id" uuid not null, "project_id" uuid not null, "owner_id" uuid not null, "backend" varchar(16) not null, "runtime" varchar(16) not null, "status" varchar(16) not null default 'CREATING', "backend_id" varchar(128) null, "ports" jsonb not null default '[]', "preview_url" text null, "idempotency_key" varchar(255) null, "last_activity_at" timestamptz not null default now(), "created_at" timestamptz not null default now(), "destroyed_at" timestamptz null, "destroy_reason" varchar(32) null, constraint "sandboxes_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "sandboxes_project_id_index" on "sandboxes" ("project_id");`);
    this.addSql(`alter table "sandboxes" add constraint "sandboxes_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "sandboxes_owner_status_index" on "sandboxes" ("owner_id", "status");`);
    this.addSql(`create index "sandboxes_status_last_activity_index" on "sandboxes" ("status", "last_activity_at");`);
    this.addSql(
      `alter table "sandboxes" add constraint "sandboxes_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "sandboxes" add constraint "sandboxes_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sandboxes" cascade;`);
  }
}
