import type { Client } from '@temporalio/client';
import type { ProjectEventStream } from '../events/project-event-stream';
import type { RateLimiter } from '../limits/rate-limiter';
import type { User } from '../user/user.entity';
import type { LiveActor, LiveDocs } from './live-docs';

/** Default cap of one file's size (ATELIER_UPLOAD_MAX_BYTES). */
export const DEFAULT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** What the file services share; built once by the API's composition root. */
export interface FileDeps {
  events: ProjectEventStream;
  /** The files' live documents; null when collaboration is off (PostgreSQL only). */
  live: LiveDocs | null;
  /** The `upload` window of each user's tier. */
  rateLimiter: RateLimiter;
  /** For flushing the project room before a zip. */
  temporal: Client;
  /** Largest file, in bytes, that a person creates or uploads. */
  uploadMaxBytes: number;
}

/** The user as the author of a version or a live edit. */
export const authorOf = (user: Pick<User, 'id' | 'displayName'>): LiveActor => ({ kind: 'user', id: user.id, name: user.displayName });
