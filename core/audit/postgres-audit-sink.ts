import type { MikroORM } from '@mikro-orm/postgresql';
import type { AuditEntry as LimitAuditEntry, AuditSink } from '../limits/audit-sink';
import { AuditEvent } from './audit.entity';

/** The limits module's audit sink, writing to the PostgreSQL audit log that admins query. */
export class PostgresAuditSink implements AuditSink {
  constructor(private readonly orm: MikroORM) {}

  async record(entry: LimitAuditEntry): Promise<void> {
    const em = this.orm.em.fork();
    em.create(AuditEvent, { actorId: entry.actorId, action: entry.action, target: `user:${entry.targetId}`, data: { reason: entry.reason, ...entry.details } });
    await em.flush();
  }
}
