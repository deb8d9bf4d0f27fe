import { Migration } from '@mikro-orm/migrations';

/** What each agent task last saw of each file, the base of three-way merges with newer edits. */
export class Migration20261127100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agent_file_bases" ("run_id" uuid not null, "task_key" varchar(120) not null, "path" varchar(512) not null, "content" text not null, constraint "agent_file_bases_pkey" primary key ("run_id", "task_key", "path"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agent_file_bases" cascade;`);
  }
}
