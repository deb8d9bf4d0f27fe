import { spawn, type IPty } from '@lydell/node-pty';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { ErrorCode } from '../../../../contracts/errors';
import type { Sandbox } from '../../../../sandbox/types';
import { RoomSeats, type SeatLimits } from './room-seats';
import { Scrollback } from './scrollback';
import { TerminalClose } from './terminal-protocol';

/** Settings of every room's shell (SharedTerminalsOptions with its defaults applied). */
export interface RoomShellSettings extends SeatLimits {
  readonly sandboxFor: (roomKey: string, print: (text: string) => void) => Promise<Sandbox>;
  readonly graceMs: number;
  readonly scrollbackChars: number;
  readonly onActivity: (roomKey: string) => void;
  readonly logger: Logger;
}

/** Longest wait for a new shell's first output (its prompt) before input is let through anyway. */
const SHELL_READY_MS = 5000;
/** Activity is reported at most this often per room (it becomes a database write). */
const ACTIVITY_EVERY_MS = 30_000;

/**
 * One room's terminal: at most one PTY (a shell in the room's sandbox), the sockets on it, and the scrollback.
 * The PTY starts on first need (an attach, a run), survives its last socket by `graceMs`, and is killed then or
 * by `close`. Once closed, an instance is dropped by the hub and never reused.
 */
export class RoomShell {
  readonly seats: RoomSeats;
  private readonly scrollback: Scrollback;
  private shell: Promise<IPty> | null = null;
  private pty: IPty | null = null;
  /** The foreground process's name while the shell itself is in front (node-pty reads it from /proc). */
  private shellName = 'bash';
  private grace: NodeJS.Timeout | null = null;
  private lastActivity = 0;
  private closed = false;

  constructor(
    readonly key: string,
    private readonly settings: RoomShellSettings,
    private readonly onClosed: () => void,
  ) {
    this.scrollback = new Scrollback(settings.scrollbackChars);
    this.seats = new RoomSeats(settings, {
      input: (data) => {
        this.activity();
        this.ensureShell().then(
          (pty) => pty.write(data),
          () => undefined,
        );
      },
      resized: ({ cols, rows }) => this.pty?.resize(cols, rows),
      emptied: () => this.graceIfEmpty(),
    });
  }

  /** Adds a socket: it gets its access, the size and the scrollback, then live output; the shell starts if need be. */
  attach(ws: WebSocket, person: { userId: string; canType: boolean; cols: number; rows: number }): void {
    if (this.grace) clearTimeout(this.grace);
    this.grace = null;
    this.seats.add(ws, person);
    const replay = this.scrollback.text();
    if (replay) ws.send(replay);
    this.ensureShell().catch(() => undefined);
  }

  /**
   * Types `command` into the shell and tells everyone. A program in the foreground is interrupted first (^C, then
   * up to 2 s for the shell to be back in front); a half-typed line at the prompt is cleared (^E ^U).
   */
  async run(command: string, by: { id: string; name: string }): Promise<void> {
    const pty = await this.ensureShell();
    this.seats.control({ type: 'run', command, by });
    this.activity();
    // ^C only when something else is in front: at bash's own prompt it races readline and can eat the next key.
    if (pty.process !== this.shellName) {
      pty.write('\x03');
      for (let waited = 0; waited < 2000 && pty.process !== this.shellName && this.pty === pty; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
    }
    if (this.pty === pty) pty.write(`\x05\x15${command}\r`);
    this.graceIfEmpty();
  }

  /** Shows server-side text (install progress, notices) to everyone, as output. */
  print(text: string): void {
    this.output(text.replace(/\r?\n/g, '\r\n'));
  }

  stats(): { sockets: number; shellPid: number | null; cols: number; rows: number } {
    return { sockets: this.seats.count, shellPid: this.pty?.pid ?? null, ...this.seats.size };
  }

  /** Kills the shell and closes every socket with `code`. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.grace) clearTimeout(this.grace);
    this.seats.close(code, reason);
    const pty = this.pty;
    this.pty = null;
    this.shell = null;
    try {
      pty?.kill('SIGKILL');
    } catch {
      // Already exited.
    }
    this.scrollback.clear();
    this.onClosed();
  }

  private ensureShell(): Promise<IPty> {
    if (this.closed) return Promise.reject(new Error(`room terminal ${this.key} is closed`));
    this.shell ??= this.spawnShell().catch((error: unknown) => {
      this.shell = null;
      if (!this.closed) {
        this.settings.logger.warn({ err: error, room: this.key }, 'room terminal could not start its shell');
        // Domain errors (a tier's sandbox limit, a missing project) carry messages meant for people.
        const code = (error as { code?: unknown }).code;
        if (error instanceof Error && (Object.values(ErrorCode) as unknown[]).includes(code)) this.print(`\n[${error.message}]\n`);
        this.seats.close(TerminalClose.UNAVAILABLE, 'The room terminal is not available');
      }
      throw error;
    });
    return this.shell;
  }

  private async spawnShell(): Promise<IPty> {
    const sandbox = await this.settings.sandboxFor(this.key, (text) => this.print(text));
    if (this.closed) throw new Error(`room terminal ${this.key} closed while its sandbox started`);
    const argv = sandbox.terminalArgv?.();
    if (!argv) throw new Error(`sandbox backend ${sandbox.backend} has no terminal`);
    const pty = spawn(argv[0]!, argv.slice(1), { name: 'xterm-256color', ...this.seats.size, env: {} });
    this.pty = pty;
    pty.onData((data) => this.output(data));
    pty.onExit(({ exitCode }) => {
      if (this.pty !== pty) return;
      this.pty = null;
      this.shell = null;
      this.seats.control({ type: 'exit', exitCode });
      this.print('\n[The shell exited. Type to start a new one.]\n');
    });
    // Input (a run's ^C above all) reaching bash before it set up its signal handlers would kill it: wait for its prompt.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, SHELL_READY_MS);
      const first = pty.onData(() => (clearTimeout(timer), first.dispose(), resolve()));
    });
    this.shellName = pty.process;
    return pty;
  }

  private output(data: string): void {
    this.scrollback.push(data);
    this.seats.output(data);
  }

  private graceIfEmpty(): void {
    if (this.seats.count || this.grace || this.closed) return;
    this.grace = setTimeout(() => this.close(TerminalClose.ROOM_CLOSED, 'The terminal was idle'), this.settings.graceMs);
    this.grace.unref();
  }

  private activity(): void {
    if (Date.now() - this.lastActivity < ACTIVITY_EVERY_MS) return;
    this.lastActivity = Date.now();
    this.settings.onActivity(this.key);
  }
}
