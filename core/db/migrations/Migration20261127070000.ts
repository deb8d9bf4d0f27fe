import { Migration } from '@mikro-orm/migrations';

/** Running usage totals per run, project and user-month, backfilled from the usage rows already recorded. */
export class Migration20261127070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "usage_totals" ("scope" varchar(16) not null, "scope_id" uuid not null, "period" date not null, "tokens" bigint not null, "cost_usd_nanos" bigint not null, constraint "usage_totals_pkey" primary key ("scope", "scope_id", "period"));`,
    );
    this.addSql(`insert into "usage_totals" select 'run', run_id, date '1970-01-01', sum(total_tokens), sum(cost_usd_nanos) from usage_logs where run_id is not null group by run_id;`);
    this.addSql(`insert into "usage_totals" select 'project', project_id, date '1970-01-01', sum(total_tokens), sum(cost_usd_nanos) from usage_logs where project_id is not null group by project_id;`);
    this.addSql(
      `insert into "usage_totals" select 'user', user_id, date_trunc('month', created_at at time zone 'UTC')::date, sum(total_tokens), sum(cost_usd_nanos) from usage_logs group by 2, 3;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "usage_totals" cascade;`);
  }
}
