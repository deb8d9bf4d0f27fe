import { Migration } from '@mikro-orm/migrations';

/** Local deploy target: an app's host name (deploy_targets.provider_project_ref for `local`) belongs to one project. */
export class Migration20261207121000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create unique index "deploy_targets_local_slug_unique" on "deploy_targets" ("provider_project_ref") where "target" = 'local';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "deploy_targets_local_slug_unique";`);
  }
}
