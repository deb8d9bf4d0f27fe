import { Migration } from '@mikro-orm/migrations';

/**
 * Agent instances (one per run and role, with running totals) and handoffs between agents. Both are
 * filled from the existing `agent_tasks` records, so runs from before keep their agents and handoffs
 * (a handoff's follow-up task was named `<from>-<role>-<n>` and described as its reason, a newline, and its context).
 */
export class Migration20261127184500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agent_instances" ("id" uuid not null, "run_id" uuid not null, "project_id" uuid not null, "role" varchar(32) not null, "status" varchar(16) not null default 'idle', "current_task_key" varchar(120) null, "tasks_done" int not null default 0, "tasks_failed" int not null default 0, "turns" int not null default 0, "tokens" int not null default 0, "cost_usd_nanos" bigint not null default 0, "time_ms" bigint not null default 0, "first_active_at" timestamptz null, "last_active_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "agent_instances_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "agent_instances_project_idx" on "agent_instances" ("project_id");`);
    this.addSql(`alter table "agent_instances" add constraint "agent_instances_run_role_unique" unique ("run_id", "role");`);
    this.addSql(
      `create table "agent_handoffs" ("id" uuid not null, "run_id" uuid not null, "project_id" uuid not null, "from_task_key" varchar(120) not null, "from_role" varchar(32) not null, "to_role" varchar(32) not null, "to_task_key" varchar(120) null, "reason" text not null, "context" text not null, "created_at" timestamptz not null default now(), constraint "agent_handoffs_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "agent_handoffs_project_idx" on "agent_handoffs" ("project_id");`);
    this.addSql(`alter table "agent_handoffs" add constraint "agent_handoffs_run_from_task_unique" unique ("run_id", "from_task_key");`);
    this.addSql(`
insert into "agent_instances" ("id", "run_id", "project_id", "role", "status", "current_task_key", "tasks_done", "tasks_failed", "turns", "tokens",
  "cost_usd_nanos", "time_ms", "first_active_at", "last_active_at")
select gen_random_uuid(), run_id, project_id, role,
  case when bool_or(status = 'running') then 'working' else 'idle' end,
  (array_agg(task_key order by started_at desc nulls last) filter (where status = 'running'))[1],
  count(*) filter (where status = 'done'), count(*) filter (where status = 'failed'),
  coalesce(sum(turns) filter (where finished_at is not null), 0), coalesce(sum(tokens) filter (where finished_at is not null), 0),
  coalesce(sum(cost_usd_nanos) filter (where finished_at is not null), 0),
  coalesce(round(sum(extract(epoch from (finished_at - started_at)) * 1000) filter (where finished_at is not null)), 0),
  min(started_at), max(coalesce(finished_at, started_at))
from agent_tasks group by run_id, project_id, role;`);
    this.addSql(`
insert into "agent_handoffs" ("id", "run_id", "project_id", "from_task_key", "from_role", "to_role", "to_task_key", "reason", "context", "created_at")
select distinct on (f.run_id, f.task_key) gen_random_uuid(), f.run_id, f.project_id, f.task_key, f.role, t.role, t.task_key,
  split_part(t.description, E'\\n', 1), left(substr(t.description, length(split_part(t.description, E'\\n', 1)) + 2), 4000),
  coalesce(f.finished_at, t.created_at)
from agent_tasks f join agent_tasks t on t.run_id = f.run_id and t.handoff_from = f.task_key and t.task_key like f.task_key || '-' || t.role || '-%'
where f.outcome = 'handoff'
order by f.run_id, f.task_key, t.created_at;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agent_handoffs" cascade;`);
    this.addSql(`drop table if exists "agent_instances" cascade;`);
  }
}
