import { Migration } from '@mikro-orm/migrations';

/** The workspace (issue 13): binary files, file versions, explicit folders, archived projects. */
export class Migration20261207050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "project_folders" ("id" uuid not null, "project_id" uuid not null, "path" varchar(512) not null, "created_at" timestamptz not null default now(), constraint "project_folders_pkey" primary key ("id"));`);
    this.addSql(`alter table "project_folders" add constraint "project_folders_project_path_unique" unique ("project_id", "path");`);
    this.addSql(`create table "project_file_versions" ("id" uuid not null, "project_id" uuid not null, "file_id" uuid not null, "path" varchar(512) not null, "content" text not null, "binary" boolean not null default false, "data" bytea null, "size" int not null, "author_kind" varchar(16) not null, "author_id" varchar(64) null, "author_name" varchar(128) not null, "reason" varchar(16) not null, "created_at" timestamptz not null default now(), constraint "project_file_versions_pkey" primary key ("id"));`);
    this.addSql(`create index "project_file_versions_project_id_index" on "project_file_versions" ("project_id");`);
    this.addSql(`create index "project_file_versions_file_created_index" on "project_file_versions" ("file_id", "created_at");`);
    this.addSql(`alter table "project_folders" add constraint "project_folders_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_file_versions" add constraint "project_file_versions_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "projects" add column "archived_at" timestamptz null;`);
    this.addSql(`alter table "project_files" add column "binary" boolean not null default false, add column "data" bytea null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "project_file_versions" cascade;`);
    this.addSql(`drop table if exists "project_folders" cascade;`);
    this.addSql(`alter table "projects" drop column "archived_at";`);
    this.addSql(`alter table "project_files" drop column "binary", drop column "data";`);
  }
}
