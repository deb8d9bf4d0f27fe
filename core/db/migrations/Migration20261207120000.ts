import { Migration } from '@mikro-orm/migrations';

/** Deployments (issue 15): deployments and their logs, per-project targets, env vars and secrets, provider tokens; sandboxes get a purpose. */
export class Migration20261207120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "deploy_env_vars" ("id" uuid not null, "project_id" uuid not null, "target" varchar(16) not null, "key" varchar(128) not null, "sealed" text not null, "secret" boolean not null default true, "hint" varchar(32) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "deploy_env_vars_pkey" primary key ("id"));`);
    this.addSql(`alter table "deploy_env_vars" add constraint "deploy_env_vars_project_target_key_unique" unique ("project_id", "target", "key");`);
    this.addSql(`create table "deploy_tokens" ("id" uuid not null, "user_id" uuid null, "team_id" uuid null, "provider" varchar(16) not null, "sealed" text not null, "hint" varchar(32) not null, "account" varchar(255) null, "scope" varchar(255) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "last_used_at" timestamptz null, constraint "deploy_tokens_pkey" primary key ("id"), constraint deploy_tokens_one_owner_check check ((user_id is null) <> (team_id is null)));`);
    this.addSql(`alter table "deploy_tokens" add constraint "deploy_tokens_user_provider_unique" unique ("user_id", "provider");`);
    this.addSql(`alter table "deploy_tokens" add constraint "deploy_tokens_team_provider_unique" unique ("team_id", "provider");`);
    this.addSql(`create table "deployments" ("id" uuid not null, "project_id" uuid not null, "target" varchar(16) not null, "status" varchar(16) not null default 'QUEUED', "trigger" varchar(16) not null default 'user', "created_by_id" uuid null, "skip_tests" boolean not null default false, "source_deployment_id" uuid null, "provider_ref" varchar(255) null, "url" text null, "error" text null, "error_code" varchar(48) null, "artifact_sha" varchar(64) null, "artifact_bytes" bigint null, "file_count" int null, "app_sandbox_id" uuid null, "log_lines" int not null default 0, "created_at" timestamptz not null default now(), "started_at" timestamptz null, "finished_at" timestamptz null, "live_at" timestamptz null, constraint "deployments_pkey" primary key ("id"));`);
    this.addSql(`create index "deployments_project_target_created_index" on "deployments" ("project_id", "target", "created_at");`);
    this.addSql(`create unique index "deployments_in_flight_unique" on "deployments" ("project_id", "target") where "status" in ('QUEUED', 'BUILDING', 'PACKAGING', 'UPLOADING', 'DEPLOYING', 'CHECKING');`);
    this.addSql(`create table "deploy_targets" ("id" uuid not null, "project_id" uuid not null, "target" varchar(16) not null, "settings" jsonb not null default '{}', "provider_project_ref" varchar(255) null, "live_deployment_id" uuid null, "allow_agent_deploys" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "deploy_targets_pkey" primary key ("id"));`);
    this.addSql(`alter table "deploy_targets" add constraint "deploy_targets_project_target_unique" unique ("project_id", "target");`);
    this.addSql(`create table "deployment_logs" ("deployment_id" uuid not null, "seq" int not null, "at" timestamptz not null default now(), "stream" varchar(16) not null, "text" text not null, constraint "deployment_logs_pkey" primary key ("deployment_id", "seq"));`);
    this.addSql(`alter table "deploy_env_vars" add constraint "deploy_env_vars_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deploy_tokens" add constraint "deploy_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deploy_tokens" add constraint "deploy_tokens_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deployments" add constraint "deployments_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deployments" add constraint "deployments_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "deployments" add constraint "deployments_source_deployment_id_foreign" foreign key ("source_deployment_id") references "deployments" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "deploy_targets" add constraint "deploy_targets_project_id_foreign" foreign key ("project_id") references "projects" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deploy_targets" add constraint "deploy_targets_live_deployment_id_foreign" foreign key ("live_deployment_id") references "deployments" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "deployment_logs" add constraint "deployment_logs_deployment_id_foreign" foreign key ("deployment_id") references "deployments" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sandboxes" add column "purpose" varchar(16) not null default 'work';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sandboxes" drop column if exists "purpose";`);
    for (const table of ['deployment_logs', 'deploy_targets', 'deploy_env_vars', 'deploy_tokens', 'deployments'])
      this.addSql(`drop table if exists "${table}" cascade;`);
  }
}
