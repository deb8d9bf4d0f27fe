import { Migration } from '@mikro-orm/migrations';

/** Teams: members with roles, single-use invitations, and team-owned projects. */
export class Migration20261127020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "teams" ("id" uuid not null, "name" varchar(64) not null, "created_at" timestamptz not null default now(), constraint "teams_pkey" primary key ("id"));`);
    this.addSql(`create table "team_members" ("team_id" uuid not null, "user_id" uuid not null, "role" varchar(16) not null, "joined_at" timestamptz not null default now(), constraint "team_members_pkey" primary key ("team_id", "user_id"));`);
    this.addSql(`create index "team_members_user_id_index" on "team_members" ("user_id");`);
    this.addSql(`create table "team_invitations" ("id" varchar(64) not null, "team_id" uuid not null, "role" varchar(16) not null, "invited_by_id" uuid not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "accepted_at" timestamptz null, "accepted_by_id" uuid null, "revoked_at" timestamptz null, constraint "team_invitations_pkey" primary key ("id"));`);
    this.addSql(`create index "team_invitations_team_id_index" on "team_invitations" ("team_id");`);
    this.addSql(`alter table "team_members" add constraint "team_members_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "team_members" add constraint "team_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "team_invitations" add constraint "team_invitations_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "team_invitations" add constraint "team_invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "team_invitations" add constraint "team_invitations_accepted_by_id_foreign" foreign key ("accepted_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "projects" add column "owner_team_id" uuid null;`);
    this.addSql(`alter table "projects" add constraint "projects_owner_team_id_foreign" foreign key ("owner_team_id") references "teams" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "projects_owner_team_id_index" on "projects" ("owner_team_id");`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "projects" drop constraint "projects_owner_team_id_foreign";');
    this.addSql('alter table "projects" drop column "owner_team_id";');
    this.addSql('drop table if exists "team_invitations" cascade;');
    this.addSql('drop table if exists "team_members" cascade;');
    this.addSql('drop table if exists "teams" cascade;');
  }
}
