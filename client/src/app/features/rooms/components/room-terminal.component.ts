import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { SandboxTerminalComponent } from '../../sandbox/components/sandbox-terminal.component';
import { previewSource } from '../../sandbox/components/sandbox-panel.component';
import { SandboxApi } from '../../sandbox/services/sandbox-api.service';
import type { RoomSandbox } from '../models/room.models';
import type { RunNotice } from '../models/room-exit';
import { RoomsApi } from '../services/rooms-api.service';

/** The shared terminal's close codes (api/src/http/rooms-terminal/terminal-protocol.ts). */
const CLOSE_WORDS: Readonly<Record<number, string>> = {
  4403: 'You were removed from the room: the terminal closed.',
  4410: 'The room was closed: the terminal closed with it.',
  1011: "The room's sandbox is not available right now.",
};
/** Reading too slowly (1013): the server asks to reconnect; the scrollback replays. */
const TOO_SLOW = 1013;

/**
 * The room's shared terminal (one PTY for everyone, `/rooms/<id>/terminal`), with Run and Test (the
 * project's scripts, typed into it for all to see) and the shared preview. Viewers watch: the terminal
 * takes no keys and says so; the server enforces it too (and says `readonly` if someone tries).
 */
@Component({
  selector: 'app-room-terminal',
  imports: [SandboxTerminalComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './room-terminal.component.html',
  styleUrl: './room-terminal.component.css',
})
export class RoomTerminalComponent {
  readonly roomId = input.required<string>();
  readonly sandbox = input<RoomSandbox | null>(null);
  /** Participant or above in a live room. */
  readonly canType = input(false);
  /** Someone pressed Run or Test (a room event). */
  readonly run = input<RunNotice | null>(null);

  private readonly api = inject(RoomsApi);
  private readonly sandboxes = inject(SandboxApi);
  private readonly window = inject(DOCUMENT).defaultView;
  /** A new value opens a new socket (Reconnect). */
  protected readonly generation = signal(0);
  protected readonly closedWith = signal<string | null>(null);
  /** What the server says: it may refuse keys the page thought allowed (a role changed meanwhile). */
  protected readonly serverCanType = signal<boolean | null>(null);
  protected readonly refusedKeys = signal(false);
  protected readonly lastRun = signal<RunNotice | null>(null);
  protected readonly shellExited = signal(false);
  protected readonly busy = signal<'RUN' | 'TEST' | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly path = computed(() => this.sandbox()?.terminalPath ?? `/rooms/${this.roomId()}/terminal`);
  protected readonly typing = computed(() => this.canType() && this.serverCanType() !== false);
  protected readonly runReason = computed(() => this.reason('RUN'));
  protected readonly testReason = computed(() => this.reason('TEST'));
  protected readonly notice = computed(() => this.run() ?? this.lastRun());

  protected onControl(message: { readonly type: string } & Record<string, unknown>): void {
    switch (message.type) {
      case 'access':
        this.serverCanType.set(message['canType'] === true);
        return;
      case 'readonly':
        return this.refusedKeys.set(true);
      case 'run': {
        const by = message['by'] as { name?: unknown } | undefined;
        const name = typeof by?.name === 'string' ? by.name : null;
        const command = typeof message['command'] === 'string' ? message['command'] : null;
        return this.lastRun.set({ by: name, command });
      }
      case 'exit':
        return this.shellExited.set(true);
    }
  }

  protected onClosed(code: number): void {
    if (code === TOO_SLOW) return this.reconnect();
    this.closedWith.set(CLOSE_WORDS[code] ?? 'The terminal connection closed.');
  }

  protected reconnect(): void {
    this.closedWith.set(null);
    this.serverCanType.set(null);
    this.refusedKeys.set(false);
    this.generation.update((n) => n + 1);
  }

  protected async start(script: 'RUN' | 'TEST'): Promise<void> {
    this.busy.set(script);
    this.error.set(null);
    this.shellExited.set(false);
    const result = await this.api.run(this.roomId(), script);
    this.busy.set(null);
    if (!result.ok) this.error.set(result.error.message);
  }

  /** The preview on its own origin, with a fresh token (as the sandbox panel opens it). */
  protected openPreview(): void {
    const sandboxId = this.sandbox()?.id;
    if (!sandboxId) return;
    this.sandboxes.openPreview(sandboxId).subscribe((result) => {
      if (result.ok) this.window?.open(previewSource(sandboxId, result.value.url), '_blank', 'noopener');
      else this.error.set(result.error.message);
    });
  }

  private reason(script: 'RUN' | 'TEST'): string | null {
    if (!this.canType()) return 'Only participants and above can run scripts.';
    const box = this.sandbox();
    if (!box) return null;
    const command = script === 'RUN' ? box.runCommand : box.testCommand;
    const why = script === 'RUN' ? box.runUnavailableReason : box.testUnavailableReason;
    return command ? null : (why ?? `The project has no ${script === 'RUN' ? 'run' : 'test'} script.`);
  }
}
