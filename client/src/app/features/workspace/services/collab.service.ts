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

  async enter(projectId: string, collaboration: Collaboration): Promise<ProjectRoom> {
    const live = await this.connect({
      projectId,
      proxied: collaboration.proxied,
      throttleMs: collaboration.throttleMs,
    });
    return new ProjectRoom(live);
  }
}
