import { Migration } from '@mikro-orm/migrations';

/** Projects choose the built-in starter or the agent team, and whether the team's plan needs approval. */
export class Migration20261127090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "projects" add column "build_mode" varchar(16) not null default 'starter', add column "auto_approve_plan" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "projects" drop column "build_mode", drop column "auto_approve_plan";`);
  }
}
