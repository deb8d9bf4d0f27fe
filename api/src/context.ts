import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProjectEventStream } from './modules/events/project-event-stream';
import type { ProjectService } from './modules/project/project.service';

/** What every resolver sees; built per request (or per WebSocket subscription). */
export interface GraphQLContext {
  /** A forked entity manager: nothing leaks between requests. */
  em: EntityManager;
  /** The caller's user id; the built-in local user until accounts land. */
  viewerId: string;
  projects: ProjectService;
  events: ProjectEventStream;
}
