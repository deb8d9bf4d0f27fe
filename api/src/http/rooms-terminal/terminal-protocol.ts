/**
 * The shared terminal's wire protocol, a superset of the one-person terminal's (terminal-socket.ts), so an
 * xterm.js client of that one keeps working:
 *
 * - server → client **text** frames are the PTY's output, written as is (`term.write(data)`);
 * - server → client **binary** frames are control messages: UTF-8 JSON of a {@link TerminalControl}. Output
 *   always travels as text, so nothing a program in the sandbox prints can pass for a control message;
 *   a browser client sets `ws.binaryType = 'arraybuffer'` and decodes binary frames with `TextDecoder`;
 * - client → server text frames are JSON `{ "type": "input", "data": "…" }` (from `term.onData`) and
 *   `{ "type": "resize", "cols": 120, "rows": 30 }` (from the fit addon). Anything else is ignored.
 *
 * Close codes: 4403 removed from the room (kicked), 4410 room closed (archived), 1011 the room's sandbox or
 * shell is not available, 1013 the client read too slowly (reconnect: the scrollback replays).
 */
import type { WebSocket } from 'ws';

/** What the server tells a client besides output. */
export type TerminalControl =
  /** Sent on attach and whenever the person's right to type changes. */
  | { type: 'access'; canType: boolean }
  /** Sent once when a person without the right to type tried to (until their access changes). */
  | { type: 'readonly' }
  /** The shared PTY's size; sent on attach and when it changes. Clients show the terminal at this size. */
  | { type: 'size'; cols: number; rows: number }
  /** A Run or Test button typed `command` into the shared shell. */
  | { type: 'run'; command: string; by: { id: string; name: string } }
  /** The shell exited; the next input from someone who may type starts a new one. */
  | { type: 'exit'; exitCode: number };

/** What a client sends. */
export type TerminalClientMessage = { type: 'input'; data: string } | { type: 'resize'; cols: number; rows: number };

/** Close codes the room terminal uses (see the protocol above). */
export const TerminalClose = {
  KICKED: 4403,
  ROOM_CLOSED: 4410,
  UNAVAILABLE: 1011,
  TOO_SLOW: 1013,
} as const;

/** Sends a control message (a binary frame) if the socket is open. */
export function sendControl(ws: WebSocket, message: TerminalControl): void {
  if (ws.readyState === ws.OPEN) ws.send(Buffer.from(JSON.stringify(message)), { binary: true });
}

/** A client frame as a message, or null for anything malformed, oversized or unknown. */
export function parseClientMessage(
  raw: Buffer | ArrayBuffer | Buffer[],
  isBinary: boolean,
  maxBytes: number,
): TerminalClientMessage | null {
  if (isBinary) return null;
  const bytes = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);
  if (bytes.length > maxBytes + 64) return null;
  let message: unknown;
  try {
    message = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type === 'input' && typeof m.data === 'string' && m.data.length > 0) return { type: 'input', data: m.data };
  if (m.type === 'resize' && Number.isInteger(m.cols) && Number.isInteger(m.rows))
    return { type: 'resize', cols: m.cols as number, rows: m.rows as number };
  return null;
}

/** Limits of the PTY's size, as attachTerminal clamps them. */
export const clampCols = (n: unknown): number => clamp(n, 2, 500, 80);
export const clampRows = (n: unknown): number => clamp(n, 2, 200, 24);

function clamp(n: unknown, min: number, max: number, fallback: number): number {
  return typeof n === 'number' && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
