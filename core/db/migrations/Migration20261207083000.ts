import { Migration } from '@mikro-orm/migrations';

/** Chat (issue 14): a client's key per message, so a retried send returns the first message instead of a second. */
export class Migration20261207083000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "room_messages" add column "client_key" varchar(64) null;`);
    this.addSql(
      `alter table "room_messages" add constraint "room_messages_room_author_client_key_unique" unique ("room_id", "author_id", "client_key");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "room_messages" drop constraint "room_messages_room_author_client_key_unique";`);
    this.addSql(`alter table "room_messages" drop column "client_key";`);
  }
}
