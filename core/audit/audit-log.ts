import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent } from './audit.entity';

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  target?: string | null;
  ip?: string | null;
  data?: Record<string, unknown> | null;
}

/** Appends security-relevant events; written in the caller's unit of work so it commits with the change. */
export function recordAudit(em: EntityManager, entry: AuditEntry): void {
  em.persist(em.create(AuditEvent, { ...entry }));
}
