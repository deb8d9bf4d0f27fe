import { Migration } from '@mikro-orm/migrations';

/** Agent-team runs keep the result of the project's own tests at the end. */
export class Migration20261127110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "project_runs" add column "tests_passed" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "project_runs" drop column "tests_passed";`);
  }
}
