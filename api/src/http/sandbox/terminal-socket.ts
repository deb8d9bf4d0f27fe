import { spawn } from '@lydell/node-pty';
import type { WebSocket } from 'ws';
import type { Sandbox } from '../../../../sandbox/types';

/**
 * Terminal protocol, in the shape xterm.js uses: the server sends the PTY's output as text frames
 * (`term.write(data)`); the client sends JSON `{ "type": "input", "data": "…" }` (from `term.onData`)
 * and `{ "type": "resize", "cols": 120, "rows": 30 }` (from the fit addon).
 */
export type TerminalClientMessage = { type: 'input'; data: string } | { type: 'resize'; cols: number; rows: number };

const clamp = (n: unknown, min: number, max: number, fallback: number) => (Number.isInteger(n) ? Math.min(max, Math.max(min, n as number)) : fallback);

/** Bridges one WebSocket to an interactive shell on a PTY inside the sandbox; either side closing ends both. */
export function attachTerminal(ws: WebSocket, sandbox: Sandbox, size: { cols: number; rows: number }, onActivity: () => void): void {
  const argv = sandbox.terminalArgv?.();
  if (!argv) {
    ws.close(1011, 'This sandbox backend has no terminal');
    return;
  }
  const pty = spawn(argv[0]!, argv.slice(1), { name: 'xterm-256color', cols: clamp(size.cols, 2, 500, 80), rows: clamp(size.rows, 2, 200, 24), env: {} });
  let lastTouch = 0;
  pty.onData((data) => {
    if (ws.readyState === ws.OPEN) ws.send(data);
  });
  pty.onExit(() => {
    if (ws.readyState === ws.OPEN) ws.close(1000, 'The shell exited');
  });
  ws.on('message', (raw) => {
    let message: TerminalClientMessage;
    try {
      message = JSON.parse(raw.toString()) as TerminalClientMessage;
    } catch {
      return;
    }
    if (message.type === 'input' && typeof message.data === 'string') {
      pty.write(message.data);
      if (Date.now() - lastTouch > 30_000) {
        lastTouch = Date.now();
        onActivity();
      }
    } else if (message.type === 'resize') {
      pty.resize(clamp(message.cols, 2, 500, 80), clamp(message.rows, 2, 200, 24));
    }
  });
  ws.on('close', () => {
    try {
      pty.kill('SIGKILL');
    } catch {
      // Already exited.
    }
  });
}
