import { Migration } from '@mikro-orm/migrations';

/** Project states say what a build waits for (issue 12): AWAITING_APPROVAL is 17 characters, so status widens to 24. */
export class Migration20261207013000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "projects" alter column "status" type varchar(24);`);
    this.addSql(`alter table "project_runs" alter column "status" type varchar(24);`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "projects" set "status" = 'BUILDING' where "status" = 'AWAITING_APPROVAL';`);
    this.addSql(`alter table "projects" alter column "status" type varchar(16);`);
    this.addSql(`alter table "project_runs" alter column "status" type varchar(16);`);
  }
}
