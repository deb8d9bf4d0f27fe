import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

/** A security-relevant event: log-ins, failed log-ins, session revocations, role changes, overrides. */
export class AuditEvent {
  [OptionalProps]?: 'at';
  id: string = randomUUID();
  at: Date = new Date();
  /** Who acted; null for anonymous attempts. Kept as a plain id so the trail survives account deletion. */
  actorId?: string | null;
  /** Dotted verb, e.g. `auth.login`, `auth.login_failed`, `auth.sessions_revoked`. */
  action!: string;
  /** What it was about, e.g. `user:<id>` or an email for failed log-ins. */
  target?: string | null;
  ip?: string | null;
  data?: Record<string, unknown> | null;
}

export const AuditEventSchema = new EntitySchema<AuditEvent>({
  class: AuditEvent,
  tableName: 'audit_events',
  indexes: [{ name: 'audit_events_at_index', properties: ['at'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    at: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    actorId: { type: 'uuid', nullable: true, index: true },
    action: { type: 'string', length: 64 },
    target: { type: 'string', length: 400, nullable: true },
    ip: { type: 'string', length: 64, nullable: true },
    data: { type: 'json', nullable: true },
  },
});
