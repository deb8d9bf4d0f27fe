import { Migration } from '@mikro-orm/migrations';

/** Rooms (issue 14): a sandbox can belong to a room, and a room has at most one live sandbox. */
export class Migration20261207090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sandboxes" add column "room_id" uuid null;`);
    this.addSql(`create unique index "sandboxes_room_live_unique" on "sandboxes" ("room_id") where "status" in ('CREATING', 'RUNNING');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "sandboxes_room_live_unique";`);
    this.addSql(`alter table "sandboxes" drop column "room_id";`);
  }
}
