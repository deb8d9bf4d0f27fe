/**
 * Makes a membership change bite at once, on every API process: the room service calls `memberRemoved` /
 * `memberRoleChanged` after committing; the change is published on Redis (`atelier:room-enforce`) and each
 * process, this one included, re-checks its open streams and acts on the person's shared terminal sockets.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ROOM_ROLE_RANK, ROOM_ROLES, type RoomRole } from '../../../contracts/rooms';
import type { RoomEnforcer } from '../../../core/rooms/room-enforcer.port';
import type { LiveblocksGrants } from '../http/collab/liveblocks-grants';
import type { LiveAccess } from '../live-access';

/** The Redis pub/sub channel every API process listens on. */
export const ROOM_ENFORCE_CHANNEL = 'atelier:room-enforce';

/** Close code of a shared terminal socket whose holder was removed from the room (the terminal protocol's KICKED). */
export const TERMINAL_REMOVED_CLOSE = 4403;

/** What the enforcer needs of the shared terminal hub (`SharedTerminals`): room keys are room ids. */
export interface TerminalControl {
  /** Closes `userId`'s sockets on the room's terminal with `code`. */
  disconnect(roomKey: string, userId: string, code: number, reason: string): unknown;
  /** Lets `userId` type in the room's terminal, or not. */
  setAccess(roomKey: string, userId: string, canType: boolean): unknown;
}

export interface RoomEnforcerDeps {
  /** Publishes; a duplicate connection of it subscribes (a subscribed connection can do nothing else). */
  redis: Redis;
  /** This process's re-checker of live streams: Liveblocks sockets and roomEvents subscriptions. */
  liveAccess: LiveAccess;
  /** The recorded Liveblocks tokens (with the dev-server proxy); null when none are recorded (Liveblocks Cloud). */
  grants: Pick<LiveblocksGrants, 'revokeRoom'> | null;
  /** The shared terminals of this process; null until the hub is wired (or without sandboxes). */
  terminals: TerminalControl | null;
  logger: Pick<Logger, 'warn'>;
}

const Message = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('removed'), roomId: z.string(), userId: z.string() }),
  z.object({ kind: z.literal('role'), roomId: z.string(), userId: z.string(), role: z.enum(ROOM_ROLES) }),
]);
type Message = z.infer<typeof Message>;

/**
 * The RoomEnforcer of the API. The database stays the truth: a message only says "look again now", so a late or
 * repeated one closes nothing that is still allowed, and a lost one is caught by LiveAccess's next tick.
 */
export class RedisRoomEnforcer implements RoomEnforcer {
  private readonly subscriber: Redis;
  /** Resolves once this process listens (tests wait for it before publishing from elsewhere). */
  readonly ready: Promise<void>;

  constructor(private readonly deps: RoomEnforcerDeps) {
    this.subscriber = deps.redis.duplicate();
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel === ROOM_ENFORCE_CHANNEL) void this.apply(text);
    });
    this.ready = this.subscriber.subscribe(ROOM_ENFORCE_CHANNEL).then(
      () => undefined,
      (error: unknown) => deps.logger.warn({ err: error }, 'room enforcement is not listening; LiveAccess ticks still apply kicks'),
    );
  }

  async memberRemoved(roomId: string, userId: string): Promise<void> {
    await this.publish({ kind: 'removed', roomId, userId });
  }

  async memberRoleChanged(roomId: string, userId: string, role: RoomRole): Promise<void> {
    await this.publish({ kind: 'role', roomId, userId, role });
  }

  async close(): Promise<void> {
    await this.ready;
    this.subscriber.disconnect();
  }

  /**
   * Revokes the person's room tokens before telling anyone (once, here: the grants are shared in Redis), so by
   * the time this resolves no reconnect with an old token gets in; the next token follows the new standing.
   * Any role change revokes: a promoted viewer's next token writes, a demoted writer's is read-only.
   */
  private async publish(message: Message): Promise<void> {
    await this.deps.grants?.revokeRoom(message.roomId, message.userId);
    await this.deps.redis.publish(ROOM_ENFORCE_CHANNEL, JSON.stringify(message));
  }

  private async apply(text: string): Promise<void> {
    let message: Message;
    try {
      message = Message.parse(JSON.parse(text));
    } catch {
      return this.deps.logger.warn({ text: text.slice(0, 200) }, 'ignored a malformed room enforcement message');
    }
    const { terminals, liveAccess } = this.deps;
    try {
      if (message.kind === 'removed')
        terminals?.disconnect(message.roomId, message.userId, TERMINAL_REMOVED_CLOSE, 'You are no longer in this room');
      else terminals?.setAccess(message.roomId, message.userId, ROOM_ROLE_RANK[message.role] >= ROOM_ROLE_RANK.participant);
    } catch (error) {
      this.deps.logger.warn({ err: error, roomId: message.roomId }, 'could not apply a room change to the shared terminal');
    }
    // Liveblocks sockets and roomEvents subscriptions end by the database's word, with the right code.
    await liveAccess.tick();
  }
}
