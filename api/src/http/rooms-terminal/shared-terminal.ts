import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Sandbox } from '../../../../sandbox/types';
import { ValidationError } from '../../../../core/shared/domain.errors';
import { RoomShell, type RoomShellSettings } from './room-shell';
import { clampCols, clampRows, TerminalClose } from './terminal-protocol';

export { TerminalClose, type TerminalControl, type TerminalClientMessage } from './terminal-protocol';

export interface SharedTerminalsOptions {
  /**
   * The room's sandbox, created (with the project's files) when it has none; called when a room's shell starts.
   * `print` shows text to everyone in the room's terminal (an install's progress while the sandbox is prepared).
   */
  readonly sandboxFor: (roomKey: string, print: (text: string) => void) => Promise<Sandbox>;
  /** How long a shell outlives its last socket (a reload, a flaky network), in ms. Default 60 s. */
  readonly graceMs?: number;
  /** Output kept for people who attach later, in characters. Default 64 Ki. */
  readonly scrollbackChars?: number;
  /** Largest input frame accepted (a paste), in bytes; larger ones are dropped. Default 64 KiB. */
  readonly maxInputBytes?: number;
  /** Input accepted per socket per second, in bytes; the rest is dropped. Default 256 KiB. */
  readonly inputBytesPerSecond?: number;
  /** Output a socket may leave unread before it is closed (1013), in bytes. Default 4 MiB. */
  readonly maxBufferedBytes?: number;
  /** Called on input and runs (at most every 30 s per room), so the room's sandbox is not reaped as idle. */
  readonly onActivity?: (roomKey: string) => void;
  readonly logger: Logger;
}

/** Who a socket belongs to. `since` is `revision()` taken before the access check that let it in. */
export interface SeatRequest {
  readonly userId: string;
  readonly canType: boolean;
  readonly cols?: number;
  readonly rows?: number;
  readonly since?: number;
}

/** An access change remembered briefly, for sockets whose access check raced it. */
interface Change {
  readonly seq: number;
  readonly at: number;
  readonly canType?: boolean;
  readonly close?: { code: number; reason: string };
}

/** How long access changes are remembered: far longer than an access check takes. */
const CHANGE_TTL_MS = 60_000;
const ANYONE = '\0room';

/**
 * One shared terminal per room: at most one PTY (a shell in the room's sandbox) per room key, any number of
 * sockets on it. Everyone sees the same output live, people who attach later get the scrollback, and only
 * sockets that may type reach the shell. Access changes and kicks apply to open sockets at once.
 * Protocol: terminal-protocol.ts.
 */
export class SharedTerminals {
  private readonly rooms = new Map<string, RoomShell>();
  private readonly changes = new Map<string, Change>();
  private readonly settings: RoomShellSettings;
  private seq = 0;

  constructor(options: SharedTerminalsOptions) {
    this.settings = {
      sandboxFor: options.sandboxFor,
      graceMs: options.graceMs ?? 60_000,
      scrollbackChars: options.scrollbackChars ?? 64 * 1024,
      maxInputBytes: options.maxInputBytes ?? 64 * 1024,
      inputBytesPerSecond: options.inputBytesPerSecond ?? 256 * 1024,
      maxBufferedBytes: options.maxBufferedBytes ?? 4 * 1024 * 1024,
      onActivity: options.onActivity ?? (() => undefined),
      logger: options.logger,
    };
  }

  /** A counter to take before checking someone's access; pass it to `attach` as `since`. */
  revision(): number {
    return this.seq;
  }

  /**
   * Attaches an open socket to the room's terminal (starting its shell if none runs). A kick, an access change
   * or a room closure made after `since` wins over the access check that preceded the attach.
   */
  attach(roomKey: string, ws: WebSocket, request: SeatRequest): void {
    let canType = request.canType;
    if (request.since !== undefined) {
      const closed = this.changeAfter(roomKey, ANYONE, request.since)?.close;
      const change = this.changeAfter(roomKey, request.userId, request.since);
      const close = closed ?? change?.close;
      if (close) return void ws.close(close.code, close.reason);
      canType = change?.canType ?? canType;
    }
    this.room(roomKey).attach(ws, { userId: request.userId, canType, cols: clampCols(request.cols), rows: clampRows(request.rows) });
  }

  /** Lets `userId` type, or not, on their open sockets (a role change). Returns how many sockets changed. */
  setAccess(roomKey: string, userId: string, canType: boolean): number {
    this.remember(roomKey, userId, { canType });
    return this.rooms.get(roomKey)?.seats.setAccess(userId, canType) ?? 0;
  }

  /** Closes `userId`'s sockets on the room's terminal (a kick). Returns how many were closed. */
  disconnect(roomKey: string, userId: string, code: number = TerminalClose.KICKED, reason = 'Removed from the room'): number {
    this.remember(roomKey, userId, { close: { code, reason } });
    return this.rooms.get(roomKey)?.seats.close(code, reason, userId) ?? 0;
  }

  /** Types `command` (one line) into the room's shell, starting it if need be, and tells every socket who ran what. */
  async run(roomKey: string, command: string, by: { id: string; name: string }): Promise<void> {
    if (!command.trim() || /[\r\n\0]/.test(command) || command.length > 4096)
      throw new ValidationError([{ field: 'command', message: 'One line of at most 4096 characters' }]);
    await this.room(roomKey).run(command, by);
  }

  /** Shows server-side text to everyone on the room's terminal (kept in its scrollback); no-op without one. */
  print(roomKey: string, text: string): void {
    this.rooms.get(roomKey)?.print(text);
  }

  /** Kills the room's shell and closes its sockets (the room was archived). */
  closeRoom(roomKey: string, code: number = TerminalClose.ROOM_CLOSED, reason = 'The room was closed'): void {
    this.remember(roomKey, ANYONE, { close: { code, reason } });
    this.rooms.get(roomKey)?.close(code, reason);
  }

  /** What runs for a room: open sockets, the shell's host pid (null while none runs), the PTY size. */
  stats(roomKey: string): { sockets: number; shellPid: number | null; cols: number; rows: number } | null {
    return this.rooms.get(roomKey)?.stats() ?? null;
  }

  /** Closes every room (the server is shutting down). */
  close(): void {
    for (const room of [...this.rooms.values()]) room.close(1001, 'The server is restarting');
  }

  private room(roomKey: string): RoomShell {
    let room = this.rooms.get(roomKey);
    if (!room) {
      const created = new RoomShell(roomKey, this.settings, () => {
        if (this.rooms.get(roomKey) === created) this.rooms.delete(roomKey);
      });
      room = created;
      this.rooms.set(roomKey, room);
    }
    return room;
  }

  private remember(roomKey: string, userId: string, change: Omit<Change, 'seq' | 'at'>): void {
    const now = Date.now();
    for (const [key, old] of this.changes) if (now - old.at > CHANGE_TTL_MS) this.changes.delete(key);
    this.changes.set(`${roomKey}\0${userId}`, { ...change, seq: ++this.seq, at: now });
  }

  private changeAfter(roomKey: string, userId: string, since: number): Change | undefined {
    const change = this.changes.get(`${roomKey}\0${userId}`);
    return change && change.seq > since ? change : undefined;
  }
}
