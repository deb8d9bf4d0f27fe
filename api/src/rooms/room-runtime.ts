/**
 * A room's running parts on the API: its sandbox, the shared terminal over it and the Run/Test buttons, built
 * once per process (when a sandbox backend is configured) and wired to the room rules: members watch the
 * terminal, participants and above type and run, archived rooms get nothing.
 */
import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { can } from '../../../core/access/policy';
import type { LiveDocs } from '../../../core/files/live-docs';
import type { RoomActivityNotifier } from '../../../core/rooms/room-activity';
import { RoomSandboxes, type RoomRef } from '../../../core/rooms/room-sandbox';
import { loadStanding } from '../../../core/rooms/room-standing';
import { Room } from '../../../core/rooms/room.entities';
import { RoomError } from '../../../core/rooms/room.errors';
import type { SandboxManager } from '../../../core/sandbox/sandbox-manager';
import { ErrorCode } from '../../../contracts/errors';
import { RoomRunner } from '../http/rooms-terminal/room-runner';
import type { RoomTerminalAccess } from '../http/rooms-terminal/room-terminal.routes';
import { SharedTerminals } from '../http/rooms-terminal/shared-terminal';

export interface RoomRuntime {
  sandboxes: RoomSandboxes;
  terminals: SharedTerminals;
  runner: RoomRunner;
  /** The room as its sandbox needs it; ROOM_ARCHIVED for an archived room (no new sandbox for it). */
  refOf(em: EntityManager, roomId: string): Promise<RoomRef>;
  /** The terminal route's check: members inside watch, participants and above type. */
  terminalAccess(viewer: { viewerId: string | null; em: EntityManager }, roomId: string): Promise<RoomTerminalAccess>;
  close(): void;
}

export function createRoomRuntime(deps: {
  orm: MikroORM;
  manager: SandboxManager;
  live: LiveDocs | null;
  activity: RoomActivityNotifier;
  logger: Logger;
}): RoomRuntime {
  const { orm, manager, live, activity, logger } = deps;
  const sandboxes = new RoomSandboxes({ orm, manager, live, logger });
  const refOf = async (em: EntityManager, roomId: string): Promise<RoomRef> => {
    const room = await em.findOne(Room, { id: roomId }, { fields: ['id', 'project', 'createdBy', 'status'] });
    if (!room) throw new RoomError(ErrorCode.ROOM_NOT_FOUND, 'This room does not exist or you cannot see it.', roomId);
    if (room.status === 'archived') throw new RoomError(ErrorCode.ROOM_ARCHIVED, 'This room is archived: reopen it first.', roomId);
    return { roomId: room.id, projectId: room.project.id, ownerId: room.createdBy.id };
  };
  const terminals = new SharedTerminals({
    sandboxFor: async (roomId, print) => (await sandboxes.ensure(await refOf(orm.em.fork(), roomId), print)).sandbox,
    onActivity: (roomId) => void activity.touch(roomId, 'terminal', null).catch(() => undefined),
    logger,
  });
  return {
    sandboxes,
    terminals,
    runner: new RoomRunner({ terminals, sandboxes }),
    refOf,
    async terminalAccess({ viewerId, em }, roomId) {
      if (!viewerId) return { ok: false, status: 401 };
      const standing = await loadStanding(em, viewerId, roomId).catch(() => null);
      if (!standing || !can(standing.actor, 'room:view', standing.resource)) return { ok: false, status: 404 };
      if (standing.room.status === 'archived' || !can(standing.actor, 'room:read', standing.resource)) return { ok: false, status: 403 };
      return { ok: true, userId: viewerId, canType: can(standing.actor, 'room:terminal', standing.resource) };
    },
    close: () => terminals.close(),
  };
}

/** The terminal route's viewer: the session cookie as the GraphQL context reads it. */
export type RoomViewerResolver = (req: IncomingMessage) => Promise<{ viewerId: string | null; em: EntityManager }>;
