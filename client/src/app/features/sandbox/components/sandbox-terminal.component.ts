import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  InjectionToken,
  type OnDestroy,
  ViewEncapsulation,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { filterTerminalEscapes } from './terminal-escape-filter';

/** Opens the terminal's WebSocket; tests swap in a fake. */
export const TERMINAL_SOCKET = new InjectionToken<(url: string) => WebSocket>('TERMINAL_SOCKET', {
  providedIn: 'root',
  factory: () => (url: string) => new WebSocket(url),
});

type TerminalState = 'connecting' | 'open' | 'closed';

/**
 * An xterm.js terminal bound to `/terminal/<sandboxId>`: keystrokes go out as `{type:'input'}`,
 * size changes (fit addon) as `{type:'resize'}`, and the PTY's output is written as it arrives, less
 * the escape sequences that would reach the clipboard or answer on the input side (terminal-escape-filter.ts).
 * xterm loads lazily, the first time a terminal opens. A room's shared terminal (`/rooms/<id>/terminal`)
 * also sends control messages as binary frames (JSON, never output): they come out as `control`.
 */
@Component({
  selector: 'app-sandbox-terminal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: '../../../../../../node_modules/@xterm/xterm/css/xterm.css',
  template: `
    <div
      #host
      class="sandbox-terminal"
      data-testid="sandbox-terminal"
      [style.height]="height()"
      [attr.data-read-only]="readOnly()"
    ></div>
    @if (state() !== 'open') {
      <p class="muted" data-testid="sandbox-terminal-state">
        {{ state() === 'connecting' ? 'Connecting…' : 'The terminal closed.' }}
      </p>
    }
  `,
})
export class SandboxTerminalComponent implements OnDestroy {
  /** `terminalPath` of the sandbox, e.g. `/terminal/<id>`. */
  readonly path = input.required<string>();
  /** Watch only: keystrokes are neither taken nor sent (the server refuses them anyway). */
  readonly readOnly = input(false);
  /** The terminal's height (CSS), e.g. `100%` inside a sized panel. */
  readonly height = input('18rem');
  /** A control message (a binary frame's JSON object with a string `type`). */
  readonly control = output<{ readonly type: string } & Record<string, unknown>>();
  /** The socket closed, with its close code. */
  readonly closed = output<number>();
  protected readonly state = signal<TerminalState>('connecting');
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private readonly openSocket = inject(TERMINAL_SOCKET);
  private teardown: Array<() => void> = [];
  private term: { options: { disableStdin?: boolean } } | null = null;

  constructor() {
    afterNextRender(() => void this.start());
    effect(() => {
      const readOnly = this.readOnly();
      if (this.term) this.term.options.disableStdin = readOnly;
    });
  }

  ngOnDestroy(): void {
    this.teardown.forEach((stop) => stop());
  }

  private async start(): Promise<void> {
    const [{ Terminal }, { FitAddon }] = await Promise.all([
      import('@xterm/xterm'),
      import('@xterm/addon-fit'),
    ]);
    const term = new Terminal({ cursorBlink: true, fontSize: 13, disableStdin: this.readOnly() });
    this.term = term;
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(this.host().nativeElement);
    // Last, so it runs before any addon's handler: sandbox output never reaches the clipboard or types input.
    const escapes = filterTerminalEscapes(term);
    fit.fit();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = this.openSocket(
      `${scheme}://${location.host}${this.path()}?cols=${term.cols}&rows=${term.rows}`,
    );
    const send = (message: object) =>
      ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(message));
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => this.state.set('open');
    ws.onclose = (event: CloseEvent) => {
      this.state.set('closed');
      this.closed.emit(event.code);
    };
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data === 'string') term.write(event.data);
      // (Not `instanceof`: a buffer from another realm, a test's for one, is still a buffer.)
      else if (Object.prototype.toString.call(event.data) === '[object ArrayBuffer]') {
        const message = controlOf(event.data as ArrayBuffer);
        if (message) this.control.emit(message);
      }
    };
    const input = term.onData((data) => !this.readOnly() && send({ type: 'input', data }));
    const resize = term.onResize(({ cols, rows }) => send({ type: 'resize', cols, rows }));
    // Fitting resizes the terminal inside the observed host; done inside the observer's callback, that resize
    // lands in the same frame and Chromium reports "ResizeObserver loop completed with undelivered
    // notifications" again and again. So fit in the next frame, and only when the host's size really changed.
    let fitted = '';
    let frame = 0;
    const observer = new ResizeObserver(([entry]) => {
      const size = entry
        ? `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`
        : '';
      if (size === fitted) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        fitted = size;
        fit.fit();
      });
    });
    observer.observe(this.host().nativeElement);
    this.teardown = [
      () => cancelAnimationFrame(frame),
      () => observer.disconnect(),
      () => input.dispose(),
      () => resize.dispose(),
      // Closed by us: not news for whoever listens to `closed` (and the component is going away).
      () => (ws.onclose = () => undefined),
      () => ws.close(),
      () => escapes.dispose(),
      () => term.dispose(),
      () => (this.term = null),
    ];
  }
}

/** A binary frame's JSON object with a string `type`, or null. */
function controlOf(frame: ArrayBuffer): ({ readonly type: string } & Record<string, unknown>) | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(frame));
    return typeof value === 'object' &&
      value !== null &&
      typeof (value as { type?: unknown }).type === 'string'
      ? (value as { type: string } & Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
