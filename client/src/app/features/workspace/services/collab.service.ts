import { Injectable, inject } from '@angular/core';
import type { Collaboration } from '../models/workspace.models';
import { LIVE_ROOM_CONNECTOR } from './live-room';
import { ProjectRoom } from './project-room';

/**
 * Enters projects' rooms. The connector behind it keeps one Liveblocks client for the app (created with
 * the first room, from the server's `collaboration` settings); each page entering a room leaves it.
 */
@Injectable({ providedIn: 'root' })
export class CollabService {
  private readonly connect = inject(LIVE_ROOM_CONNECTOR);

  /** `authBody` goes with the token request (a coding room passes `{ coding: <roomId> }`). */
  async enter(
    projectId: string,
    collaboration: Collaboration,
    authBody?: Readonly<Record<string, string>>,
  ): Promise<ProjectRoom> {
    const live = await this.connect({
      projectId,
      proxied: collaboration.proxied,
      throttleMs: collaboration.throttleMs,
      ...(authBody ? { authBody } : {}),
    });
    return new ProjectRoom(live);
  }
}
