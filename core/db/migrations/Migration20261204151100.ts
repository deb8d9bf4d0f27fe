import { Migration } from '@mikro-orm/migrations';

/**
 * Team runs act as the team (issue 11, item 5): provider keys may belong to a team instead of a user
 * (exactly one of the two), the run records who started, approved, paused and cancelled it, and the
 * team's monthly model spend gets running totals of its own, filled from the usage rows recorded so far.
 */
export class Migration20261204151100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "provider_keys" alter column "user_id" drop not null;`);
    this.addSql(`alter table "provider_keys" add column "team_id" uuid null;`);
    this.addSql(
      `alter table "provider_keys" add constraint "provider_keys_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "provider_keys" add constraint "provider_keys_team_provider_unique" unique ("team_id", "provider");`);
    this.addSql(`alter table "provider_keys" add constraint provider_keys_one_owner_check check((user_id is null) <> (team_id is null));`);

    for (const column of ['started_by_id', 'approved_by_id', 'paused_by_id', 'cancelled_by_id']) {
      this.addSql(`alter table "project_runs" add column "${column}" uuid null;`);
      this.addSql(
        `alter table "project_runs" add constraint "project_runs_${column}_foreign" foreign key ("${column}") references "users" ("id") on update cascade on delete set null;`,
      );
    }

    this.addSql(`
insert into "usage_totals" ("scope", "scope_id", "period", "tokens", "cost_usd_nanos")
select 'team', team_id, date_trunc('month', created_at at time zone 'UTC')::date, sum(total_tokens), sum(cost_usd_nanos)
from usage_logs where team_id is not null group by 2, 3
on conflict ("scope", "scope_id", "period") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "usage_totals" where "scope" = 'team';`);
    for (const column of ['started_by_id', 'approved_by_id', 'paused_by_id', 'cancelled_by_id']) {
      this.addSql(`alter table "project_runs" drop constraint "project_runs_${column}_foreign";`);
      this.addSql(`alter table "project_runs" drop column "${column}";`);
    }
    this.addSql(`delete from "provider_keys" where "team_id" is not null;`);
    this.addSql(`alter table "provider_keys" drop constraint provider_keys_one_owner_check;`);
    this.addSql(`alter table "provider_keys" drop constraint "provider_keys_team_provider_unique";`);
    this.addSql(`alter table "provider_keys" drop constraint "provider_keys_team_id_foreign";`);
    this.addSql(`alter table "provider_keys" drop column "team_id";`);
    this.addSql(`alter table "provider_keys" alter column "user_id" set not null;`);
  }
}
