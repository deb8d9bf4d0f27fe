import { Migration } from '@mikro-orm/migrations';

/** Assist (issue 17): editor action requests with their proposals, and each person's project chat. */
export class Migration20261207170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "assist_requests" ("id" uuid not null, "project_id" uuid not null, "user_id" uuid not null, "action" varchar(16) not null, "path" varchar(1024) not null, "target_path" varchar(1024) not null, "selection_start_line" int null, "selection_end_line" int null, "instruction" text null, "fix_source" varchar(16) null, "error_output" text null, "test_command" varchar(1000) null, "base_content" text null, "proposed_content" text null, "answer" text null, "edit_tool" varchar(16) null, "status" varchar(16) not null default 'running', "error_code" varchar(64) null, "error_message" text null, "verification" jsonb null, "model" varchar(160) null, "usage" jsonb null, "cost_usd_nanos" bigint null, "created_at" timestamptz not null default now(), "finished_at" timestamptz null, "decided_at" timestamptz null, constraint "assist_requests_pkey" primary key ("id"));`);
    this.addSql(`create index "assist_requests_project_id_index" on "assist_requests" ("project_id");`);
    this.addSql(`create index "assist_requests_user_id_created_at_index" on "assist_requests" ("user_id", "created_at");`);
    this.addSql(`create table "assist_chat_messages" ("id" uuid not null, "project_id" uuid not null, "user_id" uuid not null, "room_id" uuid null, "role" varchar(16) not null, "content" text not null, "status" varchar(16) not null default 'complete', "citations" jsonb not null default '[]', "model" varchar(160) null, "error_code" varchar(64) null, "created_at" timestamptz not null default now(), constraint "assist_chat_messages_pkey" primary key ("id"));`);
    this.addSql(`create index "assist_chat_messages_user_id_index" on "assist_chat_messages" ("user_id");`);
    this.addSql(`create index "assist_chat_messages_project_id_user_id_created_at_index" on "assist_chat_messages" ("project_id", "user_id", "created_at");`);
    this.addSql(`alter table "assist_requests" add constraint "assist_requests_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assist_requests" add constraint "assist_requests_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assist_chat_messages" add constraint "assist_chat_messages_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assist_chat_messages" add constraint "assist_chat_messages_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assist_chat_messages" cascade;`);
    this.addSql(`drop table if exists "assist_requests" cascade;`);
  }
}
