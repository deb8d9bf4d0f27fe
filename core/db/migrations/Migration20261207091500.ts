import { Migration } from '@mikro-orm/migrations';

/** Themes (issue 14): the theme a user chose for themselves (a system theme id, contracts/themes.ts). */
export class Migration20261207091500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "theme_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "theme_id";`);
  }
}
