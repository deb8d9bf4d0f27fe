import { Migration } from '@mikro-orm/migrations';

/** One agent answer per question and role in a room's chat (createAgentReply's find-or-create under races). */
export class Migration20261207100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create unique index "room_messages_agent_reply_unique" on "room_messages" ("reply_to", "agent_role") where "author_kind" = 'agent' and "reply_to" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "room_messages_agent_reply_unique";`);
  }
}
