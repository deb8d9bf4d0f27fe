import { Migration } from '@mikro-orm/migrations';

/** Coding rooms (issue 14): rooms, their members, invite links, chat messages, and people's notifications. */
export class Migration20261207080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "rooms" ("id" uuid not null, "project_id" uuid not null, "created_by_id" uuid not null, "name" varchar(80) not null, "description" varchar(500) not null default '', "visibility" varchar(16) not null default 'private', "password_hash" text null, "locked" boolean not null default false, "capacity" int not null default 10, "theme_id" varchar(64) null, "status" varchar(16) not null default 'created', "session" int not null default 1, "last_activity_at" timestamptz not null default now(), "archived_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "rooms_pkey" primary key ("id"));`);
    this.addSql(`create index "rooms_project_id_index" on "rooms" ("project_id");`);
    this.addSql(`create index "rooms_created_by_id_index" on "rooms" ("created_by_id");`);
    this.addSql(`create index "rooms_visibility_status_index" on "rooms" ("visibility", "status");`);
    this.addSql(`create table "room_messages" ("id" uuid not null, "room_id" uuid not null, "author_id" uuid null, "author_kind" varchar(16) not null, "agent_role" varchar(32) null, "body" text not null, "snippet" jsonb null, "refs" jsonb null, "mentions" jsonb null, "reply_to" uuid null, "status" varchar(16) not null default 'complete', "edited_at" timestamptz null, "deleted_at" timestamptz null, "deleted_by" varchar(64) null, "created_at" timestamptz not null default now(), constraint "room_messages_pkey" primary key ("id"));`);
    this.addSql(`create index "room_messages_room_created_index" on "room_messages" ("room_id", "created_at");`);
    this.addSql(`create table "room_members" ("id" uuid not null, "room_id" uuid not null, "user_id" uuid not null, "role" varchar(16) not null, "joined_at" timestamptz not null default now(), "left_at" timestamptz null, "muted_until" timestamptz null, "kicked_at" timestamptz null, constraint "room_members_pkey" primary key ("id"));`);
    this.addSql(`create index "room_members_user_id_index" on "room_members" ("user_id");`);
    this.addSql(`alter table "room_members" add constraint "room_members_room_user_unique" unique ("room_id", "user_id");`);
    this.addSql(`create table "room_invites" ("id" uuid not null, "room_id" uuid not null, "token_hash" varchar(64) not null, "created_by_id" uuid not null, "role" varchar(16) not null default 'participant', "max_uses" int null, "uses" int not null default 0, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "room_invites_pkey" primary key ("id"));`);
    this.addSql(`create index "room_invites_room_id_index" on "room_invites" ("room_id");`);
    this.addSql(`alter table "room_invites" add constraint "room_invites_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create table "user_notifications" ("id" uuid not null, "user_id" uuid not null, "kind" varchar(16) not null, "room_id" uuid null, "message_id" uuid null, "text" varchar(300) not null, "read_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "user_notifications_pkey" primary key ("id"));`);
    this.addSql(`create index "user_notifications_user_created_index" on "user_notifications" ("user_id", "created_at");`);
    this.addSql(`alter table "rooms" add constraint "rooms_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "rooms" add constraint "rooms_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "room_messages" add constraint "room_messages_room_id_foreign" foreign key ("room_id") references "rooms" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "room_messages" add constraint "room_messages_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "room_members" add constraint "room_members_room_id_foreign" foreign key ("room_id") references "rooms" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "room_members" add constraint "room_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "room_invites" add constraint "room_invites_room_id_foreign" foreign key ("room_id") references "rooms" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "room_invites" add constraint "room_invites_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_notifications" add constraint "user_notifications_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_notifications" add constraint "user_notifications_room_id_foreign" foreign key ("room_id") references "rooms" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    for (const table of ['user_notifications', 'room_messages', 'room_invites', 'room_members', 'rooms']) this.addSql(`drop table if exists "${table}" cascade;`);
  }
}
