import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { Subject, merge, switchMap, timer } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { SandboxApi } from '../services/sandbox-api.service';
import type { SandboxViewFragment as SandboxView } from '../../../generated/sandbox';
import { SandboxTerminalComponent } from './sandbox-terminal.component';

/** How often the panel refreshes the sandbox list (status and preview URL change as the workflow runs). */
export const SANDBOX_POLL_MS = 3000;

/**
 * The project's sandbox: start one (install, test, preview), watch the preview in an iframe, open a
 * terminal, stop it. The preview lives on its own origin (`<sandboxId>.preview.<host>`), so its scripts
 * cannot act as the signed-in user even with `allow-same-origin`, which lets the page call its own API.
 */
@Component({
  selector: 'app-sandbox-panel',
  imports: [SandboxTerminalComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="panel-header">
      <h2>Sandbox</h2>
      @if (current(); as box) {
        <span
          class="badge"
          data-testid="sandbox-state"
          [class.badge-success]="box.status === 'RUNNING'"
          [class.badge-info]="box.status !== 'RUNNING'"
          >{{ box.status === 'RUNNING' ? 'Running' : 'Starting' }}</span
        >
      }
    </div>
    <div class="sandbox-body">
      @let list = sandboxes();
      @if (actionError(); as message) {
        <p class="callout error" role="alert" data-testid="sandbox-error">{{ message }}</p>
      }
      @if (!list) {
        <p class="muted" aria-busy="true">Loading…</p>
      } @else if (!list.ok) {
        <p class="callout error" role="alert">{{ list.error.message }}</p>
      } @else if (current(); as box) {
        <p class="sandbox-status" data-testid="sandbox-status">
          <code>{{ box.runtime }}</code> · {{ box.status === 'RUNNING' ? 'running' : 'starting' }}
        </p>
        @if (box.previewUrl) {
          @let frame = preview();
          @if (frame?.id === box.id) {
            <iframe
              class="sandbox-preview"
              data-testid="sandbox-preview"
              title="Preview"
              [src]="frame!.src"
              sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-modals"
            ></iframe>
          } @else {
            <p class="muted" aria-busy="true">Opening the preview…</p>
          }
        } @else {
          <p class="muted" data-testid="sandbox-waiting">
            Installing and testing; the preview appears when its server answers.
          </p>
        }
        <div class="sandbox-actions">
          @if (box.previewUrl) {
            <button
              type="button"
              class="button"
              data-testid="sandbox-open-tab"
              (click)="openInTab(box.id)"
            >
              Open preview in a tab ↗
            </button>
          }
          <button
            type="button"
            class="button"
            data-testid="sandbox-terminal-toggle"
            [attr.aria-expanded]="terminalOpen()"
            (click)="terminalOpen.set(!terminalOpen())"
          >
            {{ terminalOpen() ? 'Hide terminal' : 'Terminal' }}
          </button>
          <button
            type="button"
            class="button danger"
            data-testid="sandbox-stop"
            (click)="stop(box.id)"
          >
            Stop sandbox
          </button>
        </div>
        @if (terminalOpen()) {
          <app-sandbox-terminal [path]="box.terminalPath" />
        }
      } @else {
        <p class="muted">
          No sandbox runs this project. A sandbox installs it, runs its tests and serves a live
          preview.
        </p>
        <div class="sandbox-actions">
          <button
            type="button"
            class="button primary"
            data-testid="sandbox-start"
            [disabled]="busy()"
            (click)="start()"
          >
            {{ busy() ? 'Starting…' : 'Run in a sandbox' }}
          </button>
        </div>
      }
    </div>
  `,
  styles: `
    .sandbox-body {
      display: grid;
      /* Never as wide as the terminal or preview inside: they fit the panel, not the other way round. */
      grid-template-columns: minmax(0, 1fr);
      gap: 10px;
      padding: 12px 14px 14px;
    }
    .sandbox-body > p,
    .sandbox-body .callout {
      margin: 0;
    }
    .sandbox-preview {
      width: 100%;
      height: 18rem;
      border: 1px solid var(--border);
      border-radius: 6px;
      background: #fff;
    }
    .sandbox-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class SandboxPanelComponent {
  readonly projectId = input.required<string>();
  private readonly api = inject(SandboxApi);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly refresh = new Subject<void>();
  protected readonly sandboxes = signal<Result<readonly SandboxView[]> | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly terminalOpen = signal(false);
  /** The newest live sandbox of the project, if any. */
  protected readonly current = computed(() => {
    const list = this.sandboxes();
    return list?.ok ? (list.value[0] ?? null) : null;
  });
  /** The iframe's source: a link with a token, asked for once per sandbox (its cookie outlives the token). */
  protected readonly preview = signal<{ id: string; src: SafeResourceUrl } | null>(null);
  private previewAskedFor: string | null = null;

  constructor() {
    toObservable(this.projectId)
      .pipe(
        switchMap((id) =>
          merge(timer(0, SANDBOX_POLL_MS), this.refresh).pipe(switchMap(() => this.api.list(id))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.sandboxes.set(result);
        this.askForPreview();
      });
  }

  private askForPreview(): void {
    const box = this.current();
    if (!box?.previewUrl || this.previewAskedFor === box.id) return;
    this.previewAskedFor = box.id;
    this.api.openPreview(box.id).subscribe((result) => {
      if (!result.ok) return this.actionError.set(result.error.message);
      const src = this.sanitizer.bypassSecurityTrustResourceUrl(previewSource(box.id, result.value.url));
      this.preview.set({ id: box.id, src });
    });
  }

  /** A new tab needs its own token: the frame's cookie is partitioned to this page. */
  protected openInTab(id: string): void {
    this.api.openPreview(id).subscribe((result) => {
      if (result.ok) this.window?.open(previewSource(id, result.value.url), '_blank', 'noopener');
      else this.actionError.set(result.error.message);
    });
  }

  protected start(): void {
    this.busy.set(true);
    this.api.start(this.projectId()).subscribe((result) => {
      this.busy.set(false);
      this.actionError.set(result.ok ? null : result.error.message);
      this.refresh.next();
    });
  }

  protected stop(id: string): void {
    this.terminalOpen.set(false);
    this.api.destroy(id).subscribe((result) => {
      this.actionError.set(result.ok ? null : result.error.message);
      this.refresh.next();
    });
  }
}

/** Only an http(s) URL on the sandbox's own preview host is trusted as a frame or tab source. */
export function previewSource(sandboxId: string, url: string): string {
  try {
    const parsed = new URL(url);
    const ok = /^https?:$/.test(parsed.protocol) && parsed.hostname.startsWith(`${sandboxId.toLowerCase()}.`);
    return ok ? parsed.toString() : 'about:blank';
  } catch {
    return 'about:blank';
  }
}
