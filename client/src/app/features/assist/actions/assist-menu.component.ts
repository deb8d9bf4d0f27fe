import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { AssistAction } from '@contracts/assist';
import { ACTION_LABELS, EDITOR_ACTIONS } from './assist-action.models';

interface MenuItem {
  readonly action: AssistAction;
  readonly label: string;
  /** Why it cannot be chosen, or null. */
  readonly off: string | null;
}

/** The editor toolbar's "Assist" menu: the actions on the open file, and a new file from a description. */
@Component({
  selector: 'app-assist-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:pointerdown)': 'onOutside($event)', '(keydown.escape)': 'open.set(false)' },
  template: `
    <button
      type="button"
      class="button small"
      data-testid="assist-menu-toggle"
      aria-haspopup="menu"
      [attr.aria-expanded]="open()"
      [title]="unavailable() ?? 'Ask the model about this file'"
      (click)="open.set(!open())"
    >
      Assist ▾
    </button>
    @if (open()) {
      <div class="assist-menu" role="menu" data-testid="assist-menu">
        @for (item of items(); track item.action) {
          @if (item.action === 'new_file') {
            <hr />
          }
          <button
            type="button"
            role="menuitem"
            [attr.data-testid]="'assist-menu-' + item.action"
            [disabled]="item.off !== null"
            [title]="item.off ?? ''"
            (click)="choose(item.action)"
          >
            {{ item.label }}
          </button>
        }
        @if (unavailable(); as why) {
          <p class="menu-note" data-testid="assist-menu-off">{{ why }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
    }
    .button.small {
      height: 26px;
      padding: 0 10px;
      font-size: 12px;
    }
    .assist-menu {
      position: absolute;
      right: 0;
      top: calc(100% + 4px);
      z-index: 30;
      min-width: 200px;
      max-width: 300px;
      padding: 4px;
      display: flex;
      flex-direction: column;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 8px;
      box-shadow: 0 8px 24px rgb(16 24 40 / 14%);
    }
    .assist-menu button {
      padding: 6px 10px;
      border: 0;
      border-radius: 5px;
      background: none;
      color: var(--text);
      font: inherit;
      font-size: 13px;
      text-align: left;
      cursor: pointer;
    }
    .assist-menu button:hover:not(:disabled),
    .assist-menu button:focus-visible {
      background: var(--info-bg);
      outline: none;
    }
    .assist-menu button:disabled {
      color: var(--muted);
      cursor: not-allowed;
    }
    hr {
      width: 100%;
      margin: 4px 0;
      border: 0;
      border-top: 1px solid var(--border);
    }
    .menu-note {
      margin: 4px 10px 6px;
      font-size: 12px;
      color: var(--muted);
    }
  `,
})
export class AssistMenuComponent {
  /** A file is open (the editor-bound actions need one). */
  readonly fileOpen = input(true);
  readonly canEdit = input(false);
  /** Why actions cannot run here (no model …), or null. */
  readonly unavailable = input<string | null>(null);
  readonly chosen = output<AssistAction>();

  protected readonly open = signal(false);
  private readonly element = inject(ElementRef<HTMLElement>);

  protected readonly items = computed((): MenuItem[] => {
    const off = this.unavailable() ? 'Assist is not available here.' : null;
    const noFile = this.fileOpen() ? null : 'Open a file first.';
    const readOnly = this.canEdit() ? null : 'You can only read this project.';
    return [...EDITOR_ACTIONS, 'new_file' as const].map((action) => ({
      action,
      label: ACTION_LABELS[action],
      off:
        off ??
        (action === 'new_file' ? readOnly : (noFile ?? (action === 'explain' ? null : readOnly))),
    }));
  });

  protected choose(action: AssistAction): void {
    this.open.set(false);
    this.chosen.emit(action);
  }

  protected onOutside(event: Event): void {
    if (this.open() && !this.element.nativeElement.contains(event.target as Node))
      this.open.set(false);
  }
}
