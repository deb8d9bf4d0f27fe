import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  InjectionToken,
  type OnDestroy,
  ViewEncapsulation,
  afterNextRender,
  inject,
  input,
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
 * xterm loads lazily, the first time a terminal opens.
 */
@Component({
  selector: 'app-sandbox-terminal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: '../../../../../../node_modules/@xterm/xterm/css/xterm.css',
  template: `
    <div #host class="sandbox-terminal" data-testid="sandbox-terminal" style="height: 18rem"></div>
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
  protected readonly state = signal<TerminalState>('connecting');
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private readonly openSocket = inject(TERMINAL_SOCKET);
  private teardown: Array<() => void> = [];

  constructor() {
    afterNextRender(() => void this.start());
  }

  ngOnDestroy(): void {
    this.teardown.forEach((stop) => stop());
  }

  private async start(): Promise<void> {
    const [{ Terminal }, { FitAddon }] = await Promise.all([
      import('@xterm/xterm'),
      import('@xterm/addon-fit'),
    ]);
    const term = new Terminal({ cursorBlink: true, fontSize: 13 });
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
    ws.onopen = () => this.state.set('open');
    ws.onclose = () => this.state.set('closed');
    ws.onmessage = (event: MessageEvent) =>
      typeof event.data === 'string' && term.write(event.data);
    const input = term.onData((data) => send({ type: 'input', data }));
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
      () => ws.close(),
      () => escapes.dispose(),
      () => term.dispose(),
    ];
  }
}
