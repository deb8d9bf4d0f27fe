import { Migration } from '@mikro-orm/migrations';

/**
 * The spine: the built-in local user, projects, their runs and files. Generated from the entity
 * schemas (core/db/db.test.ts fails when the two drift apart).
 */
export class Migration20261127000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "users" ("id" uuid not null, "email" varchar(320) not null, "display_name" varchar(120) not null, "created_at" timestamptz not null default now(), constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`create table "projects" ("id" uuid not null, "owner_id" uuid not null, "name" varchar(64) not null, "description" text not null default '', "framework" varchar(32) not null, "features" jsonb not null default '[]', "database" varchar(32) not null default 'none', "styling" varchar(32) not null default 'none', "visibility" varchar(16) not null default 'private', "status" varchar(16) not null default 'QUEUED', "idempotency_key" varchar(128) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "projects_pkey" primary key ("id"));`);
    this.addSql(`alter table "projects" add constraint "projects_owner_name_unique" unique ("owner_id", "name");`);
    this.addSql(`alter table "projects" add constraint "projects_owner_idempotency_key_unique" unique ("owner_id", "idempotency_key");`);
    this.addSql(`create table "project_runs" ("id" uuid not null, "project_id" uuid not null, "workflow_id" varchar(200) not null, "status" varchar(16) not null default 'QUEUED', "started_at" timestamptz null, "finished_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), constraint "project_runs_pkey" primary key ("id"));`);
    this.addSql(`create index "project_runs_project_id_index" on "project_runs" ("project_id");`);
    this.addSql(`alter table "project_runs" add constraint "project_runs_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create table "project_files" ("id" uuid not null, "project_id" uuid not null, "path" varchar(512) not null, "content" text not null, "language" varchar(32) not null, "size" int not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "project_files_pkey" primary key ("id"));`);
    this.addSql(`alter table "project_files" add constraint "project_files_project_path_unique" unique ("project_id", "path");`);
    this.addSql(`alter table "projects" add constraint "projects_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_runs" add constraint "project_runs_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_files" add constraint "project_files_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "users" ("id", "email", "display_name") values ('00000000-0000-4000-8000-000000000001', 'local@atelier.localhost', 'Local user');`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "project_files" cascade;');
    this.addSql('drop table if exists "project_runs" cascade;');
    this.addSql('drop table if exists "projects" cascade;');
    this.addSql('drop table if exists "users" cascade;');
  }
}
