import type { WebSocket } from 'ws';
import { clampCols, clampRows, parseClientMessage, sendControl, TerminalClose, type TerminalControl } from './terminal-protocol';

/** One socket attached to a room's terminal. */
interface Seat {
  readonly ws: WebSocket;
  readonly userId: string;
  canType: boolean;
  cols: number;
  rows: number;
  /** The readonly notice was sent since the last access change. */
  toldReadonly: boolean;
  /** Input budget: bytes accepted in the current one-second window. */
  windowStart: number;
  windowBytes: number;
}

/** Abuse limits of one socket (SharedTerminalsOptions). */
export interface SeatLimits {
  readonly maxInputBytes: number;
  readonly inputBytesPerSecond: number;
  readonly maxBufferedBytes: number;
}

/** What the seats tell their room's shell. */
export interface SeatEvents {
  /** Input from a socket that may type, within its limits. */
  input(data: string): void;
  /** The shared size changed (it was already sent to every socket). */
  resized(size: { cols: number; rows: number }): void;
  /** The last socket left. */
  emptied(): void;
}

/** How long a closing socket gets to finish the close handshake before it is cut. */
const CLOSE_WAIT_MS = 2000;

/**
 * The sockets of one room's terminal: who may type, what they asked the size to be, and the input and output
 * limits of each. A socket removed here (kicked, closed, too slow) has its input ignored from that moment.
 */
export class RoomSeats {
  private readonly seats = new Set<Seat>();
  /** The shared PTY size. */
  size = { cols: 80, rows: 24 };

  constructor(
    private readonly limits: SeatLimits,
    private readonly events: SeatEvents,
  ) {}

  get count(): number {
    return this.seats.size;
  }

  /** Adds an open socket: listens to it and tells it its access and the size. */
  add(ws: WebSocket, person: { userId: string; canType: boolean; cols: number; rows: number }): void {
    const seat: Seat = { ws, ...person, toldReadonly: false, windowStart: 0, windowBytes: 0 };
    this.seats.add(seat);
    ws.on('message', (raw, isBinary) => this.onMessage(seat, raw as Buffer, isBinary));
    ws.on('close', () => this.remove(seat));
    ws.on('error', () => this.remove(seat));
    sendControl(ws, { type: 'access', canType: seat.canType });
    if (!this.fit()) sendControl(ws, { type: 'size', ...this.size });
  }

  /** Changes what `userId`'s sockets may do; returns how many sockets changed. */
  setAccess(userId: string, canType: boolean): number {
    const theirs = [...this.seats].filter((s) => s.userId === userId && s.canType !== canType);
    for (const seat of theirs) {
      Object.assign(seat, { canType, toldReadonly: false });
      sendControl(seat.ws, { type: 'access', canType });
    }
    if (theirs.length) this.fit();
    return theirs.length;
  }

  /** Closes `userId`'s sockets (all of them without `userId`) with `code`; returns how many. */
  close(code: number, reason: string, userId?: string): number {
    const theirs = [...this.seats].filter((s) => userId === undefined || s.userId === userId);
    for (const seat of theirs) this.remove(seat, code, reason);
    return theirs.length;
  }

  /** Sends output to every socket; one that left this much unread is closed (it reconnects and gets the scrollback). */
  output(data: string): void {
    for (const seat of [...this.seats]) {
      if (seat.ws.readyState !== seat.ws.OPEN) continue;
      if (seat.ws.bufferedAmount > this.limits.maxBufferedBytes) this.remove(seat, TerminalClose.TOO_SLOW, 'Too slow: reconnect');
      else seat.ws.send(data);
    }
  }

  control(message: TerminalControl): void {
    for (const seat of this.seats) sendControl(seat.ws, message);
  }

  private onMessage(seat: Seat, raw: Buffer, isBinary: boolean): void {
    if (!this.seats.has(seat)) return;
    const message = parseClientMessage(raw, isBinary, this.limits.maxInputBytes);
    if (message?.type === 'resize') {
      Object.assign(seat, { cols: clampCols(message.cols), rows: clampRows(message.rows) });
      this.fit();
    } else if (message?.type === 'input') {
      if (!seat.canType) {
        if (!seat.toldReadonly) sendControl(seat.ws, { type: 'readonly' });
        seat.toldReadonly = true;
      } else if (this.withinLimits(seat, message.data)) this.events.input(message.data);
    }
  }

  private withinLimits(seat: Seat, data: string): boolean {
    const bytes = Buffer.byteLength(data);
    const now = Date.now();
    if (now - seat.windowStart >= 1000) Object.assign(seat, { windowStart: now, windowBytes: 0 });
    seat.windowBytes += bytes;
    return bytes <= this.limits.maxInputBytes && seat.windowBytes <= this.limits.inputBytesPerSecond;
  }

  /**
   * The PTY takes the smallest size among those who may type (among everyone while nobody may), so the whole
   * screen fits every typist's window; a viewer's window never changes the shared size. True if it changed.
   */
  private fit(): boolean {
    const seats = [...this.seats];
    const pool = seats.some((s) => s.canType) ? seats.filter((s) => s.canType) : seats;
    if (!pool.length) return false;
    const next = { cols: Math.min(...pool.map((s) => s.cols)), rows: Math.min(...pool.map((s) => s.rows)) };
    if (next.cols === this.size.cols && next.rows === this.size.rows) return false;
    this.size = next;
    this.control({ type: 'size', ...next });
    this.events.resized(next);
    return true;
  }

  private remove(seat: Seat, code?: number, reason?: string): void {
    const present = this.seats.delete(seat);
    if (code !== undefined && seat.ws.readyState !== seat.ws.CLOSED) {
      seat.ws.close(code, reason);
      setTimeout(() => seat.ws.terminate(), CLOSE_WAIT_MS).unref();
    }
    if (!present) return;
    this.fit();
    if (!this.seats.size) this.events.emptied();
  }
}
