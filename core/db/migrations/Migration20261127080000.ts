import { Migration } from '@mikro-orm/migrations';

/** The agent team's records: each run's plan and its tasks with their assignments and outcomes. */
export class Migration20261127080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agent_tasks" ("id" uuid not null, "run_id" uuid not null, "project_id" uuid not null, "task_key" varchar(120) not null, "type" varchar(16) not null, "title" varchar(200) not null, "description" text not null, "priority" int not null, "dependencies" jsonb not null, "files" jsonb not null, "acceptance_criteria" jsonb not null, "role" varchar(32) not null, "supporting" jsonb not null, "reasoning" text not null, "handoff_from" varchar(120) null, "status" varchar(16) not null default 'pending', "outcome" varchar(32) null, "summary" text null, "turns" int not null default 0, "tokens" int not null default 0, "cost_usd_nanos" bigint not null default 0, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "agent_tasks_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "agent_tasks_project_idx" on "agent_tasks" ("project_id");`);
    this.addSql(`alter table "agent_tasks" add constraint "agent_tasks_run_task_key_unique" unique ("run_id", "task_key");`);
    this.addSql(`alter table "project_runs" add column "plan" jsonb null, add column "plan_status" varchar(24) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agent_tasks" cascade;`);
    this.addSql(`alter table "project_runs" drop column "plan", drop column "plan_status";`);
  }
}
