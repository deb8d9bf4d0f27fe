import { Migration } from '@mikro-orm/migrations';

/** Session tokens remember when they were issued, so they can be rotated while in use. */
export class Migration20261127040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sessions" add column "issued_at" timestamptz not null default now();`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sessions" drop column "issued_at";`);
  }
}
