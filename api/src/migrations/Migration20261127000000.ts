import { Migration } from '@mikro-orm/migrations';

/** The spine: the built-in local user, projects, their runs and files. */
export class Migration20261127000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "users" (
      "id" uuid not null primary key,
      "email" varchar(320) not null unique,
      "display_name" varchar(120) not null,
      "created_at" timestamptz not null default now());`);
    this.addSql(`insert into "users" ("id", "email", "display_name")
      values ('00000000-0000-4000-8000-000000000001', 'local@atelier.localhost', 'Local user');`);
    this.addSql(`create table "projects" (
      "id" uuid not null primary key,
      "owner_id" uuid not null references "users" ("id") on delete cascade,
      "name" varchar(64) not null,
      "description" text not null default '',
      "framework" varchar(32) not null,
      "features" jsonb not null default '[]',
      "database" varchar(32) not null default 'none',
      "styling" varchar(32) not null default 'none',
      "visibility" varchar(16) not null default 'private',
      "status" varchar(16) not null default 'QUEUED',
      "idempotency_key" varchar(128) null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "projects_owner_name_unique" unique ("owner_id", "name"),
      constraint "projects_owner_idempotency_key_unique" unique ("owner_id", "idempotency_key"));`);
    this.addSql(`create table "project_runs" (
      "id" uuid not null primary key,
      "project_id" uuid not null references "projects" ("id") on delete cascade,
      "workflow_id" varchar(200) not null unique,
      "status" varchar(16) not null default 'QUEUED',
      "started_at" timestamptz null,
      "finished_at" timestamptz null,
      "error" text null,
      "created_at" timestamptz not null default now());`);
    this.addSql(`create index "project_runs_project_id_index" on "project_runs" ("project_id");`);
    this.addSql(`create table "project_files" (
      "id" uuid not null primary key,
      "project_id" uuid not null references "projects" ("id") on delete cascade,
      "path" varchar(512) not null,
      "content" text not null,
      "language" varchar(32) not null,
      "size" int not null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "project_files_project_path_unique" unique ("project_id", "path"));`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "project_files";');
    this.addSql('drop table if exists "project_runs";');
    this.addSql('drop table if exists "projects";');
    this.addSql('drop table if exists "users";');
  }
}
