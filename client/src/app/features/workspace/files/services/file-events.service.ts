import { Injectable, inject } from '@angular/core';
import { EventType } from '@contracts/events';
import { type Observable, mergeMap, scan, share } from 'rxjs';
import type { ProjectEvent } from '../../../projects/models/project.models';
import {
  type EventStreamUpdate,
  ProjectEventStream,
} from '../../../projects/services/project-event-stream.service';

/** Events after which a project's tree or a file's history may have changed. */
export const FILE_EVENTS: ReadonlySet<string> = new Set([
  EventType.FILE_CREATED,
  EventType.FILE_WRITTEN,
  EventType.FILE_RENAMED,
  EventType.FILE_DELETED,
  EventType.FILE_UPLOADED,
  EventType.FILE_RESTORED,
  EventType.FOLDER_CREATED,
  EventType.FILES_FLUSHED,
]);

/** A change worth a refetch: file events that arrived live, or a reconnect (events may have been missed). */
export type FileChange =
  | { readonly kind: 'events'; readonly events: readonly ProjectEvent[] }
  | { readonly kind: 'resumed' };

interface Step {
  /** How many times the stream went live so far. */
  readonly lives: number;
  readonly update: EventStreamUpdate;
}

/**
 * The file changes of a project, one event stream per project however many components watch it (the tree
 * and the history drawer share it). The stream's history is skipped: the components load the current state
 * themselves, and only what happens after that matters.
 */
@Injectable({ providedIn: 'root' })
export class FileEvents {
  private readonly stream = inject(ProjectEventStream);
  private readonly shared = new Map<string, Observable<FileChange>>();

  changes(projectId: string): Observable<FileChange> {
    let changes = this.shared.get(projectId);
    if (!changes) {
      changes = this.stream.watch(projectId).pipe(
        // Counts the times the stream went live: the first ends the history, later ones are reconnects.
        scan<EventStreamUpdate, Step, null>(
          (last, update) => ({
            lives: (last?.lives ?? 0) + (update.kind === 'state' && update.state === 'live' ? 1 : 0),
            update,
          }),
          null,
        ),
        mergeMap(({ lives, update }): FileChange[] => {
          if (update.kind === 'state')
            return update.state === 'live' && lives > 1 ? [{ kind: 'resumed' }] : [];
          if (lives === 0) return [];
          const events = update.events.filter((event) => FILE_EVENTS.has(event.type));
          return events.length ? [{ kind: 'events', events }] : [];
        }),
        share({ resetOnRefCountZero: true }),
      );
      this.shared.set(projectId, changes);
    }
    return changes;
  }
}
